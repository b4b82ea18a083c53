"""Which codes are on: --select/--ignore by code prefix (flake8's rules), and per-file ignores."""
from __future__ import annotations

from dataclasses import replace
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path, PurePosixPath

from lint.config import Settings
from lint.models import Finding, Rule


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix that matches `code` (ALL counts as length 0), or -1."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif code.startswith(prefix):
            best = max(best, len(prefix))
    return best


class DecisionEngine:
    """Decides once per code whether it is on.

    With no --select every code is implicitly selected. When both a select and an
    ignore entry match, the longer (more specific) prefix wins; on a tie, ignore wins.
    """

    def __init__(self, *, select: tuple[str, ...] = (), extend_select: tuple[str, ...] = (),
                 ignore: tuple[str, ...] = (), extend_ignore: tuple[str, ...] = ()) -> None:
        self._select = (select or ("ALL",)) + extend_select
        self._ignore = ignore + extend_ignore
        self.enabled = lru_cache(maxsize=None)(self._decide)

    @classmethod
    def from_settings(cls, settings: Settings) -> "DecisionEngine":
        return cls(select=settings.select, extend_select=settings.extend_select,
                   ignore=settings.ignore, extend_ignore=settings.extend_ignore)

    def _decide(self, code: str) -> bool:
        selected = _longest(code, self._select)
        if selected < 0:
            return False
        return selected > _longest(code, self._ignore)


def select_rules(rules: tuple[Rule, ...] | list[Rule], settings: Settings) -> list[Rule]:
    """The rules this run applies: selected, in the chosen jurisdictions, and out of preview if asked."""
    engine = DecisionEngine.from_settings(settings)
    chosen = set(settings.jurisdiction)
    return [
        rule for rule in rules
        if engine.enabled(rule.code)
        and (settings.preview or not rule.preview)
        and chosen.intersection(rule.jurisdictions)
    ]


class PerFileIgnores:
    """`per-file-ignores`: glob → code prefixes, matched against the path relative to the config root."""

    def __init__(self, settings: Settings) -> None:
        self._entries = settings.per_file_ignores
        self._root = settings.root

    def codes_for(self, path: str) -> tuple[str, ...]:
        if not self._entries:
            return ()
        candidates = {path, PurePosixPath(path).name}
        try:
            candidates.add(Path(path).resolve().relative_to(self._root.resolve()).as_posix())
        except (ValueError, OSError):
            pass
        return tuple(
            code
            for glob, codes in self._entries
            if any(fnmatch(c, glob) for c in candidates)
            for code in codes
        )

    def apply(self, findings: list[Finding], path: str) -> list[Finding]:
        codes = self.codes_for(path)
        if not codes:
            return findings
        return [
            replace(f, suppressed="per-file-ignores")
            if not f.suppressed and _longest(f.code, codes) >= 0 else f
            for f in findings
        ]
