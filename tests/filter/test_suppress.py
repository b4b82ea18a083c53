"""Verify suppression directives end to end: every form in every file kind, unused ones
(HL901), malformed ones (warnings), and how HL901 is selected, counted and explained.

Each file in tests/fixtures/suppress/ is linted with --show-suppressed; its `.out` file
holds the exact output and its `.err` file, if any, the warnings.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint import selftest
from lint.rules.loader import load_ruleset, with_own_rules

SUPPRESS = Path(__file__).resolve().parents[1] / "fixtures" / "suppress"
PAGES = sorted(p for p in SUPPRESS.iterdir() if p.suffix not in (".out", ".err"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_fixture_output(cli, page):
    result = cli("--isolated", "--show-suppressed", page.name, cwd=SUPPRESS)
    assert result.stdout == (SUPPRESS / f"{page.name}.out").read_text(encoding="utf-8")
    err = SUPPRESS / f"{page.name}.err"
    assert result.stderr == (err.read_text(encoding="utf-8") if err.exists() else "")


def test_suppressed_findings_are_counted_not_shown(cli):
    result = cli("--isolated", "--statistics", "range.html", cwd=SUPPRESS)
    assert "[set aside" not in result.stdout
    assert result.stdout.splitlines()[-1] == "3 findings in 1 file; 4 set aside (comment: 4)"


def test_unused_suppression_takes_the_named_rules_category(cli):
    result = cli("--isolated", "--format", "json", "next-line.html", cwd=SUPPRESS)
    unused = [(f["category"], f["text"]) for f in json.loads(result.stdout) if f["code"] == "HL901"]
    assert unused == [("safety_overclaim", "<!-- healthlint-disable-next-line HL112 -->"),
                      ("cure", "<!-- healthlint-disable-next-line HL101 -->")]


@pytest.mark.parametrize(("args", "unused"), [((), 2), (("--ignore", "HL901"), 0), (("--select", "HL1"), 0),
                                              (("--ignore", "HL112"), 1), (("--select", "HL9,HL101"), 1)])
def test_unused_suppression_is_selectable(cli, args, unused):
    result = cli("--isolated", *args, "next-line.html", cwd=SUPPRESS)
    assert result.stdout.count(" HL901 ") == unused


def test_a_directive_naming_hl901_suppresses_it(cli, tmp_path):
    (tmp_path / "p.html").write_text("<!-- healthlint-disable-file HL901 -->\n"
                                     "<!-- healthlint-disable-next-line HL101 -->\n<p>Fine.</p>\n")
    assert cli("--isolated", "p.html").stdout == ""


def test_quiet_hides_warnings(cli):
    assert cli("--isolated", "-q", "malformed.html", cwd=SUPPRESS).stderr == ""


def test_hl901_is_listed_and_explained(cli):
    assert "HL901  unused-suppression" in cli("rules").stdout
    explained = json.loads(cli("explain", "HL901", "--format", "json").stdout)
    assert explained["name"] == "unused-suppression" and explained["category"] == ""


def test_hl901_examples_behave():
    ruleset = with_own_rules(load_ruleset(["core"]))
    result = selftest.run(ruleset)
    assert not result.failures, "\n".join(map(str, result.failures))
    assert result.rules == len(load_ruleset(["core"]).rules) + 1
