"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule with its help, every finding.

Results carry `partialFingerprints` from `Finding.fingerprint` (path, code, claim words,
occurrence; no line numbers), so an alert survives copy moving up or down the page.
Columns count Unicode code points, as the text output does (`columnKind`).
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, Sequence
from urllib.parse import quote

from lint import __version__
from lint.models import Finding, Rule, RunSummary
from lint.report.base import Reporter
from lint.report.sarif_rules import descriptor, homepage

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "healthlint/v1"
SRCROOT = "%SRCROOT%"
EXTERNAL = {"baseline", "per-file-ignores"}  # set aside by configuration, not by the page itself


def artifact(path: str) -> dict[str, str]:
    """A relative path becomes a URI under %SRCROOT%; an absolute one a file: URI."""
    for pure in (PurePosixPath(path), PureWindowsPath(path)):
        if pure.is_absolute():
            return {"uri": pure.as_uri()}
    return {"uri": quote(path.replace("\\", "/"), safe="/"), "uriBaseId": SRCROOT}


def region(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {"startLine": f.line, "startColumn": f.column}
    if f.text:
        out.update(endLine=f.end_line, endColumn=f.end_column)
    return out


def result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    """One SARIF result: where, what, how to fix, and how to recognise it again."""
    location = {"physicalLocation": {"artifactLocation": artifact(f.path),
                                     "region": {**region(f), **({"snippet": {"text": f.text}} if f.text else {})}}}
    out: dict[str, Any] = {"ruleId": f.code}
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    out.update(level=LEVEL.get(f.severity, "warning"), message={"text": f.message}, locations=[location],
               properties={"category": f.category, "fix": f.fix})
    if f.fingerprint:
        out["partialFingerprints"] = {FINGERPRINT_KEY: f.fingerprint}
    if f.replacement is not None:
        change = {"artifactLocation": artifact(f.path),
                  "replacements": [{"deletedRegion": region(f), "insertedContent": {"text": f.replacement}}]}
        out["fixes"] = [{"description": {"text": f"Replace with “{f.replacement}”"}, "artifactChanges": [change]}]
    if f.suppressed:
        kind = "external" if f.suppressed in EXTERNAL else "inSource"
        out["suppressions"] = [{"kind": kind, "status": "accepted", "justification": f.suppressed}]
    return out


class SarifReporter(Reporter):
    name = "sarif"

    def start(self, rules: Sequence[Rule]) -> None:
        self._rules = list(rules)
        self._index = {rule.code: i for i, rule in enumerate(self._rules)}
        self._results: list[dict[str, Any]] = []

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        self._results += [result(f, self._index) for f in findings]

    def stop(self, summary: RunSummary) -> None:
        json.dump(self.log(summary), self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    def log(self, summary: RunSummary) -> dict[str, Any]:
        """The whole SARIF log: one run, its tool, its results and how the run went."""
        url = homepage()
        driver: dict[str, Any] = {"name": "healthlint", "version": __version__, "semanticVersion": __version__}
        if url:
            driver["informationUri"] = url
        driver["rules"] = [descriptor(rule, help_uri=f"{url}#rules" if url else "") for rule in self._rules]
        notes = [{"level": "error", "message": {"text": e}} for e in summary.errors]
        notes += [{"level": "note", "message": {"text": n}} for n in summary.notices]
        invocation = {"executionSuccessful": not summary.errors, "toolExecutionNotifications": notes}
        run = {"tool": {"driver": driver}, "invocations": [invocation], "columnKind": "unicodeCodePoints",
               "results": self._results}
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
