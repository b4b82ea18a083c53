"""Verify the edit logic behind --fix/--diff: which replacements apply, overlaps, and the diff text."""
from __future__ import annotations

from dataclasses import replace

import pytest

from lint.fix import Edit, apply, edits, unified_diff
from lint.models import Finding


def finding(line: int, col: int, end_col: int, text: str, replacement: str | None, code: str = "HL151",
            **extra) -> Finding:
    return Finding(path="p.txt", line=line, column=col, end_line=line, end_column=end_col, code=code, name="n",
                   category="hype", severity="warning", message="m", fix="f", citations=(), evidence="",
                   text=text, replacement=replacement, **extra)


SOURCE = "A miracle treatment.\r\nAnother miracle drug here.\r\n"


def test_edits_in_source_offsets_and_applied():
    found = [finding(1, 3, 20, "miracle treatment", "treatment"), finding(2, 9, 21, "miracle drug", "drug")]
    chosen = edits(SOURCE, found)
    assert chosen == [Edit(2, 19, "treatment", "HL151"), Edit(30, 42, "drug", "HL151")]
    assert apply(SOURCE, chosen) == "A treatment.\r\nAnother drug here.\r\n"


@pytest.mark.parametrize("f", [
    finding(1, 3, 20, "miracle treatment", None),  # no replacement
    finding(1, 3, 20, "miracle treatment", "treatment", suppressed="negated"),  # set aside: not reported
    finding(1, 4, 21, "miracle treatment", "treatment"),  # stale: the text is not where it points
    finding(9, 1, 5, "gone", "x"),  # past the end of the file
    replace(finding(1, 3, 20, "", "treatment")),  # a document-level finding
])
def test_findings_that_give_no_edit(f):
    assert edits(SOURCE, [f]) == []


def test_overlapping_edits_resolve_the_same_way_whatever_the_order():
    long = finding(1, 3, 20, "miracle treatment", "treatment", code="HL151")
    short = finding(1, 11, 20, "treatment", "therapy", code="HL150")
    same_start = finding(1, 3, 10, "miracle", "a", code="HL100")
    for order in ([long, short, same_start], [same_start, short, long]):
        assert edits(SOURCE, order) == [Edit(2, 19, "treatment", "HL151")]  # earliest start, then longest


def test_adjacent_edits_both_apply():
    a, b = finding(1, 1, 2, "A", "One"), finding(1, 3, 10, "miracle", "big")
    assert apply(SOURCE, edits(SOURCE, [a, b])).startswith("One big treatment.")


def test_unified_diff_is_git_style_and_marks_a_missing_final_newline():
    diff = unified_diff("site/p.txt", "one\ntwo", "one\n2")
    assert diff == "--- a/site/p.txt\n+++ b/site/p.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+2\n\\ No newline at end of file\n"
    assert unified_diff("p.txt", "same\n", "same\n") == ""


def test_unified_diff_splits_only_at_line_breaks():
    diff = unified_diff("p.txt", "a\x0cb\u2028c\n", "a\x0cB\u2028c\n")
    assert diff.split("\n")[3:] == ["-a\x0cb\u2028c", "+a\x0cB\u2028c", ""]
