"""Kind `requires`: a page that promotes a treatment must carry a disclosure.

A page promotes a treatment when it names the treatment (`treatment`) within a sentence
or two of offering language in the same paragraph (`promotion`: "book", "our clinic",
"$450", "call today"), or names it in a heading over such a paragraph.
An educational article that offers nothing is left alone. If no `disclosure` pattern
appears anywhere on the page (a negated mention such as "no side effects" does not
count), one finding points at the first promotional mention. `when` narrows a rule to
pages that also mention something (e.g. a condition the treatment is off-label for).
"""
from functools import lru_cache
from typing import Any, Iterator, Mapping, NamedTuple, Sequence

import regex

from lint.models import Document, Hit, Span
from lint.rules import patterns
from lint.rules.prefilter import ScopedPattern
from lint.rules.schema import string_list
from lint.compiled import compile as cached_regex

KIND = "requires"
FIELDS = {
    "treatment": (string_list, True),
    "promotion": (string_list, True),
    "disclosure": (string_list, True),
    "when": (string_list, False),
    "unless": (string_list, False),
}
#: Template variables besides {{ match }}, with sample values (the pack tests render with them).
VARIABLES: dict[str, object] = {"treatment": "ketamine infusions", "document_level": True}
DEFUSED_BY: frozenset[str] = frozenset()  # a page-level omission has no sentence context
ANCHORED_BY = "treatment"  # no treatment named, nothing promoted
NEARBY_SENTENCES = 2
HEADING_CHARS = 80
TOPIC_MENTIONS = 3  # mentions that make a treatment the topic of a page section
# A disclosure mention that is itself denied ("no side effects", "free of risk") discloses nothing.
_DENIED = cached_regex(r"(?i)\b(?:no|zero|without|never|free\s+(?:of|from)|not\s+any|none\s+of\s+the)\s+(?:\w+\s+){0,2}$")


class Compiled(NamedTuple):
    promoter: "Promoter"
    disclosure_scope: ScopedPattern
    when: ScopedPattern | None
    unless: ScopedPattern | None

    def warm(self) -> None:
        """Compile the lists searched member by member into the on-disk cache (see RuleRunner)."""
        for scoped in (self.promoter.treatment, self.promoter.promotion, self.disclosure_scope, self.when, self.unless):
            if scoped is not None:
                scoped.warm()


def compile(options: Mapping[str, Any]) -> Compiled:  # noqa: A001 - the kind interface
    def optional(key: str) -> ScopedPattern | None:
        return ScopedPattern(list(options[key])) if options.get(key) else None

    return Compiled(
        promoter=_promoter(tuple(options["treatment"]), tuple(options["promotion"])),
        disclosure_scope=ScopedPattern(list(options["disclosure"])),
        when=optional("when"),
        unless=optional("unless"),
    )


def check(compiled: Compiled, doc: Document, spans: Sequence[Span] | None = None) -> Iterator[Hit]:
    """One page-level hit at most. `spans` (where the treatment's words are) is not needed: the
    engine runs the rule only on pages that have them, and the promotion test looks at blocks."""
    if compiled.when is not None and compiled.when.search(doc) is None:
        return
    if compiled.unless is not None and compiled.unless.search(doc) is not None:
        return
    mention = compiled.promoter.first_mention(doc)
    if mention is None or _discloses_in(compiled, doc):
        return
    yield Hit(mention.start(), mention.end(), {"document_level": True, "treatment": mention.group(0)})


@lru_cache(maxsize=64)
def _promoter(treatment: tuple[str, ...], promotion: tuple[str, ...]) -> "Promoter":
    """One Promoter per pair of pattern lists: rules that share them share the search."""
    return Promoter(treatment, promotion)


