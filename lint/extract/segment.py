"""Sentences within blocks: where a claim's context (negation, question, citation) stops."""
from __future__ import annotations

import re

from lint.models import Span

#: Words whose period ends no sentence ("Dr.", "e.g."); a single letter ("J.", "U.S.") neither.
ABBREVIATIONS = """
    dr mr mrs ms prof st sr jr vs etc al inc ltd co corp no nos fig figs approx dept est vol pp ed eds ref refs
    jan feb mar apr jun jul aug sep sept oct nov dec mt ave u.s e.g i.e a.m p.m
""".split()


#: Whitespace as `regex` has it in `\s` (the stdlib's `\s` adds \x1c-\x1f, which would move boundaries).
_SPACE = r"\t-\r\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: The letters `regex` also matches when ignoring case, besides the ASCII pair. The stdlib's
#: `(?i)` would let a dotless "ı" be an "i" as well, so its ASCII-only `(?ai)` is used with these.
_OTHER_CASE = {"i": "\u0130", "k": "\u212a", "s": "\u017f"}
_ANY_CASE_LETTER = "[a-zA-Z\u0130\u017f\u212a]"


def _any_case(word: str) -> str:
    """`word` (lower case) in any case, as `regex` ignores case."""
    return "(?ai:" + "".join(f"[{c}{_OTHER_CASE[c]}]" if c in _OTHER_CASE else re.escape(c) for c in word) + ")"


def _not_after_abbreviation() -> str:
    """Lookbehinds, at a period just read, that fail if a known abbreviation or a single
    letter stands before it as a word (at the start, or after whitespace or "("). One per
    word length: the stdlib looks behind only by a fixed width."""
    by_length = {1: [_ANY_CASE_LETTER]}
    for word in ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(_any_case(word))
    return "".join(f"(?<!(?<![^{_SPACE}(])(?:{'|'.join(words)})\\.)" for _, words in sorted(by_length.items()))


# A sentence ends at . ! ? or … (plus closing quotes/brackets), before whitespace and
# something that can start a sentence. "?" and "!" end a sentence whatever follows. A
# period after a known abbreviation or a single letter (Dr., e.g., U.S., J.) ends nothing.
#
# The stdlib's `re`, not `regex`: it finds these in half the time, provided the pattern
# starts with the one character every boundary starts with (each branch then looks back at
# it), so that it can scan for that character alone. Group 1 is the whitespace after. It
# splits exactly as the `regex` pattern it replaced (tests/extract/test_segment.py keeps
# that one as the reference); Python 3.10 has no possessive `++`, which changed only speed.
_BOUNDARY = re.compile(
    rf"""
    [!?.…]
    (?:
        (?<=[!?])(?<![!?][!?]) [!?]* [)"'\]]* (?=[{_SPACE}])
      | (?<=\.)(?<![0-9]\.) \.\. [)"'\]]* (?=[{_SPACE}]+[A-Z0-9"'(\[])
      | (?<=…) [)"'\]]* (?=[{_SPACE}]+[A-Z0-9"'(\[])
      | (?<=\.) {_not_after_abbreviation()} [)"'\]]* (?=[{_SPACE}]+[^a-z{_SPACE},;:])
    )
    ([{_SPACE}]+)
    """,
    re.VERBOSE,
)
_span = tuple.__new__  # Span(start, end) without the NamedTuple constructor's Python frame


def sentences(prose: str, blocks: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentence spans, never crossing a block; leading and trailing whitespace trimmed."""
    out: list[Span] = []
    for block_start, block_end in blocks:
        start = block_start
        for m in _BOUNDARY.finditer(prose, block_start, block_end):
            end, next_start = m.span(1)
            _append(out, prose, start, end)
            start = next_start
        _append(out, prose, start, block_end)
    return tuple(out)


def _append(out: list[Span], prose: str, start: int, end: int) -> None:
    text = prose[start:end]
    stripped = text.strip()
    if len(stripped) == len(text):  # nothing to trim: the usual case
        if text:
            out.append(_span(Span, (start, end)))
    elif stripped:
        lead = len(text) - len(text.lstrip())
        out.append(_span(Span, (start + lead, start + lead + len(stripped))))
