"""HTML character references (`&rsquo;`, `&#8217;`, `&#x2019;`) → text pieces with exact source ranges."""
from __future__ import annotations

import html
from typing import Iterator, NamedTuple

import regex

from lint.compiled import compile as cached_regex

#: Named (with or without `;`, as browsers accept legacy names), decimal and hex references.
ENTITY = cached_regex(r"&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,10};?|[A-Za-z][A-Za-z0-9]{0,31};?)")


class Piece(NamedTuple):
    """Prose `text` standing for source[start:end]; `verbatim` when it is that source text itself."""

    text: str
    start: int
    end: int
    verbatim: bool


def pieces(text: str, start: int) -> Iterator[Piece]:
    """Split `text` (source offset `start`) into verbatim runs and decoded references.

    Decoding is `html.unescape` on each reference alone, so the table and the
    numeric rules (windows-1252 remapping, U+FFFD for invalid code points) are
    the standard library's; an unknown name such as `&foo;` stays verbatim.
    """
    if "&" not in text:
        if text:
            yield Piece(text, start, start + len(text), True)
        return
    pos = 0
    for m in ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if decoded == m.group():
            continue
        if m.start() > pos:
            yield Piece(text[pos:m.start()], start + pos, start + m.start(), True)
        yield Piece(decoded, start + m.start(), start + m.end(), False)
        pos = m.end()
    if pos < len(text):
        yield Piece(text[pos:], start + pos, start + len(text), True)


def decode(text: str) -> str:
    """The text with its references decoded (for values that are not prose, such as an href)."""
    return html.unescape(text) if "&" in text else text
