"""Verify the JSON report is streamed, file by file, and is exactly what json.dump would write."""
from __future__ import annotations

import io
import json

from lint.config import Settings
from lint.models import RunSummary
from lint.report.json import JsonArray, JsonReporter


def test_the_report_is_json_dump_of_every_finding(linter):
    findings = linter.lint_text("Ketamine cures depression — 100% safe. «Garantie» ✓ guaranteed results.")
    assert len(findings) >= 2
    for shown in ([], findings[:1], findings):
        stream = io.StringIO()
        reporter = JsonReporter(stream, Settings())
        reporter.start(linter.rules)
        reporter.file("page.txt", shown)
        reporter.stop(RunSummary())
        expected = json.dumps([f.as_dict() for f in shown], indent=2, ensure_ascii=False) + "\n"
        assert stream.getvalue() == expected


def test_findings_are_written_as_their_file_is_reported(linter):
    """A run over a large site keeps no finding in memory until the end."""
    stream = io.StringIO()
    reporter = JsonReporter(stream, Settings())
    reporter.start(linter.rules)
    reporter.file("page.txt", linter.lint_text("Ketamine cures depression."))
    assert '"code"' in stream.getvalue()


def test_a_json_array_is_written_as_json_dump_writes_it():
    """The GitLab report streams its issues the same way."""
    values = [{"a": [1, {"b": "ü\n\"x\""}], "c": {}, "d": []}, "two", 3, None]
    for items in ([], values[:1], values):
        stream = io.StringIO()
        array = JsonArray(stream)
        for item in items:
            array.add(item)
        array.close()
        assert stream.getvalue() == json.dumps(items, indent=2, ensure_ascii=False) + "\n"