class Promoter:
    """Finds the first promoted mention of a treatment; remembers the answer for the last page,
    since the disclosure rules of a pack all ask the same question of it."""

    def __init__(self, treatment: tuple[str, ...], promotion: tuple[str, ...]) -> None:
        self.treatment = ScopedPattern(list(treatment))
        self.promotion = ScopedPattern(list(promotion))
        self._last: tuple[Document | None, regex.Match[str] | None] = (None, None)

    def first_mention(self, doc: Document) -> regex.Match[str] | None:
        if self._last[0] is not doc:
            self._last = (doc, self._find(doc))
        return self._last[1]

    def _find(self, doc: Document) -> regex.Match[str] | None:
        """The first treatment mention with offering language close by.

        A page whose title (its first block) names the treatment and that offers anything is
        promoting it. Otherwise the offer must be close by: within two sentences in the same
        block, or, for a mention in a heading (a short block), in the first sentences of the
        block after it ("Ketamine Infusions" over "Book your first session"). Offering
        language elsewhere on the page (an "Our team" heading, a footer) does not make an
        article about a treatment an advertisement for it, and a page whose only offering
        language is a price, and that never speaks as "we" (a news story: "the clinic charged
        $450 per infusion"), offers nothing. A page that offers something and names the treatment
        in a heading and at least TOPIC_MENTIONS times in all is about it, wherever its call to action
        ("Book a consultation", a price) stands.
        """
        if not doc.sentences or not _offers_anything(doc, self.promotion):
            return None
        first: regex.Match[str] | None = None
        mentions, in_heading = 0, False
        for m in self.treatment.finditer(doc):
            block = doc.block_at(m.start())
            if m.end() > block.end:
                continue  # a mention never runs from one block into the next
            if block == doc.blocks[0]:
                return m  # the page is about the treatment (its title), and it offers something
            first, mentions = first or m, mentions + 1
            in_heading = in_heading or _is_heading(doc.prose[block.start:block.end])
            index = doc.sentence_index(m.start())
            if _offers(self.promotion, doc, index - NEARBY_SENTENCES, index + NEARBY_SENTENCES, block):
                return m
            if _is_heading(doc.prose[block.start:block.end]):
                following = doc.block_at(block.end + len("\n\n"))
                start = doc.sentence_index(following.start)
                if following != block and _offers(self.promotion, doc, start, start + NEARBY_SENTENCES - 1, following):
                    return m
        if mentions >= TOPIC_MENTIONS and in_heading and _calls_to_action(doc, self.promotion):
            return first  # a section of the page is about the treatment, and the page sells it
        return None


_PRICE = cached_regex(r"[$£€]")  # offering language that is only a price
_OWN_VOICE = cached_regex(r"(?i)(?:we|our)\b")  # a sentence in the seller's voice
_CALL_TO_ACTION = cached_regex(r"(?i)(?:book|schedule|call|contact|request|make an|sign up|get started|start|free|[$£€])")


def _calls_to_action(doc: Document, promotion: ScopedPattern) -> bool:
    """Offering language that asks the reader to buy or book (not just "our program")."""
    return any(_CALL_TO_ACTION.match(m.group()) for m in promotion.each(doc))


def _offers_anything(doc: Document, promotion: ScopedPattern) -> bool:
    """Offering language somewhere on the page: more than a price, or a price on a page in the
    seller's own voice (a sentence that starts "We …" or "Our …")."""
    prices = False
    for m in promotion.each(doc):
        if not _PRICE.match(m.group()):
            return True
        prices = True
    return prices and any(_OWN_VOICE.match(doc.prose, s.start) for s in doc.sentences)


def _is_heading(text: str) -> bool:
    """A short block that does not end like a sentence: a heading, a title, a button."""
    text = text.strip()
    return len(text) <= HEADING_CHARS and not text.endswith(".")


def _offers(promotion: ScopedPattern, doc: Document, first: int, last: int, block: Span) -> bool:
    """True if offering language stands in sentences first..last, clipped to `block`."""
    first, last = max(first, 0), min(last, len(doc.sentences) - 1)
    start = max(doc.sentences[first].start, block.start)
    end = min(doc.sentences[last].end, block.end)
    return start < end and promotion.within(doc, first, last, start, end)


def discloses(compiled: Compiled, prose: str) -> bool:
    """True if the text mentions the disclosure anywhere, not counting denied mentions."""
    return any(_not_denied(prose, m) for m in patterns.finditer(compiled.disclosure_scope.whole, prose))


def _discloses_in(compiled: Compiled, doc: Document) -> bool:
    """`discloses` for a document, searching only the blocks that hold the disclosure's words."""
    return any(_not_denied(doc.prose, m) for m in compiled.disclosure_scope.each(doc))


def _not_denied(prose: str, m: regex.Match[str]) -> bool:
    return not _DENIED.search(prose, max(m.start() - 40, 0), m.start())
