"""The words of a document, lower-cased, stretch by stretch: what the anchor prefilters look at.

Several rule kinds ask for them for the same document in turn, so the last document's
are kept (one entry: files stream through one at a time).
"""
from __future__ import annotations

import regex

from lint.models import Document, Span
from lint.compiled import compile as cached_regex

_WORD = cached_regex(r"\w+")
_last: tuple[Document | None, "WordIndex | None"] = (None, None)


class WordIndex:
    """The lower-cased words of each stretch a rule may match in, and of the whole document.

    A stretch is a sentence and the next one in its block: claims stay within a sentence
    or two ("Real patients. Real results."), so a rule needs to search only the stretches
    holding its words, not whole paragraphs.
    """

    __slots__ = ("blocks", "sets", "all")  # the stretches, each one's word set, and their union

    def __init__(self, doc: Document) -> None:
        sentences = doc.sentences or doc.blocks or (Span(0, len(doc.prose)),)
        lower = doc.prose.lower()
        if len(lower) == len(doc.prose):
            words = [frozenset(_WORD.findall(lower, s.start, s.end)) for s in sentences]
        else:  # a letter whose lower case is longer: lower each sentence alone
            words = [frozenset(_WORD.findall(doc.prose[s.start:s.end].lower())) for s in sentences]
        self.blocks: list[Span] = []
        self.sets: list[frozenset[str]] = []
        for i, sentence in enumerate(sentences):
            following = i + 1 < len(sentences) and doc.block_at(sentences[i + 1].start) == doc.block_at(sentence.start)
            self.blocks.append(Span(sentence.start, sentences[i + 1].end) if following else sentence)
            self.sets.append(words[i] | words[i + 1] if following else words[i])
        self.all: frozenset[str] = frozenset().union(*words)


def merged(spans: list[Span]) -> list[Span]:
    """Overlapping or touching spans (sorted by start) joined into one."""
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
