"""The prefilter: where in a document each anchored pattern list may match, from its words.

The rule runner and every scoped pattern list (the promotion and disclosure lists of the
`requires` kind) register their anchors once (rules/anchors.py finds them); per document,
one pass over its words tells all of them which sentence pairs to search.
"""
from __future__ import annotations

from typing import Any, Iterator

import regex

from lint.compiled import compile as cached_regex
from lint.rules.anchors import MIN_LENGTH, RuleAnchors, required_anchors


class Prefilter:
    """Where each registered pattern list may match in a document, from the words of its blocks.

    The rule runner and every scoped pattern list register their anchors here once; per
    document, one pass over its words answers for all of them. Each distinct word is looked
    up once per run and remembered, so a site's vocabulary costs a few microseconds per new
    word and nothing after. An entry may match in a block when, for one of its patterns,
    every required set has a piece among the block's words.
    """

    def __init__(self) -> None:
        self._by_trigram: dict[str, list[tuple[str, tuple[int, int, int]]]] = {}
        self._slots: dict[tuple[int, int], int] = {}  # (entry, pattern) → its number of slots
        self._always: set[int] = set()  # entries without anchors: every block
        self._ranges: dict[tuple[RuleAnchors, ...], range] = {}
        self._count = 0
        self._seen: set[str] = set()
        self._hits: dict[str, frozenset[tuple[int, int, int]]] = {}
        self._last: tuple[object, dict[int, list[int]]] = (None, {})

    def register(self, anchors: list[RuleAnchors]) -> range:
        """Ids for these entries (the same ids again for the same anchors)."""
        key = tuple(anchors)
        if key in self._ranges:
            return self._ranges[key]
        ids = range(self._count, self._count + len(anchors))
        for entry, patterns in zip(ids, anchors):
            if patterns is None:
                self._always.add(entry)
            for pattern, slots in enumerate(patterns or ()):
                self._slots[(entry, pattern)] = len(slots)
                for slot, pieces in enumerate(slots):
                    for piece in pieces:
                        self._by_trigram.setdefault(piece[:MIN_LENGTH], []).append((piece, (entry, pattern, slot)))
        self._count += len(anchors)
        self._ranges[key] = ids
        self._seen, self._hits, self._last = set(), {}, (None, {})  # new pieces: look words up again
        return ids

    def blocks(self, doc: Any) -> dict[int, list[int]]:
        """Entry id → indices of the sentences of `doc` whose stretch (it and the next sentence of its
        block) it may match in; remembered for the last doc."""
        if self._last[0] is doc:
            return self._last[1]
        from lint.rules.words import word_index

        words = word_index(doc)
        new = words.all - self._seen
        for word in new:
            if hit := self._lookup(word):
                self._hits[word] = hit
        self._seen |= new
        relevant = words.all & self._hits.keys()
        holding: dict[str, list[int]] = {word: [] for word in relevant}  # word → the sentences holding it
        for i, sentence_words in enumerate(words.sets):
            for word in sentence_words & relevant:
                holding[word].append(i)
        per_slot: dict[tuple[int, int, int], int] = {}
        for word, indices in holding.items():
            mask = _mask(indices)
            for key in self._hits[word]:
                per_slot[key] = per_slot.get(key, 0) | mask
        joined = words.joined
        per_pattern: dict[tuple[int, int], int] = {}
        counted: dict[tuple[int, int], int] = {}
        for (entry, pattern, _slot), mask in per_slot.items():
            pair = (entry, pattern)
            stretches = mask | ((mask >> 1) & joined)  # bit i: sentence i or the next one has it
            per_pattern[pair] = per_pattern.get(pair, -1) & stretches
            counted[pair] = counted.get(pair, 0) + 1
        merged: dict[int, int] = {}
        for pair, mask in per_pattern.items():
            if mask and counted[pair] == self._slots[pair]:
                merged[pair[0]] = merged.get(pair[0], 0) | mask
        sentences: dict[int, list[int]] = {}  # many entries share a mask: read each one once
        out = {entry: sentences[mask] if mask in sentences else sentences.setdefault(mask, _bits(mask))
               for entry, mask in merged.items()}
        every = list(range(len(words.sentences)))
        out.update({entry: every for entry in self._always})
        self._last = (doc, out)
        return out

    def _lookup(self, word: str) -> frozenset[tuple[int, int, int]]:
        out = set()
        for i in range(len(word) - MIN_LENGTH + 1):
            for piece, key in self._by_trigram.get(word[i:i + MIN_LENGTH], ()):
                if word.startswith(piece, i):
                    out.add(key)
        return frozenset(out)


def _mask(indices: list[int]) -> int:
    """The bitmask with these bits set, built in one go: setting bits one by one in a Python
    int copies it each time, which is quadratic on a page of a million sentences."""
    if not indices:
        return 0
    bits = bytearray((indices[-1] >> 3) + 1)
    for i in indices:
        bits[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(bits, "little")


_ONE = cached_regex("1")


def _bits(mask: int) -> list[int]:
    """Indices of the set bits, in order (read off the binary string: linear in the mask's length)."""
    return [m.start() for m in _ONE.finditer(bin(mask)[:1:-1])]


#: The run's prefilter: every anchored pattern list registers here.
PREFILTER = Prefilter()


class ScopedPattern:
    """A pattern list searched only where it may match: its anchored members in the blocks
    that hold their words, the others (a price, `[$£€]\\d`: cheap, led by a literal) everywhere."""

    def __init__(self, sources: list[str]) -> None:
        from lint.rules.patterns import compile_patterns

        anchors = [required_anchors([source]) for source in sources]
        anchored = [s for s, a in zip(sources, anchors) if a is not None]
        free = [s for s, a in zip(sources, anchors) if a is None]
        self._anchored = compile_patterns(anchored) if anchored else None
        self._free = compile_patterns(free) if free else None
        self._ids = PREFILTER.register([a for a in anchors if a is not None])

    def finditer(self, doc: Any) -> Iterator["regex.Match[str]"]:
        """Matches, the anchored members' in block order, then the others' (each search within its time budget)."""
        from lint.rules.patterns import finditer
        from lint.rules.words import merged, word_index

        if self._anchored is not None:
            found = PREFILTER.blocks(doc)
            words = word_index(doc)
            spans = merged([words.stretch(i) for i in sorted(set().union(*(found.get(entry, ()) for entry in self._ids)))])
            for span in spans:
                yield from finditer(self._anchored, doc.prose, span.start, span.end)
        if self._free is not None:
            yield from finditer(self._free, doc.prose)

    def search(self, doc: Any) -> "regex.Match[str] | None":
        return next(self.finditer(doc), None)
