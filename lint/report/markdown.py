"""Markdown report for a pull-request comment or a step summary: counts, then findings by file."""
from __future__ import annotations

from lint.models import RunSummary
from lint.report.collect import Collecting
from lint.report.templating import render


class MarkdownReporter(Collecting):
    name = "markdown"

    def stop(self, summary: RunSummary) -> None:
        self.stream.write(self.render(summary))

    def render(self, summary: RunSummary, *, findings: bool = True) -> str:
        """The report as one string (the github format appends it to the step summary); counts only if not `findings`."""
        context = self.context(summary)
        if not findings:
            context["files"] = []
        return render("report.md", **context)
