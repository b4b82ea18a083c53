"""Verify the baseline: record today's findings, set them aside later, resurface what changed."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint.errors import ConfigError
from lint.filter.baseline import Baseline

PAGE = "Welcome.\n\nOur infusions cure fibromyalgia.\n\nIt is non-addictive.\n"


@pytest.fixture
def adopted(cli, tmp_path: Path) -> Path:
    """A site whose legacy findings were recorded in a baseline."""
    (tmp_path / "page.txt").write_text(PAGE)
    result = cli("--write-baseline", "baseline.json", ".")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "healthlint: wrote 2 findings to baseline.json\n"
    return tmp_path


def test_the_file_is_versioned_sorted_and_stable(cli, adopted):
    data = json.loads((adopted / "baseline.json").read_text())
    assert data["version"] == 1 and data["tool"] == "healthlint"
    assert [(e["path"], e["code"], e["text"]) for e in data["findings"]] == [
        ("page.txt", "HL101", "cure fibromyalgia"), ("page.txt", "HL112", "non-addictive")]
    assert all("line" not in e for e in data["findings"])
    before = (adopted / "baseline.json").read_bytes()
    cli("--write-baseline", "baseline.json", ".")
    assert (adopted / "baseline.json").read_bytes() == before


def test_baselined_findings_are_set_aside_and_counted(cli, adopted):
    result = cli("--baseline", "baseline.json", "--statistics", ".")
    assert result.exit_code == 0
    assert result.stdout == "0 findings in 1 file; 2 set aside (baseline: 2)\n"


def test_moving_a_paragraph_does_not_resurface_a_finding(cli, adopted):
    (adopted / "page.txt").write_text("A new intro.\n\nMore news.\n\n" + PAGE)
    assert cli("--baseline", "baseline.json", ".").exit_code == 0


def test_editing_the_claim_or_adding_another_copy_does(cli, adopted):
    (adopted / "page.txt").write_text(PAGE.replace("cure fibromyalgia", "cure your fibromyalgia")
                                      + "\nIt is non-addictive, truly.\n")
    out = cli("--baseline", "baseline.json", ".").stdout.splitlines()
    assert [line.split(": ")[1].split()[0] for line in out] == ["HL101", "HL112"]
    assert out[0].startswith("page.txt:3:15:") and out[1].startswith("page.txt:7:7:")


def test_config_key_is_relative_to_the_config_file(cli, adopted):
    (adopted / "site").mkdir()
    (adopted / "page.txt").rename(adopted / "site" / "page.txt")
    cli("--write-baseline", "baseline.json", "site")
    (adopted / ".healthlint.yaml").write_text("baseline: baseline.json\n")
    assert cli("site", cwd=adopted).exit_code == 0
    assert cli("page.txt", cwd=adopted / "site").exit_code == 0  # paths count from the config file's folder


def test_writing_ignores_an_existing_baseline(cli, adopted):
    (adopted / ".healthlint.yaml").write_text("baseline: baseline.json\n")
    cli("--write-baseline", "baseline.json", ".")
    assert len(json.loads((adopted / "baseline.json").read_text())["findings"]) == 2


@pytest.mark.parametrize(("content", "message"), [
    (None, "baseline file not found (create it with --write-baseline)"),
    ("not json", "cannot read baseline"),
    ('{"version": 99, "findings": []}', "not a healthlint baseline"),
    ('{"version": 1, "findings": [{"path": "x"}]}', "baseline entry without a fingerprint"),
])
def test_a_bad_baseline_is_a_usage_error(cli, tmp_path, content, message):
    if content is not None:
        (tmp_path / "b.json").write_text(content)
    (tmp_path / "page.txt").write_text(PAGE)
    result = cli("--baseline", "b.json", "page.txt")
    assert result.exit_code == 2 and message in result.stderr
    with pytest.raises(ConfigError, match=re.escape(message)):
        Baseline.load(tmp_path / "b.json")
