"""A cache of compiled patterns on disk, so start-up does not re-parse every regex.

The `regex` module parses and compiles a pattern in Python, which is most of healthlint's
start-up time; turning the compiled form back into a pattern object takes microseconds.
We keep that compiled form (plain lists, dicts and numbers, stored with `marshal`, which
cannot run code) per pattern, in a file named after the regex and Python versions. It
leans on the module's internal constructor: if that ever changes shape, every lookup
falls back to compiling as usual, and nothing is lost but time.
"""
from __future__ import annotations

import atexit
import logging
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

import regex

from lint import datafile

LOG = logging.getLogger(__name__)

_internal: Any = getattr(getattr(regex, "_main", None), "_regex", None)
_VERSION = f"regex-{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"


def cache_dir() -> Path:
    """$HEALTHLINT_CACHE_DIR, else the platform's user cache folder."""
    if explicit := os.environ.get("HEALTHLINT_CACHE_DIR"):
        return Path(explicit)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "healthlint"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / "healthlint" / "Cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "healthlint"


class PatternCache:
    """Compiled patterns by (pattern, flags), and other facts derived from a pattern alone
    (its anchors); read once, written back when it grew."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], bytes] = {}  # the constructor's arguments, marshalled
        self._derived: dict[tuple[str, str], Any] = {}
        self._used: set[Any] = set()  # keys this process asked for: what a pruned cache keeps
        self._dirty = False
        loaded = datafile.load(path) if path is not None else None  # None: no cache yet, or not one to trust
        if isinstance(loaded, tuple) and len(loaded) == 2 and all(isinstance(part, dict) for part in loaded):
            self._entries, self._derived = loaded

    def for_content(self, kind: str, name: str, content: bytes, compute: Any) -> Any:
        """`compute()` for a file's contents, remembered across runs until the file changes."""
        key = (kind, name)
        self._used.add(key)
        stamp = (len(content), zlib.crc32(content), zlib.adler32(content))
        entry = self._derived.get(key)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp):
            entry = (stamp, compute())
            try:
                marshal.dumps(entry)
            except ValueError:
                return entry[1]  # not storable: computed, not kept
            self._derived[key] = entry
            self._dirty = True
        return entry[1]

    def derived(self, kind: str, pattern: str, compute: Any) -> Any:
        """`compute(pattern)`, remembered across runs (the value must be marshal-able)."""
        key = (kind, pattern)
        self._used.add(key)
        if key not in self._derived:
            self._derived[key] = compute(pattern)
            self._dirty = True
        return self._derived[key]

    def compile(self, pattern: str, flags: int) -> regex.Pattern[str]:
        key = (pattern, int(flags))
        self._used.add(key)
        blob = self._entries.get(key)
        if isinstance(blob, bytes) and _internal is not None:
            try:
                args = marshal.loads(blob)
                if isinstance(args, tuple) and args[:1] == key[:1]:
                    return _internal.compile(*args)
            except Exception:  # noqa: BLE001 - an entry from another build: compile afresh
                LOG.debug("stale compiled pattern %r", pattern)
        compiled, args = _compile_recording(pattern, flags)
        if args is not None:
            self._entries[key] = marshal.dumps(args)  # kept as bytes: a fraction of the memory of the lists
            self._dirty = True
        return compiled

    def save(self) -> None:
        """Write the cache back atomically, if it grew; a read-only home is not an error."""
        if not self._dirty or self.path is None:
            return
        if len(self._entries) + len(self._derived) > 2 * len(self._used) + 200:  # packs changed: drop stale entries
            self._entries = {k: v for k, v in self._entries.items() if k in self._used}
            self._derived = {k: v for k, v in self._derived.items() if k in self._used}
        if datafile.save(self.path, (self._entries, self._derived)):
            self._dirty = False


def _compile_recording(pattern: str, flags: int) -> tuple[regex.Pattern[str], tuple[Any, ...] | None]:
    """Compile, and catch the arguments the module hands to its internal constructor."""
    if _internal is None:
        return regex.compile(pattern, flags), None
    recorded: list[tuple[Any, ...]] = []
    original = _internal.compile

    def spy(*args: Any) -> Any:
        recorded.append(args)
        return original(*args)

    _internal.compile = spy
    try:
        compiled = regex.compile(pattern, flags, cache_pattern=False)
    finally:
        _internal.compile = original
    if len(recorded) != 1:
        return compiled, None
    args = tuple(int(a) if isinstance(a, int) else a for a in recorded[0])  # flags enum → int
    try:
        marshal.dumps(args)
    except ValueError:
        return compiled, None
    return compiled, args


_cache: PatternCache | None = None


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:  # noqa: A001 - regex.compile, cached
    """`regex.compile`, served from the on-disk cache: for patterns compiled at import time."""
    return pattern_cache().compile(pattern, flags)


def pattern_cache() -> PatternCache:
    """The process's cache (disabled with HEALTHLINT_NO_PATTERN_CACHE=1)."""
    global _cache
    if _cache is None:
        disabled = os.environ.get("HEALTHLINT_NO_PATTERN_CACHE")
        _cache = PatternCache(None if disabled else cache_dir() / f"patterns-v2-{_VERSION}.marshal")
        atexit.register(_cache.save)  # patterns compiled late (an extractor's, say) are kept too
    return _cache
