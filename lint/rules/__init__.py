"""Rule kinds and the engine that runs loaded rules over a Document."""
from __future__ import annotations

import logging
from types import ModuleType
from typing import Iterable

from lint.errors import RuleError
from lint.models import Citation, Document, Finding, Hit, Rule, Span
from lint.rules import citation, phrase, requires, suppression
from lint.rules.prefilter import PREFILTER
from lint.rules.render import quote, render, render_replacement
from lint.rules.sources import is_reference_entry
from lint.compiled import pattern_cache
from lint.rules.anchors import required_anchors
from lint.rules.words import word_index

LOG = logging.getLogger(__name__)

#: Kinds whose findings are claims in the prose (not page-level or directive findings).
CLAIM_KINDS = frozenset({phrase.KIND, citation.KIND})

#: Kind name → module with KIND, FIELDS, DEFUSED_BY, ANCHORED_BY, compile(options) and
#: check(compiled, doc, blocks).
KINDS: dict[str, ModuleType] = {
    phrase.KIND: phrase,
    citation.KIND: citation,
    requires.KIND: requires,
    suppression.KIND: suppression,
}


class RuleRunner:
    """Runs a set of rules over documents, each rule only in the blocks holding its anchors.

    Built once per run: it keeps the anchor index (which words call which rules), so a
    rule whose words a paragraph lacks never touches that paragraph.
    """

    def __init__(self, rules: Iterable[Rule], *, jurisdictions: tuple[str, ...] = (), prefilter: bool = True) -> None:
        self.rules = list(rules)
        self._citations = [rule.citations_for(jurisdictions) for rule in self.rules]
        self._parts = [_parts(rule) if prefilter else [rule] for rule in self.rules]
        self._owners: dict[int, tuple[int, int]] | None = None  # prefilter entry → (rule, part)
        if prefilter:
            ids = iter(PREFILTER.register([part.anchors for parts in self._parts for part in parts]))
            self._owners = {next(ids): (index, k) for index, parts in enumerate(self._parts) for k in range(len(parts))}

    def run(self, doc: Document) -> list[Finding]:
        """Every finding of every rule on one document, before any filter."""
        scopes = self._scopes(doc)
        findings: list[Finding] = []
        for index, rule in enumerate(self.rules):
            parts = scopes.get(index) if scopes is not None else [(k, None) for k in range(len(self._parts[index]))]
            if not parts:
                continue  # none of the rule's words on this page
            claims = rule.kind in CLAIM_KINDS
            try:
                for hit in self._hits(index, doc, parts):
                    if claims and is_reference_entry(doc, hit.start):
                        continue  # a cited paper's title in the page's reference list
                    findings.append(to_finding(rule, hit, doc, self._citations[index]))
            except TimeoutError:
                raise RuleError(f"a pattern went over its time budget on {doc.path} (catastrophic backtracking?); "
                                "simplify it", origin=rule.origin, rule=rule.code) from None
        return findings

    def warm_pattern_cache(self) -> None:
        """Put every pattern in the on-disk cache, before forking workers: patterns compile on
        first search, and a worker's additions to the cache are lost when it exits. The compiled
        objects are dropped again, so the workers do not each hold the parent's copies."""
        for rule, parts in zip(self.rules, self._parts):
            for part in parts:
                if hasattr(part.compiled, "warm"):
                    part.compiled.warm()
            if rule.kind == citation.KIND and len(parts) > 1:
                rule.compiled.warm()  # the whole list: is the next sentence a statement of its own?
        pattern_cache().complete = True

    def _hits(self, index: int, doc: Document, parts: list[tuple[int, list[Span] | None]]) -> list[Hit]:
        """The rule's hits: each part (k, where its words are) searched there; parts' overlapping
        hits resolved as one pattern list would (the leftmost wins, then the earlier part)."""
        check = KINDS[self.rules[index].kind].check
        found: list[tuple[int, int, Hit]] = []
        for k, scope in parts:
            found.extend((hit.start, k, hit) for hit in check(self._parts[index][k].compiled, doc, scope))
        if len(self._parts[index]) == 1:
            return [hit for _, _, hit in found]
        kept: list[Hit] = []
        for _, _, hit in sorted(found, key=lambda item: item[:2]):
            if not kept or hit.start >= kept[-1].end or hit.end <= hit.start:
                kept.append(hit)
        return kept

    def _scopes(self, doc: Document) -> dict[int, list[tuple[int, list[Span]]]] | None:
        """Rule → its parts that may match on this page, with the stretches of text holding
        their words (None: no prefilter, every part everywhere)."""
        if self._owners is None:
            return None
        spans = word_index(doc).spans
        out: dict[int, list[tuple[int, list[Span]]]] = {}
        for entry, mask in PREFILTER.masks(doc).items():
            if (owner := self._owners.get(entry)) is not None:
                out.setdefault(owner[0], []).append((owner[1], spans(mask)))
        return out


