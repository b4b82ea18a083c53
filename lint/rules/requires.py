"""Kind `requires`: a page that promotes a treatment must carry a disclosure.

A page promotes a treatment when it names the treatment (`treatment`) within a sentence
or two of offering language (`promotion`: "book", "our clinic", "$450", "call today").
An educational article that offers nothing is left alone. If no `disclosure` pattern
appears anywhere on the page (a negated mention such as "no side effects" does not
count), one finding points at the first promotional mention. `when` narrows a rule to
pages that also mention something (e.g. a condition the treatment is off-label for).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping

import regex

from lint.models import Document, Hit
from lint.rules.patterns import TIMEOUT_SECONDS, compile_patterns
from lint.rules.schema import string_list

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
NEARBY_SENTENCES = 2
# A disclosure mention that is itself denied ("no side effects", "free of risk") discloses nothing.
_DENIED = regex.compile(r"(?i)\b(?:no|zero|without|never|free\s+(?:of|from)|not\s+any|none\s+of\s+the)\s+(?:\w+\s+){0,2}$")


@dataclass(frozen=True)
class Compiled:
    treatment: regex.Pattern[str]
    promotion: regex.Pattern[str]
    disclosure: regex.Pattern[str]
    when: regex.Pattern[str] | None
    unless: regex.Pattern[str] | None


def compile(options: Mapping[str, Any]) -> Compiled:  # noqa: A001 - the kind interface
    def optional(key: str) -> regex.Pattern[str] | None:
        return compile_patterns(options[key]) if options.get(key) else None

    return Compiled(
        treatment=compile_patterns(options["treatment"]),
        promotion=compile_patterns(options["promotion"]),
        disclosure=compile_patterns(options["disclosure"]),
        when=optional("when"),
        unless=optional("unless"),
    )


def check(compiled: Compiled, doc: Document) -> Iterator[Hit]:
    prose = doc.prose
    if compiled.when is not None and not compiled.when.search(prose, timeout=TIMEOUT_SECONDS):
        return
    if compiled.unless is not None and compiled.unless.search(prose, timeout=TIMEOUT_SECONDS):
        return
    mention = first_promoted_mention(compiled, doc)
    if mention is None or discloses(compiled, prose):
        return
    yield Hit(mention.start(), mention.end(), {"document_level": True, "treatment": mention.group(0)})


def first_promoted_mention(compiled: Compiled, doc: Document) -> regex.Match[str] | None:
    """The first treatment mention with offering language in its sentence or the ones around it."""
    if not doc.sentences or compiled.promotion.search(doc.prose, timeout=TIMEOUT_SECONDS) is None:
        return None
    for m in compiled.treatment.finditer(doc.prose, timeout=TIMEOUT_SECONDS):
        index = doc.sentence_index(m.start())
        first = doc.sentences[max(index - NEARBY_SENTENCES, 0)]
        last = doc.sentences[min(index + NEARBY_SENTENCES, len(doc.sentences) - 1)]
        if compiled.promotion.search(doc.prose, first.start, last.end, timeout=TIMEOUT_SECONDS):
            return m
    return None


def discloses(compiled: Compiled, prose: str) -> bool:
    """True if the page mentions the disclosure anywhere, not counting denied mentions."""
    for m in compiled.disclosure.finditer(prose, timeout=TIMEOUT_SECONDS):
        if not _DENIED.search(prose, max(m.start() - 40, 0), m.start()):
            return True
    return False
