"""A cache of compiled patterns on disk, so start-up does not re-parse every regex.

The `regex` module parses and compiles a pattern in Python, which is most of healthlint's
start-up time; turning the compiled form back into a pattern object takes microseconds.
We keep that compiled form (plain lists, dicts and numbers, stored with `marshal`, which
cannot run code) per pattern, in files named after the regex and Python versions. It
leans on the module's internal constructor: if that ever changes shape, every lookup
falls back to compiling as usual, and nothing is lost but time.

The cache is megabytes, of which a run needs a part: the compiled form of the patterns it
searches, and of the derived facts (anchors, parsed packs…) the kinds it asks for. So it
is stored in sections, one per compiled pattern, kind of fact and parsed file, end to end
in a `.blobs` file; the `.marshal` file is the index (each section's place and checksum). A run
reads the index, then each section on first use.
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


Key = Any  # a compiled pattern's (pattern, flags), or a kind of derived fact (a str)


class PatternCache:
    """Compiled patterns by (pattern, flags), and other facts derived from a pattern alone
    (its anchors); each section read on first use, all written back when one grew."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._index: dict[Key, tuple[int, int, int]] = {}  # section → offset, size, crc32 in the blobs
        self._blobs: _Blobs | None = None
        self._entries: dict[tuple[str, int], bytes] = {}  # the constructor's arguments, marshalled: new or read
        self._derived: dict[str, dict[Any, Any]] = {}  # kind → facts, for the kinds read or computed
        self._used: set[Any] = set()  # keys this process asked for: what a pruned cache keeps
        # Patterns compile on first search: only a run that put every pattern of its packs in the
        # cache (RuleRunner.warm_pattern_cache) knows which entries are stale. A one-page run
        # pruning the rest would leave the next site run to compile them all again.
        self.complete = False
        self._dirty = False
        loaded = datafile.load(path) if path is not None else None  # None: no cache yet, or not one to trust
        if path is not None and isinstance(loaded, tuple) and [type(part) for part in loaded] == [dict, int]:
            self._index = loaded[0]
            self._blobs = _Blobs(_blobs_path(path), loaded[1])

    def for_content(self, kind: str, name: str, content: bytes, compute: Any) -> Any:
        """`compute()` for a file's contents, remembered across runs until the file changes.

        Each file has a section of its own: a run reads its own packs, not those of every
        install that ever shared this cache (each a few hundred KB).
        """
        section = f"{kind}:{name}"
        self._used.add((section, name))
        facts = self._facts(section)
        stamp = (len(content), zlib.crc32(content), zlib.adler32(content))
        entry = facts.get(name)
        if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp):
            entry = (stamp, compute())
            try:
                marshal.dumps(entry)
            except ValueError:
                return entry[1]  # not storable: computed, not kept
            facts[name] = entry
            self._dirty = True
        return entry[1]

    def derived(self, kind: str, pattern: str, compute: Any) -> Any:
        """`compute(pattern)`, remembered across runs (the value must be marshal-able)."""
        self._used.add((kind, pattern))
        facts = self._facts(kind)
        if pattern not in facts:
            facts[pattern] = compute(pattern)
            self._dirty = True
        return facts[pattern]

    def compile(self, pattern: str, flags: int) -> regex.Pattern[str]:
        key = (pattern, int(flags))
        self._used.add(key)
        blob = self._compiled(key)
        if blob is not None and _internal is not None:
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

    def holds(self, pattern: str, flags: int) -> bool:
        """Whether the pattern is compiled in the cache (kept for the next run, as if compiled)."""
        key = (pattern, int(flags))
        self._used.add(key)
        return key in self._entries or key in self._index

    def _section(self, key: Key) -> bytes | None:
        """A section's bytes from the blobs file (None if absent, or not the bytes indexed)."""
        where = self._index.get(key)
        return self._blobs.read(*where) if self._blobs is not None and where is not None else None

    def _compiled(self, key: tuple[str, int]) -> bytes | None:
        """The marshalled constructor arguments of a pattern, compiled by this run or read."""
        if key not in self._entries and (blob := self._section(key)) is not None:
            self._entries[key] = blob
        return self._entries.get(key)

    def _facts(self, kind: str) -> dict[Any, Any]:
        """The derived facts of one kind, read on first use."""
        if kind not in self._derived:
            blob = self._section(kind)
            try:
                facts = marshal.loads(blob) if blob is not None else {}
            except (ValueError, EOFError, TypeError):
                facts = None
            self._derived[kind] = facts if isinstance(facts, dict) else {}
        return self._derived[kind]

    def save(self) -> None:
        """Write the cache back atomically, if it grew; a read-only home is not an error."""
        if not self._dirty or self.path is None:
            return
        keys = self._entries.keys() | self._derived.keys() | self._index.keys()
        sections = {key: self._compiled(key) for key in keys if isinstance(key, tuple)}
        facts = {kind: self._facts(kind) for kind in keys if isinstance(kind, str)}
        if self.complete and len(sections) + sum(map(len, facts.values())) > 2 * len(self._used) + 200:  # packs changed
            sections = {k: v for k, v in sections.items() if k in self._used}
            facts = {kind: {k: v for k, v in f.items() if (kind, k) in self._used} for kind, f in facts.items()}
        sections.update((kind, marshal.dumps(f)) for kind, f in facts.items())
        blobs, index, offset = [], {}, 0
        for key, blob in sections.items():
            if blob is not None:
                index[key] = (offset, len(blob), zlib.crc32(blob))
                blobs.append(blob)
                offset += len(blob)
        if datafile.save(_blobs_path(self.path), b"".join(blobs)) and datafile.save(self.path, (index, offset)):
            self._dirty = False


def _blobs_path(index: Path) -> Path:
    return index.with_suffix(".blobs")


class _Blobs:
    """The blobs file, opened on first read: its last `size` bytes are the blobs, end to end."""

    def __init__(self, path: Path, size: int) -> None:
        self.path = path
        self.size = size
        self._fd: int | None = None
        self._start = -1

    def read(self, offset: int, length: int, crc: int) -> bytes | None:
        try:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
                self._start = os.fstat(self._fd).st_size - self.size
            blob = _read_at(self._fd, self._start + offset, length)
        except (OSError, ValueError):  # gone, or shorter than the index says
            return None
        return blob if len(blob) == length and zlib.crc32(blob) == crc else None


def _read_at(fd: int, offset: int, length: int) -> bytes:
    """Read without moving a file offset that forked workers share (pread), where there is one."""
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, length)


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
        _cache = PatternCache(None if disabled else cache_dir() / f"patterns-v4-{_VERSION}.marshal")
        atexit.register(_cache.save)  # patterns compiled late (an extractor's, say) are kept too
    return _cache