#: Patterns per part of a long phrase rule: each part is searched only where its own words
#: stand, so one pattern with common words does not make the whole list search every sentence.
PART_SIZE = 1


def _parts(rule: Rule) -> list[Rule]:
    """A phrase or citation rule with many patterns as parts of PART_SIZE patterns (same code,
    texts and options otherwise); any other rule whole."""
    patterns = rule.options.get("patterns") if rule.kind in CLAIM_KINDS else None
    if not patterns or len(patterns) <= PART_SIZE:
        return [rule]
    out = []
    for start in range(0, len(patterns), PART_SIZE):
        chunk = list(patterns[start:start + PART_SIZE])
        options = {**rule.options, "patterns": chunk}
        out.append(rule._replace(options=options, compiled=rule.compiled.part(start, start + PART_SIZE),
                                 anchors=required_anchors(chunk)))
    return out


def apply(rules: Iterable[Rule], doc: Document, *, jurisdictions: tuple[str, ...] = ()) -> list[Finding]:
    """Every finding of every rule on one document (a one-off RuleRunner)."""
    return RuleRunner(rules, jurisdictions=jurisdictions).run(doc)


def to_finding(rule: Rule, hit: Hit, doc: Document, citations: tuple[Citation, ...]) -> Finding:
    """Stamp a hit with its rule's code, texts and citations, and its position in the source."""
    smap = doc.sourcemap
    src_start, src_end = smap.source_span(hit.start, hit.end)
    line, column = smap.line_col(src_start)
    document_level = bool(hit.variables.get("document_level"))
    if document_level or src_end <= src_start:  # a page-level finding is a point: `text` is empty
        end_line, end_column = line, column
    else:
        end_line, end_column = smap.end_line_col(src_end)
    variables = {"match": quote(doc.prose[hit.start:hit.end]), **hit.variables}
    excerpt = doc.line_excerpt(line, column, end_column if end_line == line else None)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=render(rule.message, variables),
        fix=render(rule.fix, variables),
        citations=citations,
        evidence=rule.evidence,
        text="" if document_level else doc.source[src_start:src_end],
        source_line=excerpt[0],
        source_line_start=excerpt[1],
        start=hit.start,
        end=hit.end,
        replacement=None if document_level else _replacement(rule, hit, doc, src_start, src_end),
    )


def _replacement(rule: Rule, hit: Hit, doc: Document, src_start: int, src_end: int) -> str | None:
    """The rule's mechanical fix for this hit, only if the source span is exactly the matched prose.

    Markup, entities or folded characters inside the span mean the source and the prose
    differ: editing the source there could break the page, so the finding gets no fix.
    """
    if rule.replacement is None:
        return None
    matched = doc.prose[hit.start:hit.end]
    if not matched or doc.source[src_start:src_end] != matched:
        return None
    return render_replacement(rule.replacement, {**hit.variables, "match": matched})
