"""Filters decide which raw findings a run reports: context, suppression comments, per-file ignores.

Each filter marks a finding `suppressed` with its reason instead of dropping it, so a
run can count and show what was set aside (`--show-suppressed`, `--statistics`).
"""
from __future__ import annotations

from typing import Collection, Mapping

from lint.filter import context, suppress
from lint.filter.context import Triggers
from lint.filter.select import PerFileIgnores
from lint.models import Document, Finding, Rule


def apply(
    findings: list[Finding],
    doc: Document,
    *,
    rules: Mapping[str, Rule],
    triggers: Triggers,
    per_file_ignores: PerFileIgnores | None = None,
    active: Collection[str] = (),
) -> list[Finding]:
    """Run the filters in their fixed order; the result is sorted by position.

    `active` holds the codes this run applies: an unused suppression is reported only
    for those (and only when HL901 itself is one of them).
    """
    findings = context.apply(findings, doc, rules, triggers)
    findings = suppress.apply(findings, doc, rules=rules, active=active)
    if per_file_ignores is not None:
        findings = per_file_ignores.apply(findings, doc.path)
    return sorted(findings, key=lambda f: f.sort_key)
