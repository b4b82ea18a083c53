"""Results of unchanged files, kept between runs (like ruff's cache), so a re-run is instant.

Entries are grouped by everything that decides a file's findings besides the file itself:
healthlint's version, the rule packs and trigger files (their bytes), and the settings
that select, scope or word findings. A file's entry holds when its size and modification
time are unchanged. Stored with `marshal` (plain tuples; loading it cannot run code) in
`.healthlint_cache/` beside the config file (or under $HEALTHLINT_CACHE_DIR); `--no-cache`
turns it off.
"""
from __future__ import annotations

import logging
import os
import zlib
from dataclasses import astuple, fields
from pathlib import Path
from typing import Any, Iterable

from lint import __version__, datafile
from lint.config import Settings
from lint.models import Citation, Finding, SourceFile

LOG = logging.getLogger(__name__)

CACHE_DIR = ".healthlint_cache"
MAX_ENTRIES = 200_000
_FINDING_FIELDS = [f.name for f in fields(Finding)]
_CITATIONS = _FINDING_FIELDS.index("citations")
#: Settings that do not change what a file reports (how it is shown, where, how fast).
_PRESENTATION = {"format", "show_source", "show_fix", "statistics", "show_suppressed", "exit_zero",
                 "quiet", "exclude", "extend_exclude", "respect_gitignore", "jobs", "output", "cache",
                 "max_file_size", "root", "config_file"}

Entry = tuple[int, int, tuple[Any, ...], tuple[str, ...]]  # size, mtime_ns, findings, warnings


class ResultCache:
    """Findings per file path for one context; loaded at the start of a run, saved at its end."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, Entry] = {}
        self._dirty = False
        loaded = datafile.load(path)  # None when missing or not to be trusted: every file is linted again
        if isinstance(loaded, dict):
            self._entries = loaded

    @classmethod
    def for_run(cls, settings: Settings, pack_files: Iterable[Path], *, fingerprints: bool) -> "ResultCache":
        key = context_key(settings, pack_files, f"fingerprints={fingerprints}")
        return cls(cache_folder(settings.root) / f"results-{key}.marshal")

    def get(self, source: SourceFile) -> tuple[list[Finding], tuple[str, ...]] | None:
        """The cached findings and warnings of an unchanged file, or None."""
        entry = self._entries.get(source.display)
        if not (isinstance(entry, tuple) and len(entry) == 4):
            return None
        stamp = _stamp(source.path)
        if stamp is None or stamp != (entry[0], entry[1]):
            return None
        try:
            return [_finding(values) for values in entry[2]], tuple(entry[3])
        except (TypeError, ValueError):  # an entry of another shape: lint the file again
            return None

    def put(self, source: SourceFile, findings: Iterable[Finding], warnings: tuple[str, ...]) -> None:
        stamp = _stamp(source.path)
        if stamp is None:
            return
        self._entries[source.display] = (*stamp, tuple(_values(f) for f in findings), tuple(warnings))
        self._dirty = True

    def save(self) -> None:
        """Write atomically; a cache that cannot be written is skipped, not an error."""
        if not self._dirty:
            return
        if len(self._entries) > MAX_ENTRIES:
            self._entries = dict(list(self._entries.items())[-MAX_ENTRIES:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():  # the cache folder ignores itself, as ruff's does
                gitignore.write_text("*\n", encoding="utf-8")
        except OSError as exc:
            LOG.debug("cannot write the result cache: %s", exc)
            return
        if datafile.save(self.path, self._entries):
            self._dirty = False


def cache_folder(root: Path) -> Path:
    """`.healthlint_cache` beside the config file, or under $HEALTHLINT_CACHE_DIR when set."""
    if explicit := os.environ.get("HEALTHLINT_CACHE_DIR"):
        return Path(explicit) / "results" / f"{zlib.crc32(str(root.resolve()).encode()):08x}"
    return root / CACHE_DIR


def context_key(settings: Settings, pack_files: Iterable[Path], *extra: str) -> str:
    """A short hash of everything besides a file that decides its findings: healthlint itself
    (its version, and its modules' sizes and times, for installs between releases), the
    settings that matter, the working folder (paths print relative to it), the packs."""
    package = Path(__file__).parent
    parts = [__version__, os.getcwd(), *extra]
    parts += [f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(package.rglob("*.py"))]
    parts += [f"{f.name}={getattr(settings, f.name)!r}" for f in fields(Settings) if f.name not in _PRESENTATION]
    crc = zlib.crc32("\0".join(parts).encode())
    for path in sorted(set(pack_files)):
        try:
            crc = zlib.crc32(path.read_bytes(), zlib.crc32(str(path).encode(), crc))
        except OSError:
            crc = zlib.crc32(b"missing", crc)
    return f"{crc:08x}"


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _values(finding: Finding) -> tuple[Any, ...]:
    values = list(astuple(finding))
    values[_CITATIONS] = tuple(tuple(c) for c in values[_CITATIONS])
    return tuple(values)


def _finding(values: tuple[Any, ...]) -> Finding:
    items = list(values)
    items[_CITATIONS] = tuple(Citation(*c) for c in items[_CITATIONS])
    return Finding(**dict(zip(_FINDING_FIELDS, items)))
