"""Verify the command line: output lines, exit codes, options and subcommands."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lint import __version__

CLAIMS = "Our infusions cure fibromyalgia.\nAspirin does not cure fibromyalgia.\nIt is non-addictive.\n"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>HL\d{3}) (?P<message>.+)$")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(CLAIMS, encoding="utf-8")
    return path


def test_flake8_lines_and_exit_1(cli, page):
    result = cli("page.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "page.txt:1:15: HL101 “cure fibromyalgia” presents the treatment as a cure",
        "page.txt:3:7: HL112 “non-addictive” denies a known risk of dependence",
    ]
    assert all(LINE.match(line) for line in result.stdout.splitlines())


def test_clean_file_exits_0(cli, tmp_path):
    (tmp_path / "ok.txt").write_text("Ketamine is an anaesthetic.\n")
    result = cli("ok.txt")
    assert (result.exit_code, result.stdout) == (0, "")


def test_check_subcommand_and_python_m_agree(cli, page):
    assert cli("check", "page.txt").stdout == cli("page.txt").stdout


def test_default_path_is_current_folder_and_output_is_sorted(cli, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("It is non-addictive.\n")
    (tmp_path / "a.txt").write_text("Guaranteed relief.\nIt cures fibromyalgia.\n")
    result = cli()
    keys = [(m["path"], int(m["line"]), int(m["col"])) for m in map(LINE.match, result.stdout.splitlines())]
    assert keys == sorted(keys) and [k[0] for k in keys] == ["a.txt", "a.txt", "b/z.txt"]


def test_exit_zero(cli, page):
    assert cli("--exit-zero", "page.txt").exit_code == 0


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        ((), ["HL101", "HL112"]),
        (("--select", "HL1"), ["HL101", "HL112"]),
        (("--select", "HL112"), ["HL112"]),
        (("--ignore", "HL11"), ["HL101"]),
        (("--select", "HL101,HL112", "--ignore", "HL112"), ["HL101"]),
        (("--ignore", "HL1", "--extend-select", "HL112"), ["HL112"]),
        (("--select", "HL5"), []),
    ],
)
def test_select_and_ignore(cli, page, args, codes):
    result = cli(*args, "page.txt")
    assert [LINE.match(line)["code"] for line in result.stdout.splitlines()] == codes
    assert result.exit_code == (1 if codes else 0)


def test_bad_select_code_is_usage_error(cli, page):
    result = cli("--select", "cure", "page.txt")
    assert result.exit_code == 2
    assert result.stderr == "healthlint: error: select: 'CURE' matches no rule code (see `healthlint rules`)\n"
    assert cli("--select", "HL1!", "page.txt").exit_code == 2


def test_unknown_option_is_usage_error(cli, page):
    assert cli("--no-such-option", "page.txt").exit_code == 2


def test_show_source_and_fix(cli, page):
    out = cli("--show-source", "--show-fix", "--select", "HL101", "page.txt").stdout.splitlines()
    assert out[1] == "    Our infusions cure fibromyalgia."
    assert out[2] == "                  " + "^" * len("cure fibromyalgia")
    assert out[3].startswith("    fix: Describe what the treatment may do")


def test_statistics_counts_codes_and_set_aside(cli, page):
    out = cli("--statistics", "page.txt").stdout.splitlines()
    assert out[-3:] == [
        "1     HL101 cure-claim",
        "1     HL112 non-addictive-claim",
        "2 findings in 1 file; 1 set aside (negated: 1)",
    ]


def test_show_suppressed_marks_context(cli, page):
    out = cli("--show-suppressed", "page.txt").stdout
    assert "page.txt:2:18: HL101 “cure fibromyalgia” presents the treatment as a cure [set aside: negated]" in out


def test_json_fields(cli, page):
    result = cli("--format", "json", "page.txt")
    items = json.loads(result.stdout)
    assert result.exit_code == 1 and len(items) == 2
    first = items[0]
    assert set(first) >= {"path", "line", "column", "end_line", "end_column", "code", "name", "category",
                          "severity", "message", "fix", "citations", "evidence", "text"}
    assert (first["path"], first["line"], first["column"], first["end_line"], first["end_column"]) == ("page.txt", 1, 15, 1, 32)
    assert (first["code"], first["name"], first["category"], first["severity"]) == ("HL101", "cure-claim", "cure", "error")
    assert first["text"] == "cure fibromyalgia"
    assert all(set(c) == {"id", "title", "url"} for c in first["citations"])
    assert first["evidence"] and first["fix"]


def test_json_empty_array_when_clean(cli, tmp_path):
    (tmp_path / "ok.txt").write_text("Nothing to see.\n")
    assert json.loads(cli("--format", "json", "ok.txt").stdout) == []


def test_stdin_with_filename(cli):
    result = cli("-", "--stdin-filename", "landing.txt", input="Results are guaranteed.\n")
    assert result.stdout == "landing.txt:1:1: HL121 “Results are guaranteed” promises a result no treatment can promise\n"


def test_missing_file_is_an_error_and_the_run_goes_on(cli, page):
    result = cli("nope.txt", "page.txt")
    assert result.exit_code == 2
    assert "healthlint: error: nope.txt: no such file" in result.stderr
    assert "page.txt:1:15: HL101" in result.stdout


def test_version(cli):
    assert cli("--version").stdout.strip() == f"healthlint, version {__version__}"


def test_help_lists_commands(cli):
    out = cli("--help").stdout
    for command in ("check", "rules", "explain", "test-rules"):
        assert command in out


def test_explain_text(cli):
    out = cli("explain", "HL101").stdout
    for heading in ("HL101 cure-claim", "What it catches", "Why it matters", "Example", "Use instead", "Fix",
                    "What the evidence says", "References", "Flags", "Does not flag"):
        assert heading in out
    assert "PMID 24737367" in out


def test_explain_by_name_and_json(cli):
    data = json.loads(cli("explain", "cure-claim", "--format", "json").stdout)
    assert data["code"] == "HL101" and data["examples"]["flag"] and data["citations"][0]["id"]


def test_explain_unknown_code(cli):
    result = cli("explain", "HL10")
    assert result.exit_code == 2 and "no rule 'HL10'" in result.stderr and "HL101" in result.stderr


def test_rules_lists_every_pack(cli):
    out = cli("rules").stdout
    assert out.startswith("core (") and "ketamine (" in out and "HL101  cure-claim" in out


def test_rules_json_and_markdown(cli):
    data = json.loads(cli("rules", "--format", "json").stdout)
    assert {r["code"] for r in data} >= {"HL101", "HL501"}
    md = cli("rules", "--format", "markdown").stdout
    assert md.startswith("| Code | Name | Category | Severity | What it catches |")


def test_ruleset_option_replaces_defaults(cli, page):
    result = cli("--ruleset", "ketamine", "page.txt")
    assert result.exit_code == 0 and result.stdout == ""


def test_unknown_ruleset_is_usage_error(cli, page):
    result = cli("--ruleset", "stemcells", "page.txt")
    assert result.exit_code == 2 and "unknown rule pack 'stemcells'" in result.stderr


def test_test_rules_passes_on_builtin_packs(cli):
    result = cli("test-rules")
    assert result.exit_code == 0 and result.stdout.strip().endswith("examples: all pass")


def test_test_rules_reports_failing_examples(cli, tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n"
        "  - code: XY101\n    name: wonder-claim\n    kind: phrase\n    category: hype\n    severity: warning\n"
        "    patterns: [wonder drug]\n    message: hype\n    fix: say what it does\n"
        "    examples:\n      flag:\n        - A wonder drug!\n        - A marvel drug!\n"
        "      pass:\n        - Not a wonder drug.\n        - Is it a wonder drug?\n"
    )
    result = cli("test-rules", "mine.yaml")
    assert result.exit_code == 1
    assert "XY101 should flag: 'A marvel drug!' (no match)" in result.stdout
    assert result.stdout.strip().endswith("1 rules, 4 examples: 1 failed")
