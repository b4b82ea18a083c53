"""GitLab Code Quality report: a JSON array of CodeClimate-style issues, shown on merge requests,
written as the files come."""
from __future__ import annotations

from typing import Any, Sequence

from lint.models import Finding, RunSummary
from lint.report.base import Reporter
from lint.report.json import JsonArray

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issue(f: Finding) -> dict[str, Any]:
    """One Code Quality issue. The fingerprint must be unique and stable: ours survives line shifts."""
    body = f"{f.message}\n\nFix: {f.fix}" + (f"\n\nEvidence: {f.evidence}" if f.evidence else "")
    return {
        "type": "issue",
        "check_name": f"{f.code} {f.name}",
        "description": f"{f.code} {f.message}",
        "content": {"body": body},
        "severity": SEVERITY.get(f.severity, "minor"),
        "fingerprint": f.fingerprint,
        "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
    }


class GitlabReporter(Reporter):
    name = "gitlab"

    def start(self, rules: Sequence[Any]) -> None:
        self._array = JsonArray(self.stream)

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            if not f.suppressed:
                self._array.add(issue(f))

    def stop(self, summary: RunSummary) -> None:
        self._array.close()
