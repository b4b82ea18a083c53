"""Verify the Markdown report: counts by category and severity, findings by file with fix, evidence, links."""
from __future__ import annotations


def test_counts_then_findings_by_file(lint_site):
    out = lint_site("markdown").stdout
    assert out.startswith("## healthlint: 4 findings in 1 of 1 file\n")
    assert "| Category | error | warning | info | total |" in out
    assert "| cure | 2 | 0 | 0 | 2 |" in out and "| hype | 0 | 2 | 0 | 2 |" in out
    assert "| **total** | **2** | **2** | **0** | **4** |" in out
    assert "### `page.txt`" in out
    assert "- **XT101** `wonder-drug-claim` · error · cure · line 3, column 5" in out
    assert "  > Our **wonder drug** eases pain. This amazing treatment is for you." in out
    assert "  **Fix:** Say what the treatment may do, for whom, and for how long." in out
    assert "  **Evidence:** No trial has shown a lasting cure (test-paper)." in out
    assert "[Test Act §1: claims \\& \\<disclosures\\>](<https://example.org/test-act?section=1&part=2>)" in out
    assert "(`--fix` makes it `treatment`)" in out


def test_unsafe_links_are_not_linked(lint_site):
    out = lint_site("markdown").stdout
    assert "javascript:" not in out and "  **Sources:** A reference whose link is not a web page" in out


def test_set_aside_findings_are_listed_only_on_request(lint_site, report_site):
    (report_site / "page.txt").write_text("Is it a wonder drug?\n")
    assert "Set aside (not counted): question 1." in lint_site("markdown").stdout
    shown = lint_site("markdown", args=("--show-suppressed",)).stdout
    assert "· set aside: question" in shown and shown.startswith("## healthlint: 0 findings in 0 of 1 file")


def test_hostile_text_cannot_become_markup(lint_site):
    out = lint_site("markdown", "hostile.txt").stdout
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\x1b" not in out and "\\\\x1b\\[31m" in out
