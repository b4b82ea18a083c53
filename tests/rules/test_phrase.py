"""Verify the phrase kind: a match never crosses a block, and a failed attempt does not hide a real match."""
from __future__ import annotations

from lint.extract import extract
from lint.models import SourceFile
from lint.rules import phrase


def hits(pattern: str, text: str) -> list[str]:
    doc = extract(SourceFile("t", "t", "text"), text)
    compiled = phrase.compile({"patterns": [pattern]})
    return [doc.prose[h.start:h.end] for h in phrase.check(compiled, doc)]


def test_a_phrase_does_not_run_across_blocks():
    assert hits("wonder drug", "Try our wonder\n\ndrug today.") == []


def test_a_match_attempt_across_blocks_does_not_hide_a_match_in_the_next_block():
    text = "What our patients say\n\nOur patients report dramatic relief."
    assert hits("our patients (?:say|report) (?:\\w+ ){0,3}?relief", text) == ["Our patients report dramatic relief"]


def test_unless_sets_aside_the_whole_sentence():
    compiled = phrase.compile({"patterns": ["cure time"], "unless": ["resin"]})
    doc = extract(SourceFile("t", "t", "text"), "Resin needs a long cure time. Our cure time is short.")
    assert [doc.prose[h.start:h.end] for h in phrase.check(compiled, doc)] == ["cure time"]


def test_unless_page_sets_aside_every_match_on_a_page_that_says_it_anywhere():
    compiled = phrase.compile({"patterns": ["pain is gone"], "unless_page": ["results vary"]})
    for text, expected in (("“My pain is gone!” — Ann\n\nIndividual results vary.", []),
                           ("“My pain is gone!” — Ann\n\nBook today.", ["pain is gone"])):
        doc = extract(SourceFile("t", "t", "text"), text)
        assert [doc.prose[h.start:h.end] for h in phrase.check(compiled, doc)] == expected


def test_a_space_before_a_quantifier_keeps_its_meaning():
    assert hits("100 ?% safe", "It is 100% safe. It is 100 % safe.") == ["100% safe", "100 % safe"]
    assert hits("gall ?bladder", "Your gallbladder and gall\nbladder.") == ["gallbladder", "gall\nbladder"]


def test_a_lookbehind_does_not_see_the_block_before():
    assert hits("(?<!for )depression ends here", "Infusions for\n\nDepression ends here.") == ["Depression ends here"]
    assert hits("(?<!for )depression ends here", "Relief for depression ends here.") == []
