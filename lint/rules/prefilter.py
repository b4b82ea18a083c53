"""The prefilter: where in a document each anchored pattern list may match, from its words.

The rule runner and every scoped pattern list (the promotion and disclosure lists of the
`requires` kind) register their anchors once (rules/anchors.py finds them); per document,
one pass over its words tells all of them which sentence pairs to search.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Iterator

import regex

from lint.rules.anchors import MIN_LENGTH, RuleAnchors, core, required_anchors
from lint.rules.patterns import check_patterns, compile_patterns, finditer, search, warm_patterns
from lint.rules.words import bit_indices, word_index


class Prefilter:
    """Where each registered pattern list may match in a document, from the words of its sentences.

    The rule runner and every scoped pattern list register their anchors here once; per
    document, one pass over its words answers for all of them. Each distinct word is looked
    up once per run and remembered, so a site's vocabulary costs a few microseconds per new
    word and nothing after. An entry may match in a stretch when, for one of its patterns,
    every required set (slot) has a piece among the stretch's words. Slots with the same
    pieces are one slot, and a pattern is looked at only when its first (most selective) slot
    is on the page: most of a run's patterns have nothing to do on most pages.
    """

    def __init__(self) -> None:
        # Pieces by kind (rules/anchors.py): anywhere in a word (by their first letters), at a
        # word's start or end (by its first or last letters), or a whole word.
        self._inside: dict[str, list[tuple[str, int]]] = {}
        self._starting: dict[str, list[tuple[str, int]]] = {}
        self._ending: dict[str, list[tuple[str, int]]] = {}
        self._whole: dict[str, list[int]] = {}
        self._slot_ids: dict[frozenset[str], int] = {}  # a slot's pieces → its number
        self._first: dict[int, list[tuple[int, tuple[int, ...]]]] = {}  # slot → (entry, other slots)
        self._always: set[int] = set()  # entries without anchors: every sentence
        self._ranges: dict[tuple[RuleAnchors, ...], range] = {}
        self._count = 0
        self._seen: set[str] = set()
        self._hits: dict[str, tuple[int, ...]] = {}  # word → the slots it fills
        self._last: tuple[object, dict[int, int]] = (None, {})

    def register(self, anchors: list[RuleAnchors]) -> range:
        """Ids for these entries (the same ids again for the same anchors)."""
        key = tuple(anchors)
        if key in self._ranges:
            return self._ranges[key]
        ids = range(self._count, self._count + len(anchors))
        for entry, patterns in zip(ids, anchors):
            if patterns is None:
                self._always.add(entry)
            for slots in patterns or ():
                numbers = tuple(self._slot(pieces) for pieces in slots)
                self._first.setdefault(numbers[0], []).append((entry, numbers[1:]))
        self._count += len(anchors)
        self._ranges[key] = ids
        self._seen, self._hits, self._last = set(), {}, (None, {})  # new pieces: look words up again
        return ids

    def _slot(self, pieces: frozenset[str]) -> int:
        if pieces not in self._slot_ids:
            number = self._slot_ids[pieces] = len(self._slot_ids)
            for piece in pieces:
                word = core(piece)
                if piece[0] == "<" and piece[-1] == ">":
                    self._whole.setdefault(word, []).append(number)
                elif piece[0] == "<":
                    self._starting.setdefault(word[:MIN_LENGTH], []).append((word, number))
                elif piece[-1] == ">":
                    self._ending.setdefault(word[-MIN_LENGTH:], []).append((word, number))
                else:
                    self._inside.setdefault(word[:MIN_LENGTH], []).append((word, number))
        return self._slot_ids[pieces]

    def masks(self, doc: Any) -> dict[int, int]:
        """Entry id → bitmask of the sentences of `doc` whose stretch (it and the next sentence
        of its block) it may match in; entries that cannot match are left out. Remembered for
        the last doc: the runner and every scoped list ask in turn."""
        if self._last[0] is doc:
            return self._last[1]
        words = word_index(doc)
        new = words.all - self._seen
        for word in new:
            if hit := self._lookup(word):
                self._hits[word] = hit
        self._seen |= new
        relevant = words.all & self._hits.keys()
        filled: dict[int, int] = {}  # slot → the sentences holding one of its pieces
        hits = self._hits
        word_masks = words.masks
        for word in relevant:
            mask = word_masks[word]
            for slot in hits[word]:
                filled[slot] = filled.get(slot, 0) | mask
        joined = words.joined
        stretches: dict[int, int] = {}  # slot → the sentences whose stretch holds it
        out: dict[int, int] = {}
        first_slots = self._first
        for first in filled.keys() & first_slots.keys():
            mask = filled[first]
            start = mask | ((mask >> 1) & joined)  # bit i: sentence i or the next holds it
            for entry, others in first_slots[first]:
                found = start
                for slot in others:
                    if slot not in stretches:
                        mask = filled.get(slot, 0)
                        stretches[slot] = mask | ((mask >> 1) & joined)
                    found &= stretches[slot]
                    if not found:
                        break
                else:
                    out[entry] = out.get(entry, 0) | found
        if self._always:
            every = (1 << len(words.sentences)) - 1
            out.update(dict.fromkeys(self._always, every))
        self._last = (doc, out)
        return out

    def _lookup(self, word: str) -> tuple[int, ...]:
        """The slots a word of the text fills."""
        out = set(self._whole.get(word, ()))
        for i in range(len(word) - MIN_LENGTH + 1):
            for piece, slot in self._inside.get(word[i:i + MIN_LENGTH], ()):
                if word.startswith(piece, i):
                    out.add(slot)
        out.update(slot for piece, slot in self._starting.get(word[:MIN_LENGTH], ()) if word.startswith(piece))
        out.update(slot for piece, slot in self._ending.get(word[-MIN_LENGTH:], ()) if word.endswith(piece))
        return tuple(out)


#: The run's prefilter: every anchored pattern list registers here.
PREFILTER = Prefilter()


class ScopedPattern:
    """A pattern list searched only where it may match: each anchored member in the stretches
    that hold its own words, the others (a price, `[$£€]\\d`: cheap, led by a literal) everywhere.

    A member led by a lookbehind or by a list of words costs a hundred times more per character
    than one led by a literal; searched only on the sentences that hold its words, it costs
    next to nothing, and whether the list matches somewhere is the same question member by member.
    """

    def __init__(self, sources: list[str]) -> None:
        check_patterns(sources)  # a bad pattern is a load error; the lists compile on first search
        anchors = [required_anchors([source]) for source in sources]
        self.sources = list(sources)
        self._anchored_sources = [s for s, a in zip(sources, anchors) if a is not None]
        self._free_sources = [s for s, a in zip(sources, anchors) if a is None]
        self._compiled: dict[object, regex.Pattern[str] | None] = {}
        self._ids = PREFILTER.register([a for a in anchors if a is not None])
        self._last: tuple[object, list[tuple[int, list[int]]]] = (None, [])

    @property
    def whole(self) -> "regex.Pattern[str]":
        """The whole list as one pattern (to search a text that is not a document)."""
        return self._compile("whole", self.sources)  # type: ignore[return-value]

    @property
    def _anchored(self) -> "regex.Pattern[str] | None":
        return self._compile("anchored", self._anchored_sources)

    @property
    def _free(self) -> "regex.Pattern[str] | None":
        return self._compile("free", self._free_sources)

    def _compile(self, key: object, sources: list[str]) -> "regex.Pattern[str] | None":
        if key not in self._compiled:
            self._compiled[key] = compile_patterns(sources) if sources else None
        return self._compiled[key]

    def finditer(self, doc: Any) -> Iterator["regex.Match[str]"]:
        """Matches of the whole list in order, within the stretches that hold any member's words,
        then the free members' (each search within its time budget)."""
        if self._anchored is not None:
            masks = PREFILTER.masks(doc)
            mask = 0
            for entry in self._ids:
                mask |= masks.get(entry, 0)
            for span in word_index(doc).spans(mask):
                yield from finditer(self._anchored, doc.prose, span.start, span.end)
        if self._free is not None:
            yield from finditer(self._free, doc.prose)

    def each(self, doc: Any) -> Iterator["regex.Match[str]"]:
        """Every member's matches, member by member, each only in its own stretches (for
        questions about any match: the order is not the page's)."""
        spans = word_index(doc).spans
        masks = PREFILTER.masks(doc)
        for k, entry in enumerate(self._ids):
            if mask := masks.get(entry, 0):
                for span in spans(mask):
                    yield from finditer(self._member(k), doc.prose, span.start, span.end)
        if self._free is not None:
            yield from finditer(self._free, doc.prose)

    def search(self, doc: Any) -> "regex.Match[str] | None":
        """A match anywhere in the document (any member's; which one is not defined)."""
        return next(self.each(doc), None)

    def within(self, doc: Any, first: int, last: int, start: int, end: int) -> bool:
        """Whether the list matches inside prose[start:end], which lies in sentences first..last:
        only members whose words stand in those sentences are searched."""
        for k, indices in self._present(doc):
            i = bisect_left(indices, first)
            if i < len(indices) and indices[i] <= last and search(self._member(k), doc.prose, start, end):
                return True
        return self._free is not None and search(self._free, doc.prose, start, end) is not None

    def _present(self, doc: Any) -> list[tuple[int, list[int]]]:
        """The members that may match in `doc`, with the sentences where (for the last doc)."""
        if self._last[0] is not doc:
            masks = PREFILTER.masks(doc)
            self._last = (doc, [(k, bit_indices(masks[entry])) for k, entry in enumerate(self._ids) if entry in masks])
        return self._last[1]

    def warm(self) -> None:
        """Compile every list and member into the on-disk cache without keeping them (see RuleRunner)."""
        for sources in (self.sources, self._anchored_sources, self._free_sources, *([s] for s in self._anchored_sources)):
            if sources:
                warm_patterns(sources)

    def _member(self, k: int) -> "regex.Pattern[str]":
        return self._compile(k, [self._anchored_sources[k]])  # type: ignore[return-value]
