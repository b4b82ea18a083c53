"""A one-line progress display on a terminal's stderr, out of the way of the findings on stdout."""
from __future__ import annotations

import time
from typing import TextIO

from lint.models import SourceFile

MIN_FILES = 30  # short runs finish before a bar is worth drawing


class Progress:
    """Counts files as they start; redraws at most ten times a second."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self._shown = False
        self._last = 0.0

    def __call__(self, source: SourceFile) -> None:
        self.done += 1
        now = time.monotonic()
        if now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        width = 24
        filled = width * self.done // max(self.total, 1)
        name = source.display if len(source.display) <= 40 else "…" + source.display[-39:]
        self.stream.write(f"\r\x1b[K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name}")
        self.stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


class ClearingStream:
    """Wraps stdout so each write first clears the progress line (when both share a terminal)."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self._stream = stream
        self._progress = progress

    def write(self, text: str) -> int:
        self._progress.clear()
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()
