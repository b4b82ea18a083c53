"""Write a file back safely: same encoding and byte-order mark, same permissions, atomically.

The new content goes to a temporary file in the same folder, which then replaces the
old one with `os.replace` (atomic on POSIX and Windows), so an interrupted write leaves
the old file whole. Newline style needs no care: text is decoded without translating
newlines, so edited text keeps the file's own `\\n`, `\\r\\n` or `\\r`.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from lint.errors import InputError
from lint.models import SourceFile
from lint.read import read_source, sniff_bom

_HEAD = 4  # enough bytes to see any byte-order mark


@dataclass(frozen=True)
class Encoded:
    """A file's decoded text and how to encode it again."""

    text: str
    encoding: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def read_encoded(source: SourceFile, *, max_size: int, stdin: BinaryIO | None = None) -> Encoded:
    """The text as the linter reads it (same guards and errors), with the encoding it came in."""
    text = read_source(source, max_size=max_size, stdin=stdin)
    if source.path == "-":
        return Encoded(text)
    try:
        with open(source.path, "rb") as fh:
            bom, encoding = sniff_bom(fh.read(_HEAD))
    except OSError as exc:
        raise InputError(source.display, f"cannot read: {exc.strerror or exc}") from None
    return Encoded(text, encoding, bom)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, keeping its permission bits (and the target of a symlink)."""
    import tempfile  # here, not at the top: only --fix and --write-baseline write, and start-up time counts

    target = Path(os.path.realpath(path))
    mode = _mode_for(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".healthlint-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The existing file's permission bits, or what a new file gets under the current umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
