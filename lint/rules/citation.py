"""Kind `citation`: an efficacy statement ("studies show", "80% of patients") needs a source
in the same sentence or the next: a marker the page resolves, author-year, PMID/DOI, or a
link to a paper. A marker with no matching entry on the page is reported as such."""
from __future__ import annotations

from typing import Iterator, Sequence

import regex

from lint.models import Document, Hit, Span
from lint.rules import patterns
from lint.rules.phrase import Compiled, compile, spans_to_search  # noqa: F401 - compiled as phrase rules are
from lint.rules.schema import CONTEXTS, string_list
from lint.rules.sources import ReferenceList, citation_in, reference_list

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
    refs: ReferenceList | None = None  # built on the first statement only: most pages have none
    for m in _matches(compiled, doc, blocks):
        if not doc.sentences:
            continue
        index = doc.sentence_index(m.start())
        sentence = doc.sentences[index]
        if compiled.unless is not None and patterns.search(compiled.unless, doc.prose, sentence.start, sentence.end):
            continue
        refs = refs or reference_list(doc)
        cited, unresolved = citation_in(doc, _nearby(doc, index), refs)
        if not cited:
            yield Hit(m.start(), m.end(), {"unresolved": unresolved, **{k: v for k, v in m.groupdict().items() if v}})


def _matches(compiled: Compiled, doc: Document, blocks: Sequence[Span] | None) -> Iterator[regex.Match[str]]:
    """Statements within one block each: in `blocks`, or in every block."""
    for block in spans_to_search(compiled, doc, blocks):
        yield from patterns.finditer(compiled.pattern, doc.prose, block.start, block.end)


def _nearby(doc: Document, index: int) -> Span:
    """The statement's sentence and the next one when it stands in the same block."""
    sentence = doc.sentences[index]
    end = sentence.end
    if index + 1 < len(doc.sentences):
        following = doc.sentences[index + 1]
        if doc.block_at(following.start) == doc.block_at(sentence.start):
            end = following.end
    return Span(sentence.start, end)
