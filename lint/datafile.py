"""Cache files of plain data: `marshal` (which builds values, never runs code) with a checksum,
written atomically. A file that is missing, truncated, corrupted or from another format
reads as None: a cache that cannot be trusted is rebuilt, never believed."""
from __future__ import annotations

import logging
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

LOG = logging.getLogger(__name__)

#: Format tag at the start of every file: a file without it is not ours (or an older format).
HEADER = b"healthlint-data-1\n"


def load(path: Path) -> Any:
    """The value stored at `path`, or None if there is none it can trust."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[len(HEADER) + 4:]
    if not data.startswith(HEADER) or data[len(HEADER):len(HEADER) + 4] != _checksum(body):
        return None  # a bit flipped in a compiled pattern could crash the regex engine
    try:
        return marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None


def save(path: Path, value: Any) -> bool:
    """Write `value` atomically (temporary file, then rename); False if it cannot be written."""
    import tempfile  # only when saving: start-up time counts

    try:
        body = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(HEADER + _checksum(body) + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as exc:
        LOG.debug("cannot write %s: %s", path, exc)
        return False
    return True


def _checksum(body: bytes) -> bytes:
    return zlib.crc32(body).to_bytes(4, "little")
