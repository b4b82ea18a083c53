"""Kind `citation`: an efficacy statement ("studies show", "80% of patients") needs a source
in the same sentence or the next: a marker the page resolves, author-year, PMID/DOI, or a
link to a paper. A marker with no matching entry on the page is reported as such."""
from __future__ import annotations

from typing import Iterator, Sequence

import regex

from lint.compiled import compile as cached_regex
from lint.models import Document, Hit, Span
from lint.rules import patterns
from lint.rules.phrase import Compiled, compile, spans_to_search  # noqa: F401 - compiled as phrase rules are
from lint.rules.schema import CONTEXTS, string_list
from lint.rules.sources import citation_in

KIND = "citation"
FIELDS = {
    "patterns": (string_list, True),
    "unless": (string_list, False),
}
#: Template variables besides {{ match }}, with sample values (the pack tests render with them).
VARIABLES: dict[str, object] = {"unresolved": "[3]"}  # a marker the page cannot resolve, or ""
DEFUSED_BY = frozenset(CONTEXTS)
ANCHORED_BY = "patterns"


def check(compiled: Compiled, doc: Document, blocks: Sequence[Span] | None = None) -> Iterator[Hit]:
    for m in _matches(compiled, doc, blocks):
        if not doc.sentences:
            continue
        index = doc.sentence_index(m.start())
        sentence = doc.sentences[index]
        if compiled.unless is not None and patterns.search(compiled.unless, doc.prose, sentence.start, sentence.end):
            continue
        cited, unresolved = citation_in(doc, _nearby(doc, index, compiled))
        if not cited:
            yield Hit(m.start(), m.end(), {"unresolved": unresolved, **{k: v for k, v in m.groupdict().items() if v}})


def _matches(compiled: Compiled, doc: Document, blocks: Sequence[Span] | None) -> Iterator[regex.Match[str]]:
    """Statements within one block each: in `blocks`, or in every block."""
    for block in spans_to_search(compiled, doc, blocks):
        yield from patterns.finditer(compiled.pattern, doc.prose, block.start, block.end)


def _nearby(doc: Document, index: int, compiled: Compiled) -> Span:
    """The statement's sentence and the next one when it stands in the same block and makes no
    efficacy statement of its own (whose source would be for that statement, not this one)."""
    sentence = doc.sentences[index]
    end = sentence.end
    if index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        if (doc.block_at(following.start) == doc.block_at(sentence.start)
                and _refers_back(doc.prose[following.start:following.end])
                and patterns.search(compiled.whole.pattern, doc.prose, following.start, following.end) is None):
            end = following.end
    return Span(sentence.start, end)


_REFERS_BACK = cached_regex(
    r"(?i)^\W*(?:this|that|these|those|it|they|the (?:study|studies|trial|trials|research|review|data|figures?|"
    r"results?|survey|paper|source)|sources?|see|ref(?:erence)?s?|citations?|according|published|based on|from)\b"
)


def _refers_back(text: str) -> bool:
    """Whether a following sentence can be the statement's source: a short note or citation, or a
    sentence about "this study"; not one that reports a study of its own ("In a 2022 trial, …")."""
    return len(text) <= 80 or _REFERS_BACK.match(text) is not None
