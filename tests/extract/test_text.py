"""Verify the plain-text extractor: blocks, headings, bullets, exact positions."""
from __future__ import annotations

from lint.extract import extract
from lint.models import SourceFile


def doc_for(text: str):
    return extract(SourceFile("p.txt", "p.txt", "text"), text)


def blocks(text: str) -> list[str]:
    doc = doc_for(text)
    return [" ".join(doc.prose[b.start:b.end].split()) for b in doc.blocks]


def test_blank_lines_bullets_and_headings_start_blocks():
    text = (
        "Ketamine Therapy for Pain\n"
        "Ketamine is an anaesthetic that is now\n"
        "used for some kinds of pain.\n\n"
        "- It can cause nausea.\n"
        "- It can raise blood\n"
        "  pressure.\n"
    )
    assert blocks(text) == [
        "Ketamine Therapy for Pain",
        "Ketamine is an anaesthetic that is now used for some kinds of pain.",
        "- It can cause nausea.",
        "- It can raise blood pressure.",
    ]


def test_wrapped_sentence_with_capitalised_next_line_stays_together():
    assert blocks("Our infusions work for\nFibromyalgia patients.\n") == ["Our infusions work for Fibromyalgia patients."]


def test_positions_are_source_positions(assert_findings):
    assert_findings("Intro line.\r\n\r\n  Ketamine cures fibromyalgia.\r\n", expect=[(3, 12, "HL101")])


def test_claim_wrapped_over_lines_is_found(assert_findings):
    found = assert_findings("Our infusions cure\nfibromyalgia for good.\n", expect=[(1, 15, "HL101")])
    assert (found[0].end_line, found[0].end_column) == (2, 13)
    assert found[0].text == "cure\nfibromyalgia"


def test_claim_never_spans_two_blocks(assert_findings):
    assert_findings("Nothing we do is a miracle\n\ntreatment plans vary.\n", expect=[])
