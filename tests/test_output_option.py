"""Verify --output and the `output` config key: the report goes to a file, notices stay on stderr."""
from __future__ import annotations

import json
from pathlib import Path


def test_output_writes_the_report_to_a_file(cli, tmp_path: Path):
    (tmp_path / "page.txt").write_text("It cures fibromyalgia.\n")
    result = cli("--format", "json", "--output", "report.json", "page.txt")
    assert (result.exit_code, result.stdout) == (1, "")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))[0]["code"] == "HL101"


def test_output_key_is_relative_to_the_config_file(cli, tmp_path: Path):
    (tmp_path / ".healthlint.yaml").write_text("output: reports/lint.txt\n")
    (tmp_path / "reports").mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "page.txt").write_text("It cures fibromyalgia.\n")
    result = cli("page.txt", cwd=tmp_path / "site")
    assert result.stdout == ""
    assert (tmp_path / "reports" / "lint.txt").read_text().startswith("page.txt:1:4: HL101")


def test_an_unwritable_output_is_a_usage_error(cli, tmp_path: Path):
    (tmp_path / "page.txt").write_text("It cures fibromyalgia.\n")
    result = cli("--output", "no/such/folder/report.txt", "page.txt")
    assert result.exit_code == 2 and "cannot write the report" in result.stderr


def test_a_config_error_leaves_no_empty_report_behind(cli, tmp_path: Path):
    result = cli("--output", "report.txt", "--select", "XX9", "page.txt")
    assert result.exit_code == 2 and not (tmp_path / "report.txt").exists()
