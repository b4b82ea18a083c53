"""A reporter base that buffers the run, and the summary (counts, files, rules) Markdown and HTML reports show."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

from lint import __version__
from lint.models import CATEGORIES, SEVERITIES, Citation, Finding, Rule, RunSummary
from lint.report.base import Reporter
from lint.report.escape import web_url

CONTEXT = 100  # characters of the source line shown on each side of a match


@dataclass(frozen=True)
class Shown:
    """A finding as a report shows it: its source line cut around the match, its rule, safe links."""

    finding: Finding
    rule: Rule | None
    before: str
    match: str
    after: str
    citations: tuple[Citation, ...]


class Collecting(Reporter):
    """Keeps every file's findings until stop(); subclasses render `context(summary)`."""

    def start(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self.by_code = {rule.code: rule for rule in rules}
        self.files: list[tuple[str, list[Finding]]] = []

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        self.files.append((path, list(findings)))

    def context(self, summary: RunSummary) -> dict[str, Any]:
        """What the templates need: totals, counts by category and severity, findings by file."""
        reported = [f for _, findings in self.files for f in findings if not f.suppressed]
        counts = Counter((f.category, f.severity) for f in reported)
        categories = [c for c in CATEGORIES if any(counts[c, s] for s in SEVERITIES)]
        return {
            "version": __version__,
            "summary": summary,
            "total": len(reported),
            "files_linted": summary.files,
            "files_with_findings": len({f.path for f in reported}),
            "severities": SEVERITIES,
            "categories": categories,
            "counts": counts,
            "severity_totals": Counter(f.severity for f in reported),
            "category_totals": Counter(f.category for f in reported),
            "set_aside": sorted(summary.suppressed.items()),
            "files": [(path, [self.shown(f) for f in findings]) for path, findings in self.files if findings],
        }

    def shown(self, f: Finding) -> Shown:
        line, start = f.source_line, f.column - 1 - f.source_line_start
        stop = f.end_column - 1 - f.source_line_start if f.end_line == f.line else len(line)
        if not f.text or not 0 <= start < len(line):
            start = stop = 0
        safe = tuple(Citation(c.id, c.title, web_url(c.url)) for c in f.citations)
        before, after = line[:start], line[stop:]
        if len(before) > CONTEXT:  # minified HTML puts a whole page on one line
            before = "…" + before[-CONTEXT:].lstrip()
        if len(after) > CONTEXT:
            after = after[:CONTEXT].rstrip() + "…"
        return Shown(f, self.by_code.get(f.code), before, line[start:stop], after, safe)
