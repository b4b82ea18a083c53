"""Baseline: set aside findings recorded earlier (`--write-baseline`), so legacy copy can adopt the check.

The file is JSON with a version and one entry per accepted finding, sorted, holding its
fingerprint (what matching uses) and, for the reviewer, its path, code and words.
No line numbers: moving a paragraph keeps a finding baselined, rewording the claim does not.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable

from lint.errors import ConfigError
from lint.filter.fingerprint import claim_text
from lint.models import Finding
from lint.rewrite import write_atomic

VERSION = 1
REASON = "baseline"


class Baseline:
    """The fingerprints of a baseline file; `apply` marks findings found in it."""

    def __init__(self, fingerprints: Iterable[str]) -> None:
        self.fingerprints = frozenset(fingerprints)

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        """Read a baseline file; a missing or malformed one is a usage error (exit 2)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: baseline file not found (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ConfigError(f"{path}: cannot read baseline: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ConfigError(f"{path}: not a healthlint baseline (version {VERSION}); write it again with --write-baseline")
        try:
            return cls(str(entry["fingerprint"]) for entry in data["findings"])
        except (TypeError, KeyError):
            raise ConfigError(f"{path}: baseline entry without a fingerprint") from None

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """Set aside the findings (not already set aside) whose fingerprint is in the baseline."""
        return [
            replace(f, suppressed=REASON) if not f.suppressed and f.fingerprint in self.fingerprints else f
            for f in findings
        ]


def entries(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Baseline entries for the findings a run reports: fingerprint, and what a reviewer needs to see."""
    rows = [{"path": f.path, "code": f.code, "text": claim_text(f.text), "fingerprint": f.fingerprint}
            for f in findings if not f.suppressed]
    return sorted(rows, key=lambda e: (e["path"], e["code"], e["text"], e["fingerprint"]))


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the baseline file (sorted, so its diffs stay small) atomically; returns the entry count."""
    rows = entries(findings)
    text = json.dumps({"version": VERSION, "tool": "healthlint", "findings": rows}, indent=2, ensure_ascii=False)
    write_atomic(path, (text + "\n").encode("utf-8"))
    return len(rows)
