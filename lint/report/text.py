"""flake8's line format: `path:line:col: CODE message`, with optional source, fix and statistics.

Page text reaches the terminal only through `printable`: an ANSI escape or a line break
in a page cannot recolour the terminal or forge an output line.
"""
from __future__ import annotations

from typing import Sequence

from lint.models import Finding, RunSummary
from lint.report.base import Reporter
from lint.report.escape import printable

LINE = "{path}:{line}:{column}: {code} {message}"


class TextReporter(Reporter):
    name = "text"

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        write = self.stream.write
        for f in findings:
            line = LINE.format(path=printable(f.path), line=f.line, column=f.column, code=f.code,
                               message=printable(f.message))
            if f.suppressed:
                line += f" [set aside: {f.suppressed}]"
            write(line + "\n")
            if self.settings.show_source and f.source_line:
                write(source_excerpt(f))
            if self.settings.show_fix and f.fix:
                auto = f" (--fix: “{printable(f.replacement)}”)" if f.replacement is not None else ""
                write(f"    fix: {printable(f.fix)}{auto}\n")

    def stop(self, summary: RunSummary) -> None:
        if not self.settings.statistics:
            return
        write = self.stream.write
        for code, count in sorted(summary.by_code.items()):
            write(f"{count:<5} {code} {summary.names.get(code, '')}\n")
        aside = ", ".join(f"{reason}: {n}" for reason, n in sorted(summary.suppressed.items()))
        noun = "finding" if summary.findings == 1 else "findings"
        write(f"{summary.findings} {noun} in {summary.files} file{'s' if summary.files != 1 else ''}"
              + (f"; {sum(summary.suppressed.values())} set aside ({aside})" if aside else "") + "\n")


def source_excerpt(f: Finding, *, width: int = 120) -> str:
    """The finding's source line with carets under the match; long lines are cut around it."""
    line, start = f.source_line, f.column - 1 - f.source_line_start
    stop = f.end_column - 1 - f.source_line_start if f.end_line == f.line else len(line)
    stop = max(stop, start + 1)
    if len(line) > width:
        left = max(0, min(start - 20, len(line) - width))
        prefix = "…" if left else ""
        suffix = "…" if left + width < len(line) else ""
        line = prefix + line[left:left + width] + suffix
        start, stop = start - left + len(prefix), min(stop - left + len(prefix), len(line))
    before, match, after = (printable(part) for part in (line[:start], line[start:stop], line[stop:]))
    pad = "".join("\t" if ch == "\t" else " " for ch in before)
    return f"    {before}{match}{after}\n    {pad}{'^' * max(len(match), 1)}\n"
