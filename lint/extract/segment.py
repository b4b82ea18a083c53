"""Sentences within blocks: where a claim's context (negation, question, citation) stops."""
from __future__ import annotations

import regex

from lint.models import Span
from lint.compiled import compile as cached_regex

# A sentence ends at . ! ? or … (plus closing quotes/brackets), before whitespace and
# something that can start a sentence. "?" and "!" end a sentence whatever follows. A
# period after a known abbreviation or a single letter (Dr., e.g., U.S., J.) ends nothing.
_BOUNDARY = cached_regex(
    r"""
    (?:
        (?<![!?])[!?]++[)"'\]]*+(?=\s)
      | (?<![0-9])\.{3}[)"'\]]*(?=\s+[A-Z0-9"'(\[])
      | …[)"'\]]*(?=\s+[A-Z0-9"'(\[])
      | (?<!
            (?:^|[\s(])
            (?i: dr | mr | mrs | ms | prof | st | sr | jr | vs | etc | al | inc | ltd | co | corp | no | nos
               | fig | figs | approx | dept | est | vol | pp | ed | eds | ref | refs | jan | feb | mar | apr
               | jun | jul | aug | sep | sept | oct | nov | dec | mt | ave | u\.s | e\.g | i\.e | a\.m | p\.m
               | [a-z] )
        )
        \.[)"'\]]*(?=\s+[^a-z\s,;:])
    )
    \s+
    """,
    regex.VERBOSE,
)
_span = tuple.__new__  # Span(start, end) without the NamedTuple constructor's Python frame


def sentences(prose: str, blocks: list[Span] | tuple[Span, ...]) -> tuple[Span, ...]:
    """Sentence spans, never crossing a block; leading and trailing whitespace trimmed."""
    out: list[Span] = []
    for block in blocks:
        start = block.start
        for m in _BOUNDARY.finditer(prose, block.start, block.end):
            _append(out, prose, start, m.start() + len(m.group(0).rstrip()))
            start = m.end()
        _append(out, prose, start, block.end)
    return tuple(out)


def _append(out: list[Span], prose: str, start: int, end: int) -> None:
    text = prose[start:end]
    stripped = text.strip()
    if stripped:
        lead = len(text) - len(text.lstrip())
        out.append(_span(Span, (start + lead, start + lead + len(stripped))))
