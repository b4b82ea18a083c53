"""The words of a document, lower-cased, stretch by stretch: what the anchor prefilters look at.

Several rule kinds ask for them for the same document in turn, so the last document's
are kept (one entry: files stream through one at a time).
"""
from __future__ import annotations

from bisect import bisect_left

from lint.models import Document, Span
from lint.compiled import compile as cached_regex

_NOT_WORD = cached_regex(r"[^\w\s]")
_last: tuple[Document | None, "WordIndex | None"] = (None, None)


class WordIndex:
    """Which sentences hold each lower-cased word, and which sentences a rule may match across.

    Claims stay within a sentence or two ("Real patients. Real results."), so a rule needs
    to search only the stretch of a sentence and the next one in its block, where its
    words stand, rather than whole paragraphs.
    """

    __slots__ = ("sentences", "masks", "all", "joined", "_joined", "_spans")

    def __init__(self, doc: Document) -> None:
        self.sentences: tuple[Span, ...] = doc.sentences or doc.blocks or (Span(0, len(doc.prose)),)
        # Words are the runs of \w: with every other non-space character made a space (which keeps
        # offsets), splitting at whitespace finds them, far faster than a regex per sentence.
        lower = doc.prose.lower()
        if len(lower) == len(doc.prose):
            words = _NOT_WORD.sub(" ", lower)
            texts = [words[s.start:s.end] for s in self.sentences]
        else:  # a letter whose lower case is longer: lower each sentence alone
            texts = [_NOT_WORD.sub(" ", doc.prose[s.start:s.end].lower()) for s in self.sentences]
        self.masks: dict[str, int] = _word_masks(texts)  # word → bit i set: sentence i holds it
        self.all = self.masks.keys()  # the page's words
        # Sentences never cross blocks: the sentences starting in a block are its sentences.
        joined = bytearray(len(self.sentences))  # 1 at i: sentence i+1 is in the same block as sentence i
        starts = [s.start for s in self.sentences]
        for block in doc.blocks or (Span(0, len(doc.prose)),):
            first = bisect_left(starts, block.start)
            last = bisect_left(starts, block.end, first) - 1
            if last > first:
                joined[first:last] = b"\x01" * (last - first)
        self._joined = bytes(joined)  # what `stretch` reads: shifting a huge int would copy it
        self.joined = int(joined.translate(_BINARY)[::-1] or b"0", 2)  # the same as bits (int() reads binary in linear time)
        self._spans: dict[int, list[Span]] = {}

    def stretch(self, i: int) -> Span:
        """Sentence i, with the next one when it stands in the same block."""
        if self._joined[i]:
            return Span(self.sentences[i].start, self.sentences[i + 1].end)
        return self.sentences[i]

    def spans(self, mask: int) -> list[Span]:
        """The stretches of the sentences whose bits are set, joined where they overlap (many
        rules share a mask: each is read once). Runs of sentences of one block come out whole."""
        if mask not in self._spans:
            within = mask & (mask >> 1) & self.joined  # bit i: sentences i and i+1 are both in, one block
            out: list[Span] = []
            for first, last in zip(bit_indices(mask & ~(within << 1)), bit_indices(mask & ~within)):
                start, end = self.sentences[first].start, self.stretch(last).end
                if out and start <= out[-1].end:
                    out[-1] = Span(out[-1].start, max(out[-1].end, end))
                else:
                    out.append(Span(start, end))
            self._spans[mask] = out
        return self._spans[mask]


_BINARY = bytes.maketrans(b"\x00\x01", b"01")


#: Up to this many sentences a page's bitmasks are built bit by bit: small ints are cheap to copy.
SMALL_PAGE = 4096


def _word_masks(texts: list[str]) -> dict[str, int]:
    """Word → the bitmask of the sentences holding it."""
    masks: dict[str, int] = {}
    get = masks.get
    if len(texts) <= SMALL_PAGE:
        bit = 1
        for text in texts:
            for word in text.split():
                masks[word] = get(word, 0) | bit
            bit <<= 1
        return masks
    holding: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for word in text.split():
            holding.setdefault(word, []).append(i)
    return {word: _mask(indices) for word, indices in holding.items()}


def _mask(indices: list[int]) -> int:
    """The bitmask with these bits set, built in one go: setting bits one by one in a Python
    int copies it each time, which is quadratic on a page of a million sentences."""
    bits = bytearray((indices[-1] >> 3) + 1)
    for i in indices:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


def bit_indices(mask: int) -> list[int]:
    """Indices of the set bits, in order. A small mask is read bit by bit from its lowest;
    a long one off its binary string (linear in its length, where clearing bits one by one
    would copy it each time)."""
    if mask.bit_length() > SMALL_PAGE:
        return [m.start() for m in _ONE.finditer(bin(mask)[:1:-1])]
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


_ONE = cached_regex("1")


def word_index(doc: Document) -> WordIndex:
    """The WordIndex of `doc`, built once."""
    global _last
    if _last[0] is not doc:
        _last = (doc, WordIndex(doc))
    return _last[1]  # type: ignore[return-value]
