"""Suppression directives applied: findings they cover are set aside as "comment", a code a
directive names but that reported nothing there becomes an HL901 finding (like ruff's
RUF100), and directives that cannot be read become warnings for the run to print."""
from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import Collection, Mapping

from lint.models import Document, Finding, Rule, Suppression
from lint.rules.render import render
from lint.rules.suppression import UNUSED

LOG = logging.getLogger(__name__)

REASON = "comment"
_SCOPE = {
    "disable-next-line": "on the next line",
    "disable": "in its range",
    "disable-file": "in this file",
    "front-matter": "in this file",
}


def apply(findings: list[Finding], doc: Document, *, rules: Mapping[str, Rule], active: Collection[str]) -> list[Finding]:
    """Set aside covered findings; add an HL901 finding per unused code (when HL901 and that code ran)."""
    suppressions = [s for s in doc.suppressions if not s.error and (not s.code or s.code in rules)]
    if not suppressions:
        return findings
    used: set[int] = set()
    out = _cover(findings, suppressions, used)
    if UNUSED in active:
        unused = [_unused(s, doc, rules) for i, s in enumerate(suppressions)
                  if i not in used and s.code and s.code != UNUSED and s.code in active]
        out += _cover(unused, suppressions, set())
    return out


def _cover(findings: list[Finding], suppressions: list[Suppression], used: set[int]) -> list[Finding]:
    """Findings with those a suppression covers set aside; adds the indices of the suppressions used.

    Both questions are answered by binary search over sorted positions, so a page with
    thousands of directives and findings takes time in proportion, not their product.
    """
    index = _Coverage([s for s in suppressions if not s.error])
    at: dict[str, list[tuple[int, int]]] = {}  # code ("" for any) → positions of the findings not set aside
    out = []
    for finding in findings:
        if not finding.suppressed:
            where = (finding.line, finding.column)
            at.setdefault(finding.code, []).append(where)
            at.setdefault("", []).append(where)
            if index.covers(finding.code, where):
                finding = replace(finding, suppressed=REASON)
        out.append(finding)
    for positions in at.values():
        positions.sort()
    used.update(i for i, s in enumerate(suppressions) if not s.error and _any_within(at.get(s.code, []), s.first, s.last))
    return out


class _Coverage:
    """The stretches each code (and "" for every code) is suppressed in, merged and sorted."""

    def __init__(self, suppressions: list[Suppression]) -> None:
        spans: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
        for s in sorted(suppressions, key=lambda s: s.first):
            merged = spans.setdefault(s.code, [])
            if merged and s.first <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], s.last))
            else:
                merged.append((s.first, s.last))
        self._firsts = {code: [first for first, _ in merged] for code, merged in spans.items()}
        self._spans = spans

    def covers(self, code: str, where: tuple[int, int]) -> bool:
        return any(self._within(key, where) for key in (code, ""))

    def _within(self, code: str, where: tuple[int, int]) -> bool:
        i = bisect_right(self._firsts.get(code, []), where) - 1
        return i >= 0 and where <= self._spans[code][i][1]


def _any_within(positions: list[tuple[int, int]], first: tuple[int, int], last: tuple[int, int]) -> bool:
    """True if a sorted list of positions holds one from `first` to `last` (inclusive)."""
    i = bisect_left(positions, first)
    return i < len(positions) and positions[i] <= last


def _unused(s: Suppression, doc: Document, rules: Mapping[str, Rule]) -> Finding:
    """The HL901 finding for one code of one directive; its category is the named rule's."""
    rule, named = rules[UNUSED], rules[s.code]
    variables = {"code": s.code, "name": named.name, "scope": _SCOPE.get(s.form, "here"), "form": s.form}
    start = doc.sourcemap.line_span(s.line)[0] + s.column - 1
    end = doc.sourcemap.line_span(s.end_line)[0] + s.end_column - 1
    line_text, line_start = doc.line_excerpt(s.line, s.column, s.end_column if s.end_line == s.line else None)
    return Finding(
        path=doc.path, line=s.line, column=s.column, end_line=s.end_line, end_column=s.end_column,
        code=UNUSED, name=rule.name, category=named.category, severity=rule.severity,
        message=render(rule.message, variables), fix=render(rule.fix, variables), citations=(),
        evidence=rule.evidence, text=doc.source[start:end], source_line=line_text, source_line_start=line_start,
    )


def problems(doc: Document, rules: Mapping[str, Rule]) -> list[str]:
    """One warning per directive that cannot be read or names a code no loaded rule has."""
    out = []
    for s in doc.suppressions:
        where = f"{doc.path}:{s.line}:{s.column}"
        if s.error:
            out.append(f"{where}: invalid suppression directive: {s.error}")
        elif s.code and s.code not in rules:
            out.append(f"{where}: suppression directive names unknown code {s.code} (see `healthlint rules`)")
    return out
