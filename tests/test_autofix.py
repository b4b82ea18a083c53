"""Verify --fix and --diff end to end: what is written, what is printed, exit codes, idempotence."""
from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

PAGE = "Try this miracle treatment.\r\nOur protocol works for everyone.\r\nIt cures fibromyalgia.\r\n"
FIXED = "Try this treatment.\r\nOur protocol works for some patients.\r\nIt cures fibromyalgia.\r\n"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"))
    path.chmod(0o604)
    return path


def test_fix_writes_keeps_encoding_and_reports_what_remains(cli, page):
    result = cli("--fix", "page.txt")
    assert page.read_bytes() == codecs.BOM_UTF16_LE + FIXED.encode("utf-16-le")
    assert oct(page.stat().st_mode & 0o777) == "0o604"
    assert result.stdout == "page.txt:3:4: HL101 “cures fibromyalgia” presents the treatment as a cure\n"
    assert result.stderr == "healthlint: fixed 2 findings in 1 file\n"
    assert result.exit_code == 1


def test_fix_exits_0_when_everything_was_fixed(cli, tmp_path):
    (tmp_path / "p.txt").write_text("A miracle drug.\n")
    result = cli("--fix", "p.txt")
    assert (result.exit_code, result.stdout, (tmp_path / "p.txt").read_text()) == (0, "", "A drug.\n")


def test_fix_is_idempotent_and_leaves_untouched_files_alone(cli, page, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("It cures fibromyalgia.\n")
    os.utime(other, (1_000_000, 1_000_000))
    cli("--fix", ".")
    after_first = page.read_bytes()
    os.utime(page, (1_000_000, 1_000_000))
    second = cli("--fix", ".")
    assert page.read_bytes() == after_first and "fixed" not in second.stderr
    assert page.stat().st_mtime == other.stat().st_mtime == 1_000_000  # neither file rewritten


def test_diff_prints_and_changes_nothing(cli, page):
    before = page.read_bytes()
    result = cli("--diff", "page.txt")
    assert page.read_bytes() == before
    assert result.exit_code == 1
    assert result.stdout == (  # click's test runner shows the file's \r\n as \n
        "--- a/page.txt\n+++ b/page.txt\n@@ -1,3 +1,3 @@\n"
        "-Try this miracle treatment.\n-Our protocol works for everyone.\n"
        "+Try this treatment.\n+Our protocol works for some patients.\n"
        " It cures fibromyalgia.\n"
    )
    assert result.stderr == "healthlint: would fix 2 findings in 1 file\n"


def test_diff_exits_0_when_there_is_nothing_to_fix(cli, tmp_path):
    (tmp_path / "p.txt").write_text("It cures fibromyalgia.\n")
    assert (cli("--diff", "p.txt").exit_code, cli("--diff", "p.txt").stdout) == (0, "")


def test_stdin_fix_prints_the_fixed_text_and_reports_to_stderr(cli):
    result = cli("--fix", "-", input="A miracle drug. It cures fibromyalgia.\n")
    assert result.stdout == "A drug. It cures fibromyalgia.\n"
    assert "stdin:1:12: HL101" in result.stderr  # positions in the fixed text and result.exit_code == 1


def test_fix_and_diff_cannot_be_combined(cli, page):
    result = cli("--fix", "--diff", "page.txt")
    assert result.exit_code == 2 and "cannot be combined" in result.stderr


def test_overlapping_fixes_settle_in_passes(cli, tmp_path):
    """Two rules whose replacements overlap: one wins a pass, the other is tried again on the next."""
    pack = tmp_path / "pack.yaml"
    rule = ("  - code: {code}\n    name: {name}\n    kind: phrase\n    category: hype\n    severity: warning\n"
            "    patterns: ['{pattern}']\n    message: hype\n    fix: say what it does\n"
            "    replacement: '{replacement}'\n"
            "    examples:\n      flag: [x]\n      pass: [y]\n")
    pack.write_text("rules:\n"
                    + rule.format(code="XY101", name="super-miracle", pattern="super miracle", replacement="miracle")
                    + rule.format(code="XY102", name="miracle-drug", pattern="miracle drug", replacement="drug"))
    (tmp_path / "p.txt").write_text("A super miracle drug.\n")
    result = cli("--isolated", "--ruleset", "pack.yaml", "--fix", "p.txt")
    assert (tmp_path / "p.txt").read_text() == "A drug.\n"
    assert result.stderr == "healthlint: fixed 2 findings in 1 file\n" and result.exit_code == 0


def test_an_unwritable_file_is_an_error_and_stays_as_it_was(cli, tmp_path, monkeypatch):
    import lint.autofix

    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lint.autofix, "write_atomic", refuse)
    (tmp_path / "p.txt").write_text("A miracle drug.\n")
    result = cli("--fix", "p.txt")
    assert result.exit_code == 2 and "p.txt: cannot write the fixes: Permission denied" in result.stderr
    assert (tmp_path / "p.txt").read_text() == "A miracle drug.\n"


def test_diff_goes_to_the_output_file(cli, page, tmp_path):
    result = cli("--diff", "--output", "fixes.patch", "page.txt")
    assert result.stdout == "" and result.exit_code == 1
    assert (tmp_path / "fixes.patch").read_bytes().startswith(b"--- a/page.txt\n+++ b/page.txt\n")
