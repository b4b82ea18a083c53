"""One JSON array of findings, with the fields DESIGN.md fixes (and `suppressed` when shown)."""
from __future__ import annotations

import json
from typing import Any, Sequence

from lint.models import Finding, RunSummary
from lint.report.base import Reporter


class JsonReporter(Reporter):
    name = "json"

    def start(self, rules: Sequence[Any]) -> None:
        self._items: list[dict[str, Any]] = []

    def file(self, path: str, findings: Sequence[Finding]) -> None:
        for f in findings:
            item = f.as_dict()
            if f.suppressed:
                item["suppressed"] = f.suppressed
            if f.replacement is not None:
                item["replacement"] = f.replacement  # what --fix would write in place of `text`
            self._items.append(item)

    def stop(self, summary: RunSummary) -> None:
        json.dump(self._items, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
