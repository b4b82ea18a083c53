"""Bytes to text: BOMs, UTF-8, and a clear reason when a file cannot be linted."""
from __future__ import annotations

import codecs
import logging
import os
import stat
import sys
from typing import BinaryIO

from lint.errors import InputError, InputNotice
from lint.models import SourceFile

LOG = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF = 8192


def read_source(source: SourceFile, *, max_size: int, stdin: BinaryIO | None = None) -> str:
    """The decoded text of a file, or InputError/InputNotice saying why not."""
    if source.path == "-":
        data = (stdin or sys.stdin.buffer).read(max_size + 1)
    else:
        data = _read_bytes(source, max_size)
    if len(data) > max_size:
        raise InputNotice(source.display, f"skipped: larger than max-file-size ({max_size:,} bytes)")
    return decode(data, source.display)


def _read_bytes(source: SourceFile, max_size: int) -> bytes:
    try:
        info = os.stat(source.path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(source.display, _folder_problem(source.path))
        size = info.st_size
        if size > max_size:
            raise InputNotice(source.display, f"skipped: {size:,} bytes is larger than max-file-size ({max_size:,} bytes)")
        # Opened without blocking and checked again once open: a named pipe (or a file that
        # became one) would otherwise wait for a writer for ever.
        with open(os.open(source.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as fh:
            kind = _not_regular(os.fstat(fh.fileno()).st_mode)
            if kind:
                raise InputNotice(source.display, f"skipped: {kind}, not a regular file (read standard input with -)")
            return fh.read(max_size + 1)
    except FileNotFoundError:
        raise InputError(source.display, "no such file") from None
    except IsADirectoryError:
        raise InputError(source.display, "is a directory") from None
    except PermissionError:
        raise InputError(source.display, "permission denied") from None
    except OSError as exc:
        raise InputError(source.display, f"cannot read: {exc.strerror or exc}") from None


def _folder_problem(path: str) -> str:
    """Why a folder was read as a file: it could not be listed when walked, or it replaced a file."""
    try:
        os.scandir(path).close()
    except OSError as exc:
        return f"cannot list this folder: {(exc.strerror or str(exc)).lower()}"
    return "is a directory"


def _not_regular(mode: int) -> str:
    """What a file that is not a regular one is ("" for a regular file)."""
    for test, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "" if stat.S_ISREG(mode) else "a special file"


def sniff_bom(data: bytes) -> tuple[bytes, str]:
    """The byte-order mark `data` starts with and the encoding it names; (b"", "utf-8") when none."""
    return next(((bom, encoding) for bom, encoding in _BOMS if data.startswith(bom)), (b"", "utf-8"))


def decode(data: bytes, display: str) -> str:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM. Anything else is reported, not guessed."""
    bom, encoding = sniff_bom(data)
    if bom:
        try:
            return data[len(bom):].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(display, f"cannot decode as {encoding.upper()} (bad bytes at offset {exc.start + len(bom)})") from None
    if b"\0" in data[:_SNIFF]:
        raise InputNotice(display, "skipped: binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            display,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); convert the file to UTF-8",
        ) from None
