"""The reporter interface, after flake8's formatters: start → file (per file) → stop."""
from __future__ import annotations

from typing import Sequence, TextIO

from lint.config import Settings
from lint.models import Finding, Rule, RunSummary


class Reporter:
    """Writes findings to `stream`. Line formats write as they go; document formats buffer until stop()."""

    name = ""

    def __init__(self, stream: TextIO, settings: Settings) -> None:
        self.stream = stream
        self.settings = settings

    def start(self, rules: Sequence[Rule]) -> None:
        """Called once, before any file, with the rules this run applies."""

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        """Called once per linted file, in path order, with its findings sorted by position."""

    def stop(self, summary: RunSummary) -> None:
        """Called once at the end."""
