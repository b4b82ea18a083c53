"""Kind `phrase`: a claim pattern anywhere in the prose, within one block.

Whether the claim is denied, asked about or hypothetical is decided afterwards by
the context filter, from the rule's `defused_by`; `unless` patterns let a rule step
aside when its sentence says something that makes the words harmless ("cure time"), and
`unless_page` patterns when the page says it anywhere (a testimonial is fair on a page that
says "individual results vary").
"""
from typing import Any, Iterator, Mapping, Sequence

import regex

from lint.models import Document, Hit, Span
from lint.rules import patterns
from lint.rules.patterns import check_patterns, compile_patterns, warm_patterns, without_leading_lookbehinds
from lint.rules.schema import CONTEXTS, string_list

KIND = "phrase"
FIELDS = {
    "patterns": (string_list, True),
    "unless": (string_list, False),
    "unless_page": (string_list, False),
}
#: Template variables besides {{ match }}, with sample values (the pack tests render with them).
VARIABLES: dict[str, object] = {}  # named groups of the pattern are added per match
DEFUSED_BY = frozenset(CONTEXTS)
#: The field whose patterns every match comes from: the engine derives the rule's anchors from it.
ANCHORED_BY = "patterns"


class Compiled:
    """A rule's patterns, checked when the pack loads and compiled when first searched: the
    engine searches long rules pattern by pattern (`part`), so a rule's combined pattern list
    is often never needed, and a compiled pattern is worth keeping only once it is used."""

    __slots__ = ("patterns", "unless", "unless_page", "whole", "_pattern", "_quick")

    def __init__(self, patterns: Sequence[str], unless: regex.Pattern[str] | None,
                 unless_page: regex.Pattern[str] | None, whole: "Compiled | None" = None) -> None:
        self.patterns = tuple(patterns)
        self.unless, self.unless_page = unless, unless_page
        self.whole: Compiled = whole or self  # the rule's full list, when this is a part of it
        self._pattern: regex.Pattern[str] | None = None
        self._quick: regex.Pattern[str] | None | bool = False  # False: not built yet

    @property
    def pattern(self) -> regex.Pattern[str]:
        if self._pattern is None:
            self._pattern = compile_patterns(self.patterns)
        return self._pattern

    @property
    def quick(self) -> regex.Pattern[str] | None:
        """The patterns without leading lookbehinds (a fast first test), or None if none has one."""
        if self._quick is False:
            stripped = self._stripped()
            self._quick = compile_patterns(stripped) if stripped != list(self.patterns) else None
        return self._quick  # type: ignore[return-value]

    def _stripped(self) -> list[str]:
        return [without_leading_lookbehinds(p) for p in self.patterns]

    def warm(self) -> None:
        """Compile the patterns into the on-disk cache without keeping them here."""
        warm_patterns(list(self.patterns))
        stripped = self._stripped()
        if stripped != list(self.patterns):
            warm_patterns(stripped)

    def part(self, start: int, stop: int) -> "Compiled":
        """The same rule with only patterns[start:stop]."""
        return Compiled(self.patterns[start:stop], self.unless, self.unless_page, self.whole)


def compile(options: Mapping[str, Any]) -> Compiled:  # noqa: A001 - the kind interface
    """Check every pattern now (a bad one is a load error naming it); compile on first use."""
    patterns = list(options["patterns"])
    check_patterns(patterns)  # raises ValueError naming the pattern at fault
    unless = options.get("unless")
    return Compiled(
        patterns,
        unless=compile_patterns(unless, bounded=True) if unless else None,
        unless_page=compile_patterns(options["unless_page"]) if options.get("unless_page") else None,
    )


def spans_to_search(compiled: Compiled, doc: Document, spans: Sequence[Span] | None) -> Iterator[Span]:
    """The spans given (or every block), without those where the quick test already fails.

    Leading lookbehinds (hedge filters such as "may …") are slow: the engine tries them at
    every position. The same patterns without them match wherever the rule can, so a span
    they do not match needs no further look.
    """
    for span in spans if spans is not None else (doc.blocks or (Span(0, len(doc.prose)),)):
        if compiled.quick is None or patterns.search(compiled.quick, doc.prose, span.start, span.end):
            yield span


def check(compiled: Compiled, doc: Document, blocks: Sequence[Span] | None = None) -> Iterator[Hit]:
    """Matches in `blocks` (the blocks that contain one of the rule's anchors), or in all blocks."""
    prose = doc.prose
    excused = _Excused(compiled.unless, doc)
    # A phrase never runs from one heading, paragraph or cell into the next: search each
    # block on its own, so that a match attempt spanning a boundary cannot swallow a real
    # match that starts inside the next block.
    # The search runs on the block's own text, so that a lookbehind cannot see the heading or
    # paragraph before it either ("Depression ends here." under "… for Depression").
    page_excused: bool | None = None  # looked up at the first match only
    for span in spans_to_search(compiled, doc, blocks):
        text, offset = _block_text(doc, span.start)
        for m in patterns.finditer(compiled.pattern, text, span.start - offset, min(span.end - offset, len(text))):
            start, end = m.start() + offset, m.end() + offset
            if excused(start, end):
                continue
            if page_excused is None:
                page_excused = compiled.unless_page is not None and patterns.search(compiled.unless_page, prose) is not None
            if page_excused:
                return
            yield Hit(start, end, {k: v for k, v in m.groupdict().items() if v})


_texts: tuple[Document | None, dict[int, tuple[str, int]]] = (None, {})


def _block_text(doc: Document, offset: int) -> tuple[str, int]:
    """The text of the block holding prose `offset`, and where it starts (kept for the last doc:
    every phrase rule asks for the same blocks in turn)."""
    global _texts
    if _texts[0] is not doc:
        _texts = (doc, {})
    block = doc.block_at(offset)
    if block.start not in _texts[1]:
        _texts[1][block.start] = (doc.prose[block.start:block.end], block.start)
    return _texts[1][block.start]


class _Excused:
    """Whether a match's sentence holds an `unless` pattern; asked once per sentence, since a
    long unpunctuated page may put thousands of matches in one sentence."""

    def __init__(self, unless: regex.Pattern[str] | None, doc: Document) -> None:
        self.unless, self.doc = unless, doc
        self.answers: dict[tuple[int, int], bool] = {}

    def __call__(self, start: int, end: int) -> bool:
        if self.unless is None or not self.doc.sentences:
            return False
        sentence = self.doc.sentences[self.doc.sentence_index(start)]
        key = (sentence.start, max(sentence.end, end))
        if key not in self.answers:
            self.answers[key] = patterns.search(self.unless, self.doc.prose, *key) is not None
        return self.answers[key]
