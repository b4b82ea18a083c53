"""The text flow markup extractors write into: a DocumentBuilder plus what markup needs on top.

On top of DocumentBuilder: references decoded into exact replacements; masked template
spans turned back into one space; whitespace that only separates blocks dropped; and
*asides* (attribute text such as `alt`, `title`, `aria-label`) held back until the
current block ends, so "does not <a title=…>cure fibromyalgia</a>" stays one sentence
and the title becomes a block of its own after it.
"""
from __future__ import annotations

import regex

from lint.extract.base import DocumentBuilder
from lint.extract.entities import Piece, pieces
from lint.extract.templates import FILLER
from lint.compiled import compile as cached_regex

_FILLED = cached_regex(FILLER + "+")


class Flow:
    """Writes prose pieces, blocks, links and asides for one document."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self._asides: list[list[Piece]] = []
        self._capture: list[Piece] | None = None

    @property
    def next_start(self) -> int:
        """Where the next piece of prose will start: the start of a link or marker written next."""
        return self.builder.next_start

    def verbatim(self, text: str, start: int) -> None:
        """Source text as it stands (template filler becomes a space)."""
        if self._capture is not None:
            self._capture.append(Piece(text, start, start + len(text), True))
        elif FILLER in text:
            pos = 0
            for m in _FILLED.finditer(text):
                self.verbatim(text[pos:m.start()], start + pos)
                self.replacement(" ", start + m.start(), start + m.end())
                pos = m.end()
            self.verbatim(text[pos:], start + pos)
        elif text and not (text.isspace() and self.builder.at_block_start):
            self.builder.add(text, start)

    def replacement(self, text: str, start: int, end: int) -> None:
        """Prose standing for the whole source range [start, end) (a reference, a `<br>`)."""
        if self._capture is not None:
            self._capture.append(Piece(text, start, end, False))
        elif not (text.isspace() and self.builder.at_block_start):
            self.builder.add_replacement(text, start, end)

    def html_text(self, text: str, start: int) -> None:
        """HTML text: character references decoded, everything else verbatim."""
        if "&" not in text:
            self.verbatim(text, start)
            return
        for piece in pieces(text, start):
            self.write(piece)

    def write(self, piece: Piece) -> None:
        if piece.verbatim:
            self.verbatim(piece.text, piece.start)
        else:
            self.replacement(piece.text, piece.start, piece.end)

    def end_block(self) -> None:
        """Close the current block, then write any held-back asides, each as a block of its own."""
        self.builder.end_block()
        while self._asides:  # (a while: an aside's own end_block must not write it again)
            asides, self._asides = self._asides, []
            for aside in asides:
                for piece in aside:
                    self.write(piece)
                self.builder.end_block()

    def aside(self, text_pieces: list[Piece]) -> None:
        """Text outside the flow (an attribute value): written as its own block when this one ends."""
        if text_pieces:
            self._asides.append(text_pieces)

    def start_capture(self) -> None:
        """Collect the following pieces instead of writing them (for an image's alt text)."""
        self._capture = []

    def stop_capture(self) -> list[Piece]:
        captured, self._capture = self._capture or [], None
        return captured

    def link(self, start: int, href: str) -> None:
        """Record a link whose text ran from prose offset `start` to here."""
        self.builder.add_link(start, self.builder.length, href)
