"""DocumentBuilder: extractors append prose pieces with their source offsets; it keeps the map.

It also normalises what rules match against, so no rule has to: typographic quotes
and spaces become ASCII, look-alike letters become Latin, and invisible characters
(soft hyphens, zero-width spaces, bidi controls) disappear. Every change is either
one character for one, or a deletion, so positions in the source stay exact.
"""
from __future__ import annotations

import logging

import regex

from lint.extract.segment import sentences
from lint.extract.sourcemap import SourceMap
from lint.models import Document, Link, SourceFile, Span, Suppression
from lint.compiled import compile as cached_regex

LOG = logging.getLogger(__name__)

BLOCK_BREAK = "\n\n"

_FOLD_PAIRS = {
    # spaces
    "\u00a0": " ", "\u1680": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",
    **{chr(c): " " for c in range(0x2000, 0x200B)},
    # quotes and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    # hyphens that are not dashes
    "\u2010": "-", "\u2011": "-", "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    # Cyrillic and Greek letters that look Latin
    **dict(zip("аеорсухіјѕԁһԛԝ", "aeopcyxijsdhqw")),
    **dict(zip("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS")),
    **dict(zip("οαινρτυχ", "oaivptux")),
    **dict(zip("ΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", "ABEHIKMNOPTXYZ")),
    # full-width Latin letters and digits
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    **{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
}
_FOLD = str.maketrans(_FOLD_PAIRS)
#: An en dash joining two words is a hyphen ("Health Canada–approved"); an em dash is a clause break.
_JOINING_DASH = cached_regex("(?<=\\w)\u2013(?=\\w)")
_INVISIBLE = cached_regex("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]+")
_span = tuple.__new__  # Span(start, end) without the NamedTuple constructor's Python frame


def normalise(text: str) -> str:
    """The text as rules see it (for callers that match outside a Document)."""
    return _INVISIBLE.sub("", _JOINING_DASH.sub("-", text.translate(_FOLD)))


class DocumentBuilder:
    """Accumulates prose, its source map, blocks, links and suppressions for one file."""

    def __init__(self, source: SourceFile, text: str) -> None:
        self.source = source
        self.text = text
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int, bool]] = []
        self._length = 0
        self._blocks: list[Span] = []
        self._block_start = 0
        self._last_source = 0
        self._pending_break = False
        self.links: list[Link] = []
        self.suppressions: list[Suppression] = []
        self.line_starts: list[int] | None = None  # the source's line_starts, if an extractor has them

    @property
    def length(self) -> int:
        """Prose length so far: the offset the next piece will start at."""
        return self._length

    @property
    def next_start(self) -> int:
        """Prose offset the next piece will start at (after a pending block break)."""
        return self._length + (len(BLOCK_BREAK) if self._pending_break else 0)

    @property
    def at_block_start(self) -> bool:
        """True when no prose has been added to the current block yet."""
        return self._pending_break or self._length == self._block_start

    def add(self, text: str, source_start: int) -> None:
        """Append source text verbatim: prose character i is source character source_start + i."""
        if text.isascii():  # nothing to fold or drop: the common case, and much faster
            self._push(text, source_start, source_start + len(text), verbatim=True)
            return
        text = _JOINING_DASH.sub("-", text.translate(_FOLD))
        pos = 0
        for m in _INVISIBLE.finditer(text):
            self._push(text[pos:m.start()], source_start + pos, source_start + m.start(), verbatim=True)
            pos = m.end()
        self._push(text[pos:], source_start + pos, source_start + len(text), verbatim=True)

    def add_replacement(self, text: str, source_start: int, source_end: int) -> None:
        """Append prose that stands for a whole source range (an entity, a `<br>`)."""
        if not text.isascii():
            text = _INVISIBLE.sub("", text.translate(_FOLD))
        self._push(text, source_start, source_end, verbatim=False)

    def end_block(self) -> None:
        """Close the current block (heading, paragraph, list item, cell), if it has any prose.

        The next piece of prose will start after a blank line, so no pattern or
        sentence runs from one block into the next.
        """
        if self._length > self._block_start:
            if not self.prose_is_blank(self._block_start):
                self._blocks.append(_span(Span, (self._block_start, self._length)))
            self._block_start = self._length
            self._pending_break = True

    def add_link(self, start: int, end: int, href: str) -> None:
        self.links.append(Link(start, end, href))

    def build(self) -> Document:
        self.end_block()
        prose = "".join(self._parts)
        return Document(
            path=self.source.display,
            kind=self.source.kind,
            source=self.text,
            prose=prose,
            sourcemap=SourceMap(self._segments, self.text, self.line_starts),
            blocks=tuple(self._blocks),
            sentences=sentences(prose, self._blocks),
            links=tuple(self.links),
            suppressions=tuple(self.suppressions),
        )

    def _push(self, text: str, source_start: int, source_end: int, *, verbatim: bool) -> None:
        if not text:
            return
        if self._pending_break:
            self._pending_break = False
            self._segments.append((self._length, self._last_source, self._last_source, False))
            self._parts.append(BLOCK_BREAK)
            self._length += len(BLOCK_BREAK)
            self._block_start = self._length
        self._parts.append(text)
        self._segments.append((self._length, source_start, source_end, verbatim))
        self._length += len(text)
        self._last_source = source_end

    def prose_is_blank(self, start: int) -> bool:
        """True if the prose from `start` to now is only whitespace (walks back over recent parts)."""
        length = self._length
        for part in reversed(self._parts):
            if length <= start:
                break
            before = start - (length - len(part))  # characters of the part before `start`: not copied if none
            if not (part[before:] if before > 0 else part).isspace():
                return False
            length -= len(part)
        return True
