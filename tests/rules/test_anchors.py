"""Anchors: the word pieces every match of a pattern must contain, and where in a word they stand.

The prefilter runs a pattern only where its anchors are, so an anchor that a match can lack
loses findings (tests/rules/test_runner.py checks whole pages); these pin down the pieces.
"""
from __future__ import annotations

import pytest

from lint.rules.anchors import _covers, _pattern_anchors
from lint.rules.patterns import flexible_spaces


def anchors(pattern: str) -> set[frozenset[str]]:
    return set(_pattern_anchors(flexible_spaces(pattern)))


@pytest.mark.parametrize(("pattern", "expected"), [
    # between spaces or at the pattern's ends (searched whole-word): whole words
    ("a thing of the past", {frozenset({"<thing>"}), frozenset({"<past>"}), frozenset({"<the>"})}),
    # any whole word will do: "kg" or the "1" of "#1" cannot hide inside another word
    ("(?:kg|lbs) lost", {frozenset({"<kg>", "<lbs>"}), frozenset({"<lost>"})}),
    ("(?:#1|best) clinic", {frozenset({"<1>", "<best>"}), frozenset({"<clinic>"})}),
    # an optional ending leaves the start of the word only
    ("cures? fibromyalgia", {frozenset({"<cure"}), frozenset({"<fibromyalgia>"})}),
    # an optional prefix leaves the end of the word only ("esketamine")
    ("(?:es)?ketamine", {frozenset({"ketamine>"})}),
    # a hyphen or apostrophe is an edge too
    ("money-back", {frozenset({"<money>"}), frozenset({"<back>"})}),
    ("don't pay", {frozenset({"<don>"}), frozenset({"<pay>"})}),
])
def test_pieces_know_where_they_stand_in_a_word(pattern, expected):
    assert anchors(pattern) == expected


def test_a_piece_after_a_word_character_may_stand_inside_a_word():
    # "pain\w*relief": "relief" may follow other letters directly
    assert frozenset({"relief>"}) in anchors(r"pain\w*relief")


def test_an_alternative_without_a_usable_piece_gives_no_anchor():
    # "op" could be part of any word here: no whole-word edge on its left
    assert anchors(r"\w+op|surgery") == set()


@pytest.mark.parametrize(("a", "b", "covered"), [
    ("cure", "<cured>", True),     # any word holding "cured" holds "cure"
    ("<cure", "<cured>", True),
    ("<cure", "cured", False),     # "procured" holds "cured" but does not start with "cure"
    ("<cure>", "<cured>", False),
    ("ing>", "<thing>", True),
])
def test_covers(a, b, covered):
    assert _covers(a, b) is covered
