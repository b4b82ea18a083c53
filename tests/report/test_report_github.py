"""Verify GitHub workflow commands: the documented syntax, the toolkit's escaping, and the step summary."""
from __future__ import annotations

import re

import pytest

from lint.report.github import escape_data, escape_property

# ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message — values hold no raw , : CR LF.
COMMAND = re.compile(
    r"^::(?P<level>error|warning|notice) "
    r"file=(?P<file>[^,:\r\n]+),line=(?P<line>\d+),col=(?P<col>\d+)"
    r"(?:,endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+))?"
    r",title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]*)$"
)


def test_each_finding_is_one_command(lint_site):
    result = lint_site("github")
    lines = result.stdout.splitlines()
    matches = [COMMAND.match(line) for line in lines]
    assert all(matches), lines
    assert [(m["level"], m["line"], m["col"], m["end_col"]) for m in matches] == [
        ("error", "3", "5", "16"), ("warning", "3", "34", "51"), ("warning", "4", "1", "16"), ("error", "6", "17", "28")]
    first = matches[0]
    assert first["file"] == "page.txt" and first["title"] == "XT101 wonder-drug-claim"
    assert first["message"] == ("“wonder drug” presents the treatment as a cure"
                                "%0AFix: Say what the treatment may do, for whom, and for how long.")
    assert result.exit_code == 1


def test_info_is_a_notice_and_set_aside_findings_are_not_annotated(lint_site, report_site):
    (report_site / "page.txt").write_text("hype: buy now\nIs it a wonder drug?\n")
    lines = lint_site("github", args=("--show-suppressed",)).stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::notice file=page.txt,line=1,col=1,")


@pytest.mark.parametrize(("raw", "data", "prop"), [
    ("50%", "50%25", "50%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("x::error file=y::z", "x::error file=y::z", "x%3A%3Aerror file=y%3A%3Az"),
    ("a,b", "a,b", "a%2Cb"),
    ("\x1b[31m", "\\x1b[31m", "\\x1b[31m"),
])
def test_escaping_follows_the_actions_toolkit(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_hostile_text_stays_inside_its_command(lint_site):
    result = lint_site("github", "hostile.txt")
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(COMMAND.match(line) for line in lines), lines
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    first = COMMAND.match(lines[0])
    assert (first["level"], first["file"], first["line"]) == ("notice", "hostile.txt", "3")
    assert '<script>alert("x")</script> ]]> & \\x1b[31mred\\x1b[0m ::error file=a' in first["message"]


def test_hostile_file_names_are_escaped(cli, report_site):
    (report_site / "a,b:c.txt").write_text("Our wonder drug.\n")
    result = cli("--isolated", "--ruleset", "pack.yaml", "--format", "github", "a,b:c.txt")
    assert result.stdout.startswith("::error file=a%2Cb%3Ac.txt,line=1,col=5,")


def test_step_summary_is_appended_when_set(lint_site, report_site, monkeypatch):
    summary = report_site / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    lint_site("github")
    text = summary.read_text()
    assert text.startswith("earlier step\n## healthlint: 4 findings in 1 of 1 file\n")
    assert "### `page.txt`" in text


def test_no_step_summary_without_the_variable(lint_site, report_site):
    lint_site("github")
    assert not (report_site / "summary.md").exists()
