"""Suppression directives applied: findings they cover are set aside as "comment", a code a
directive names but that reported nothing there becomes an HL901 finding (like ruff's
RUF100), and directives that cannot be read become warnings for the run to print."""
from __future__ import annotations

import logging
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
    out = []
    for finding in findings:
        if not finding.suppressed:
            hits = [i for i, s in enumerate(suppressions)
                    if (not s.code or s.code == finding.code) and s.covers(finding.line, finding.column)]
            if hits:
                used.update(hits)
                finding = replace(finding, suppressed=REASON)
        out.append(finding)
    return out


def _unused(s: Suppression, doc: Document, rules: Mapping[str, Rule]) -> Finding:
    """The HL901 finding for one code of one directive; its category is the named rule's."""
    rule, named = rules[UNUSED], rules[s.code]
    variables = {"code": s.code, "name": named.name, "scope": _SCOPE.get(s.form, "here"), "form": s.form}
    start = doc.sourcemap.line_span(s.line)[0] + s.column - 1
    end = doc.sourcemap.line_span(s.end_line)[0] + s.end_column - 1
    return Finding(
        path=doc.path, line=s.line, column=s.column, end_line=s.end_line, end_column=s.end_column,
        code=UNUSED, name=rule.name, category=named.category, severity=rule.severity,
        message=render(rule.message, variables), fix=render(rule.fix, variables), citations=(),
        evidence=rule.evidence, text=doc.source[start:end], source_line=doc.source_line_text(s.line),
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
