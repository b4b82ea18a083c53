"""One JSON array of findings, with the fields DESIGN.md fixes (and `suppressed` when shown).

Written as the files come, item by item, byte for byte what `json.dump(items, indent=2)`
writes: a run over a large site keeps no finding in memory once its file is reported.
"""
from __future__ import annotations

import json
from typing import Any, Sequence, TextIO

from lint.models import Finding, RunSummary
from lint.report.base import Reporter


class JsonArray:
    """Writes a JSON array one item at a time, exactly as `json.dump(items, stream, indent=2)` would."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._separator = "[\n  "  # before the first item; the others follow a comma

    def add(self, item: Any) -> None:
        """One element, indented one level (a JSON string never holds a raw line break)."""
        text = json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  ")
        self.stream.write(self._separator + text)
        self._separator = ",\n  "

    def close(self) -> None:
        self.stream.write("[]\n" if self._separator.startswith("[") else "\n]\n")


class JsonReporter(Reporter):
    name = "json"

    def start(self, rules: Sequence[Any]) -> None:
        self._array = JsonArray(self.stream)

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            item = f.as_dict()
            if f.suppressed:
                item["suppressed"] = f.suppressed
            if f.replacement is not None:
                item["replacement"] = f.replacement  # what --fix would write in place of `text`
            self._array.add(item)

    def stop(self, summary: RunSummary) -> None:
        self._array.close()
