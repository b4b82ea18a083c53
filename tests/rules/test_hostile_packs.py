"""Verify that a hostile rule pack cannot hang a run or reach Python: slow patterns are refused at
load or stopped by the time budget, templates are held to a small language, and every refusal
is one line naming the rule, with one worker process or several."""
from __future__ import annotations

import time
from pathlib import Path
from string import Template

import pytest

from lint.errors import RuleError
from lint.rules import patterns
from lint.rules.loader import load_ruleset
from lint.rules.render import render

from tests.conftest import FIXTURES

RULE = Template((FIXTURES / "hostile" / "rule.yaml").read_text(encoding="utf-8"))

#: Patterns that can take exponential time, refused when the pack loads.
BACKTRACKING = [
    r"(a+)+$",
    r"(\w+\s?)*$",
    r"(\d+)*$",
    r"(?:a+){2,}$",
    r"(?:a+|b)+$",
    r"(a|a)*$",
    r"(a|aa)+$",
    r"(?:a|\w)+$",
    r"(?:ab|a\w)+$",
    r"(?:x(?:a|\w))+$",
]
#: Repeats that look nested but cannot backtrack badly: they load.
SAFE = [r"(?:cures?\s+)+pain", r"(?:[\w-]+ )+pain", r"(?>a+)+b", r"(?:a++)+b", r"(?:a+b)+c", r"[a\w]+", r"(?:yes|you)+"]
#: Templates that reach for Python internals, loop, call, or grow without bound.
TEMPLATES = [
    ("{{ match.__class__.__mro__ }}", "attribute access"),
    ("{{ ''.__class__ }}", "attribute access"),
    ("{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}", "a for loop"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "a function or method call"),
    ("{{ match|attr('__class__') }}", "the filter |attr"),
    ("{{ '{0.__class__}'.format(match) }}", "a function or method call"),
    ("{{ cycler.__init__.__globals__ }}", "attribute access"),
    ("{{ 'x' * 10**9 }}", "*"),
    ("{{ '%0999999999d' % 1 }}", "%"),
    ("{{ range(10**9)|list }}", "the filter |list"),
    ("{% set x = match %}{{ x }}", "{% set %}"),
]


def pack(tmp_path: Path, *, pattern: str = "miracle", message: str = "{{ match }} is hype") -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(RULE.substitute(pattern=pattern.replace("'", "''"), message=message.replace('"', '\\"')),
                    encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(RuleError) as info:
        load_ruleset([str(path)])
    message = str(info.value)
    assert "\n" not in message and message.startswith(f"{path}:") and ": rule XX101: " in message
    return message


@pytest.mark.parametrize("pattern", BACKTRACKING)
def test_backtracking_patterns_are_refused_at_load(tmp_path, pattern):
    message = load_error(pack(tmp_path, pattern=pattern))
    assert f"pattern {pattern!r}" in message and "exponential time" in message


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_repeats_load(tmp_path, pattern):
    assert [r.code for r in load_ruleset([str(pack(tmp_path, pattern=pattern))]).rules] == ["XX101"]


def test_a_backtracking_context_trigger_is_refused(cli, tmp_path):
    (tmp_path / "triggers.yaml").write_text("negated:\n  pre:\n    - '(a|aa)+$'\n")
    (tmp_path / ".healthlint.yaml").write_text("extend-context: [triggers.yaml]\n")
    (tmp_path / "page.txt").write_text("It cures pain.\n")
    result = cli("page.txt")
    assert result.exit_code == 2 and "exponential time" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pattern_over_its_time_budget_stops_the_run_with_one_line(cli, tmp_path, monkeypatch, jobs):
    """`(a)(?:\\1|a)+$` gets past the static check (a back-reference) and takes exponential time."""
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.3)  # forked workers inherit it
    pack(tmp_path, pattern=r"(a)(?:\1|a)+$")
    for i in range(20):  # enough files for two workers
        (tmp_path / f"p{i:02}.txt").write_text("a" * 40 + "!\n")
    started = time.perf_counter()
    result = cli("--isolated", "--no-cache", "--ruleset", "pack.yaml", "-j", jobs, ".")
    assert time.perf_counter() - started < 10
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"healthlint: error: {tmp_path / 'pack.yaml'}:4: rule XX101: a pattern went over "
                                    "its time budget on p")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(("template", "what"), TEMPLATES)
def test_templates_are_held_to_a_small_language(tmp_path, template, what):
    message = load_error(pack(tmp_path, message=template))
    assert f"message: template uses {what};" in message


def test_an_allowed_template_renders(cli, tmp_path):
    pack(tmp_path, message="{{ match|upper }} is {{ 'hype' if match else 'fine' }}")
    (tmp_path / "page.txt").write_text("A miracle.\n")
    assert cli("--isolated", "--ruleset", "pack.yaml", "page.txt").stdout == "page.txt:1:3: XX101 MIRACLE is hype\n"


@pytest.mark.parametrize("template", ["{{ match.__class__ }}", "{{ match.upper.__self__.__class__ }}",
                                      "{{ ().__class__.__base__.__subclasses__() }}"])
def test_the_sandbox_refuses_internals_at_render_time_too(template):
    """Behind the load-time check, the sandbox: a template that reached render time anyway."""
    rendered = render(template, {"match": "miracle"})
    assert rendered.startswith(template) and "is unsafe" in rendered and "class '" not in rendered
