"""JUnit XML for CI test views: one testsuite, a testcase per linted file, a failure per finding.

Built with ElementTree, which escapes markup; characters XML 1.0 cannot hold at all
(ANSI escapes, other control bytes) are made visible first, so the file always parses.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any, Sequence

from lint.models import Finding, RunSummary
from lint.report.base import Reporter
from lint.report.escape import clean


def failure(f: Finding) -> ET.Element:
    """A <failure> for one finding: the flake8 line as its message, fix, evidence and sources as its text."""
    element = ET.Element("failure", message=clean(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}"),
                         type=f.code)
    lines = [f"{f.code} {f.name} ({f.severity}, {f.category}) at line {f.line}, column {f.column}",
             f"Fix: {f.fix}"]
    if f.evidence:
        lines.append(f"Evidence: {f.evidence}")
    lines += [f"Source: {c.title}" + (f" <{c.url}>" if c.url else "") for c in f.citations]
    element.text = clean("\n".join(lines))
    return element


class JunitReporter(Reporter):
    name = "junit"

    def start(self, rules: Sequence[Any]) -> None:
        self._cases: list[ET.Element] = []
        self._failures = 0

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        case = ET.Element("testcase", name=clean(path), classname="healthlint", file=clean(path))
        for f in findings:
            if not f.suppressed:
                case.append(failure(f))
                self._failures += 1
        self._cases.append(case)

    def stop(self, summary: RunSummary) -> None:
        root = ET.Element("testsuites", name="healthlint", tests=str(len(self._cases)),
                          failures=str(self._failures), errors=str(len(summary.errors)))
        suite = ET.SubElement(root, "testsuite", name="healthlint", tests=str(len(self._cases)),
                              failures=str(self._failures), errors=str(len(summary.errors)), skipped="0")
        suite.extend(self._cases)
        if summary.errors:
            ET.SubElement(suite, "system-err").text = clean("\n".join(summary.errors))
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
