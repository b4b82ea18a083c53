"""Verify that YAML from rule packs, front matter and config files cannot build objects, crash
the process or explode: tags are refused, and so are deep nesting and alias bombs."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from lint import safeyaml
from lint.errors import RuleError
from lint.rules.loader import load_ruleset

from tests.conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"

#: Tags that would run code or build Python objects with an unsafe loader.
TAGS = [
    "!!python/object/apply:os.system ['touch pwned']",
    "!!python/object/new:os.system ['touch pwned']",
    "!!python/object:os.PathLike {}",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!python/tuple [1, 2]",
    "!<tag:yaml.org,2002:python/object/apply:os.system> ['touch pwned']",
    "!custom value",
]
#: Documents refused for their shape, and what the refusal says.
SHAPES = [
    ("title: " + "[" * 50_000, "nests deeper than 100 levels"),
    ("- " * 50_000 + "x\n", "nests deeper than 100 levels"),
    ((HOSTILE / "laughs.yaml").read_text(), "more than 200,000 values"),
    ((HOSTILE / "self-alias.yaml").read_text(), "refers to a collection that contains it"),
]


def _healthlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A run in its own process: a crash in libyaml must show as a crash, not take the tests down."""
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(("text", "problem"), SHAPES, ids=["flow", "block", "laughs", "self-alias"])
def test_check_refuses_bad_shapes_at_once(text, problem):
    started = time.perf_counter()
    with pytest.raises(safeyaml.YamlLimitError, match=problem):
        safeyaml.check(text)
    assert time.perf_counter() - started < 1.0


def test_check_accepts_the_bundled_packs_and_shared_anchors():
    for pack in (Path(__file__).parent.parent / "rulesets").glob("*.yaml"):
        safeyaml.check(pack.read_text(encoding="utf-8"))
    assert safeyaml.load("a: &x [1, 2]\nb: *x\nc: *x\n") == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


@pytest.mark.parametrize("tag", TAGS)
def test_no_tag_builds_an_object(tag, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(yaml.YAMLError):
        safeyaml.load(f"rules: {tag}\n")
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("tag", TAGS)
def test_a_tag_in_a_pack_is_a_one_line_error(tag, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pack.yaml").write_text(f"rules: {tag}\n")
    with pytest.raises(RuleError) as info:
        load_ruleset([str(tmp_path / "pack.yaml")])
    assert str(info.value).startswith(f"{tmp_path / 'pack.yaml'}:1: ") and "\n" not in str(info.value)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(("text", "problem"), SHAPES, ids=["flow", "block", "laughs", "self-alias"])
def test_a_pack_of_bad_shape_is_refused(text, problem, tmp_path):
    (tmp_path / "pack.yaml").write_text(text)
    (tmp_path / "page.txt").write_text("Hello.\n")
    result = _healthlint("--isolated", "--ruleset", "pack.yaml", "page.txt", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("healthlint: error: ") and problem in result.stderr
    assert result.stderr.count("\n") == 1 and "refused" in result.stderr


@pytest.mark.parametrize(("text", "problem"), SHAPES, ids=["flow", "block", "laughs", "self-alias"])
def test_a_config_file_of_bad_shape_is_refused(text, problem, tmp_path):
    (tmp_path / ".healthlint.yaml").write_text(text)
    result = _healthlint("page.txt", cwd=tmp_path)
    assert result.returncode == 2 and problem in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("front", [
    "title: " + "[" * 50_000,
    "title: " + "- " * 50_000 + "x",
    "title: &a [*a]",
    "title: !!python/object/apply:os.system ['touch pwned']",
], ids=["flow", "block", "self-alias", "tag"])
def test_hostile_front_matter_is_not_prose_and_the_page_is_still_linted(front, tmp_path):
    (tmp_path / "page.md").write_text(f"---\n{front}\n---\n\nOur infusions cure fibromyalgia.\n")
    result = _healthlint("--isolated", "page.md", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.startswith("page.md:5:15: HL101") and not (tmp_path / "pwned").exists()


def test_a_front_matter_alias_bomb_is_not_walked(cli, tmp_path):
    shutil.copy(HOSTILE / "laughs.md", tmp_path / "page.md")
    started = time.perf_counter()
    result = cli("--isolated", "page.md")
    assert time.perf_counter() - started < 5.0
    assert result.stdout.startswith("page.md:12:15: HL101")
