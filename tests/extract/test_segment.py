"""Verify sentence boundaries: abbreviations, decimals, questions, closing quotes; and that the
stdlib pattern finds exactly the boundaries the `regex` one did, block edges included."""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.extract import segment
from lint.extract.segment import sentences
from lint.models import Span


def split(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text, [Span(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ketamine helps. It is safe.", ["Ketamine helps.", "It is safe."]),
        ("Can it cure me? No.", ["Can it cure me?", "No."]),
        ("Why wait? our team is ready", ["Why wait?", "our team is ready"]),
        ("Dr. Smith treats pain. Book now!", ["Dr. Smith treats pain.", "Book now!"]),
        ("Use e.g. ice. Then rest.", ["Use e.g. ice.", "Then rest."]),
        ("Pain fell 2.5 points in the U.S. trial.", ["Pain fell 2.5 points in the U.S. trial."]),
        ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),
        ("Noppers et al. found no effect. Sad.", ["Noppers et al. found no effect.", "Sad."]),
        ("Relief lasts... Sometimes.", ["Relief lasts...", "Sometimes."]),
        ("It works. and so on", ["It works. and so on"]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert split(text) == expected


# The boundary pattern as first written, in `regex` syntax: what `segment._BOUNDARY` (a
# stdlib pattern, for speed) must find, boundary for boundary.
_REFERENCE = regex.compile(
    r"""
    (?:
        (?<![!?])[!?]++[)"'\]]*+(?=\s)
      | (?<![0-9])\.{3}[)"'\]]*(?=\s+[A-Z0-9"'(\[])
      | …[)"'\]]*(?=\s+[A-Z0-9"'(\[])
      | (?<! (?:^|[\s(]) (?i: """ + "|".join(map(regex.escape, segment.ABBREVIATIONS)) + r""" | [a-z] ) )
        \.[)"'\]]*(?=\s+[^a-z\s,;:])
    )
    \s+
    """,
    regex.VERBOSE,
)
_EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def reference_sentences(prose: str, blocks: list[Span]) -> tuple[Span, ...]:
    """Sentences as the `regex` pattern splits them (trimmed as `sentences` trims them)."""
    out: list[Span] = []
    for block_start, block_end in blocks:
        start = block_start
        for m in _REFERENCE.finditer(prose, block_start, block_end):
            segment._append(out, prose, start, m.start() + len(m.group().rstrip()))
            start = m.end()
        segment._append(out, prose, start, block_end)
    return tuple(out)


def test_space_is_regex_space():
    """Verify the spelled-out whitespace is exactly what `regex` calls `\\s`."""
    assert re.findall(f"[{segment._SPACE}]", _EVERY_CHARACTER) == regex.findall(r"\s", _EVERY_CHARACTER)


@pytest.mark.parametrize("letter", sorted({c for word in segment.ABBREVIATIONS for c in word if c.isalpha()}))
def test_any_case_is_regex_ignorecase(letter):
    """Verify each abbreviation letter's spelled-out cases are what `regex` matches ignoring case."""
    ours = re.findall(segment._any_case(letter), _EVERY_CHARACTER)
    assert ours == regex.findall(f"(?i:{letter})", _EVERY_CHARACTER)


def test_any_case_letter_is_regex_ignorecase():
    assert re.findall(segment._ANY_CASE_LETTER, _EVERY_CHARACTER) == regex.findall("(?i:[a-z])", _EVERY_CHARACTER)


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("One.\n\nTwo.", [(0, 4), (6, 10)]),  # a period at a block's end, before a block break
        ("One. \n\nTwo.", [(0, 5), (7, 11)]),  # ... with a space left in the block
        ("Why? \n\nTwo.", [(0, 5), (7, 11)]),  # "?" needs only a space after it, inside the block
        ("Why?\n\nTwo.", [(0, 4), (6, 10)]),
        ("Wait... \n\nMore", [(0, 8), (10, 14)]),
        ("Wait...\n\nMore", [(0, 7), (9, 13)]),
        ("A. B", [(0, 3), (3, 4)]),  # blocks that touch: nothing is seen past a block's end
        ("So. Dr. Who. Fine.", [(4, 18)]),  # an abbreviation at a block's start
        ("x\n\nDr. Who is here. Yes.", [(3, 24)]),
        ("(e.g. this). And that.", [(0, 22)]),
        ("See (Dr. Who) now. (J. Doe) too. x(Dr. No).", [(0, 43)]),  # "(" before an abbreviation
        ("It costs 3... More.", [(0, 19)]),
        ("Really?!) Next. \u2026 ok\u2026 Go", [(0, 26)]),
        ("Turn \u0130. Next \u0131. Then ſt. Then \u212a. End", [(0, 44)]),  # letters with a third case
        ("End.\x1cNext. Then.\x85After.\u3000Done.", [(0, 34)]),  # \x1c is no space to `regex`; \x85 is
        ("No. 5 is. approx. 4.", [(0, 20)]),
        ("What?!?! Yes!!! no?) Ok.", [(0, 24)]),
        ("It is. : no. ; no. , no. (Yes. [Yes. 'Yes. \"Yes. 7 up.", [(0, 54)]),  # what may follow a period
        ("Wait... : no... (yes\u2026 [yes\u2026 'yes.... 7", [(0, 43)]),
    ],
)
def test_sentences_match_reference_at_block_edges(text, blocks):
    spans = [Span(*b) for b in blocks]
    assert sentences(text, spans) == reference_sentences(text, spans)


_PIECES = [" ", "  ", "\n", "\n\n", "\t", "\x1c", "\x85", "\xa0", "\u2003", "\u3000", ".", "..", "...", "....", "!", "?",
           "?!", "\u2026", ")", "\"", "'", "]", "(", "(Dr", "(A", "[", ",", ";", ":", "a", "b", "Z", "J", "3", "42", "dr", "Dr", "e.g",
           "i.e", "U.S", "approx", "APPROX", "figs", "ſt", "\u0130nc", "\u0131nc", "\u212a", "no", "nos", "sept", "word",
           "Word", "x"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40), cuts=st.lists(st.integers(0, 200), max_size=6))
def test_sentences_match_reference(pieces, cuts):
    """Verify on generated text, cut into blocks anywhere, that the boundaries are the reference's."""
    text = "".join(pieces)
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    blocks = [Span(a, b) for a, b in zip(points, points[1:])]
    assert sentences(text, blocks) == reference_sentences(text, blocks)
    assert sentences(text, blocks[1::2]) == reference_sentences(text, blocks[1::2])
