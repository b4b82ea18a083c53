"""GitHub Actions workflow commands, so findings show inline on the pull request.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (warning, notice by
severity), escaped as the Actions toolkit escapes them: page text cannot end the
command or start a new one. With GITHUB_STEP_SUMMARY set, the Markdown report is
appended to the job summary too.
"""
from __future__ import annotations

import os
from typing import Sequence

from lint.models import Finding, RunSummary
from lint.report.escape import clean
from lint.report.markdown import MarkdownReporter

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
#: GitHub's job summary limit is 1 MiB per step; keep well clear of it.
SUMMARY_LIMIT = 1000 * 1000


def escape_data(text: str) -> str:
    """The message part (toolkit's escapeData)."""
    return clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property (toolkit's escapeProperty): also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    """One workflow command line for a finding."""
    props = {"file": f.path, "line": f.line, "col": f.column}
    if f.text:
        props.update(endLine=f.end_line, endColumn=f.end_column)
    props["title"] = f"{f.code} {f.name}"
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    message = f.message + (f"\nFix: {f.fix}" if f.fix else "")
    return f"::{LEVEL.get(f.severity, 'warning')} {joined}::{escape_data(message)}\n"


class GithubReporter(MarkdownReporter):
    name = "github"

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        super().file(path, findings)
        for f in findings:
            if not f.suppressed:
                self.stream.write(command(f))

    def stop(self, summary: RunSummary) -> None:
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if not target:
            return
        text = self.render(summary)
        if len(text.encode("utf-8")) > SUMMARY_LIMIT:
            text = self.render(summary, findings=False) + "The full list is too long for a job summary: see the annotations.\n"
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(text)
