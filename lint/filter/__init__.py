"""Filters decide which raw findings a run reports: context, linked disclosures, suppression
comments, per-file ignores, baseline.

Each filter marks a finding `suppressed` with its reason instead of dropping it, so a
run can count and show what was set aside (`--show-suppressed`, `--statistics`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Collection, Mapping

from lint.filter import context, fingerprint, linked, suppress
from lint.filter.baseline import Baseline
from lint.filter.context import Triggers
from lint.filter.linked import LinkedPages
from lint.filter.select import PerFileIgnores
from lint.models import Document, Finding, Rule


def apply(
    findings: list[Finding],
    doc: Document,
    *,
    rules: Mapping[str, Rule],
    triggers: Triggers,
    per_file_ignores: PerFileIgnores | None = None,
    page: Path | None = None,
    linked_pages: LinkedPages | None = None,
    baseline: Baseline | None = None,
    root: Path | None = None,
    active: Collection[str] = (),
) -> list[Finding]:
    """Run the filters in their fixed order; the result is sorted by position.

    `active` holds the codes this run applies: an unused suppression is reported only
    for those (and only when HL901 itself is one of them).
    """
    findings = context.apply(findings, doc, rules, triggers)
    findings = linked.apply(findings, doc, page=page, rules=rules, linked=linked_pages)
    findings = suppress.apply(findings, doc, rules=rules, active=active)
    if per_file_ignores is not None:
        findings = per_file_ignores.apply(findings, doc.path)
    findings = fingerprint.stamp(findings, doc, root=root)  # sorted by position
    return baseline.apply(findings) if baseline is not None else findings
