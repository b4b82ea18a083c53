"""`--write-baseline FILE`: collect the run's findings and record their fingerprints, instead of reporting them."""
from __future__ import annotations

from typing import Any, Sequence, TextIO

from lint.config import Settings
from lint.errors import HealthlintError
from lint.filter import baseline
from lint.models import Finding, RunSummary
from lint.report.base import Reporter


class BaselineWriter(Reporter):
    """Writes the baseline file at stop(); `count` then says how many findings it holds."""

    name = "baseline"

    def __init__(self, stream: TextIO, settings: Settings, *, path: str) -> None:
        super().__init__(stream, settings)
        self.path = path
        self.count = 0

    def start(self, rules: Sequence[Any]) -> None:
        self._findings: list[Finding] = []

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        self._findings += [f for f in findings if not f.suppressed]

    def stop(self, summary: RunSummary) -> None:
        try:
            self.count = baseline.write(self.path, self._findings)
        except OSError as exc:
            raise HealthlintError(f"{self.path}: cannot write the baseline: {exc.strerror or exc}") from None
