"""The words of a document, lower-cased, stretch by stretch: what the anchor prefilters look at.

Several rule kinds ask for them for the same document in turn, so the last document's
are kept (one entry: files stream through one at a time).
"""
from __future__ import annotations

import regex

from lint.models import Document, Span
from lint.compiled import compile as cached_regex

_NOT_WORD = cached_regex(r"[^\w\s]")
_last: tuple[Document | None, "WordIndex | None"] = (None, None)


class WordIndex:
    """The lower-cased words of each sentence, and which sentences a rule may match across.

    Claims stay within a sentence or two ("Real patients. Real results."), so a rule needs
    to search only the stretch of a sentence and the next one in its block, where its
    words stand, rather than whole paragraphs.
    """

    __slots__ = ("sentences", "sets", "all", "joined", "_joined_bits", "_spans")

    def __init__(self, doc: Document) -> None:
        self.sentences: tuple[Span, ...] = doc.sentences or doc.blocks or (Span(0, len(doc.prose)),)
        # Words are the runs of \w: with every other non-space character made a space (which keeps
        # offsets), splitting at whitespace finds them, far faster than a regex per sentence.
        lower = doc.prose.lower()
        if len(lower) == len(doc.prose):
            words = _NOT_WORD.sub(" ", lower)
            self.sets = [frozenset(words[s.start:s.end].split()) for s in self.sentences]
        else:  # a letter whose lower case is longer: lower each sentence alone
            self.sets = [frozenset(_NOT_WORD.sub(" ", doc.prose[s.start:s.end].lower()).split()) for s in self.sentences]
        self.all: frozenset[str] = frozenset().union(*self.sets)
        bits = bytearray(len(self.sentences) // 8 + 1)
        block_ends = [b.end for b in doc.blocks] or [len(doc.prose)]
        b = 0  # sentences and blocks are both in order: walk them together
        for i, sentence in enumerate(self.sentences[:-1]):
            while b + 1 < len(block_ends) and block_ends[b] <= sentence.start:
                b += 1
            if self.sentences[i + 1].end <= block_ends[b]:
                bits[i >> 3] |= 1 << (i & 7)
        self._joined_bits = bytes(bits)  # what `stretch` reads: shifting a huge int would copy it
        self.joined = int.from_bytes(bits, "little")  # bit i: sentence i+1 is in the same block as sentence i
        self._spans: dict[int, list[Span]] = {}

    def stretch(self, i: int) -> Span:
        """Sentence i, with the next one when it stands in the same block."""
        if self._joined_bits[i >> 3] >> (i & 7) & 1:
            return Span(self.sentences[i].start, self.sentences[i + 1].end)
        return self.sentences[i]


    def spans(self, mask: int) -> list[Span]:
        """The stretches of the sentences whose bits are set, joined where they overlap (many
        rules share a mask: each is read once)."""
        if mask not in self._spans:
            self._spans[mask] = merged([self.stretch(i) for i in bit_indices(mask)])
        return self._spans[mask]


def bit_indices(mask: int) -> list[int]:
    """Indices of the set bits, in order (read off the binary string: linear in the mask's length)."""
    return [m.start() for m in _ONE.finditer(bin(mask)[:1:-1])]


_ONE = cached_regex("1")


def merged(spans: list[Span]) -> list[Span]:
    """Overlapping or touching spans (sorted by start) joined into one."""
    if len(spans) < 2:
        return spans
    out: list[Span] = []
    for span in spans:
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out


def word_index(doc: Document) -> WordIndex:
    """The WordIndex of `doc`, built once."""
    global _last
    if _last[0] is not doc:
        _last = (doc, WordIndex(doc))
    return _last[1]  # type: ignore[return-value]
