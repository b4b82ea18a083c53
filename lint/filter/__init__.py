"""Filters decide which raw findings a run reports: context, linked disclosures, suppression
comments, per-file ignores, baseline.

Each filter marks a finding `suppressed` with its reason instead of dropping it, so a
run can count and show what was set aside (`--show-suppressed`, `--statistics`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Collection, Mapping

from lint.filter import context, fingerprint, suppress
from lint.filter.context import Triggers
from lint.filter.select import PerFileIgnores
from lint.models import Document, Finding, Rule

if TYPE_CHECKING:  # both load only when a run uses them: start-up time counts
    from lint.filter.baseline import Baseline
    from lint.filter.linked import LinkedPages


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
    fingerprints: bool = True,
) -> list[Finding]:
    """Run the filters in their fixed order; the result is sorted by position.

    `active` holds the codes this run applies: an unused suppression is reported only
    for those (and only when HL901 itself is one of them).
    """
    findings = context.apply(findings, doc, rules, triggers)
    if linked_pages is not None:
        from lint.filter import linked

        findings = linked.apply(findings, doc, page=page, rules=rules, linked=linked_pages)
    findings = suppress.apply(findings, doc, rules=rules, active=active)
    if per_file_ignores is not None:
        findings = per_file_ignores.apply(findings, doc.path)
    if fingerprints or baseline is not None:
        findings = fingerprint.stamp(findings, doc, root=root)  # sorted by position
    else:
        findings = sorted(findings, key=lambda f: f.sort_key)
    return baseline.apply(findings) if baseline is not None else findings
