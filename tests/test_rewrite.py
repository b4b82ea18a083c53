"""Verify writing a fixed file back: same encoding, BOM, newlines and permissions; atomic when interrupted."""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from lint.models import SourceFile
from lint.rewrite import read_encoded, write_atomic


@pytest.mark.parametrize(("bom", "encoding"), [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_round_trip_keeps_encoding_bom_and_newlines(tmp_path: Path, bom: bytes, encoding: str):
    path = tmp_path / "page.txt"
    path.write_bytes(bom + "Café miracle treatment\r\nline two\rthree\n".encode(encoding))
    original = read_encoded(SourceFile(str(path), "page.txt", "text"), max_size=10_000)
    assert (original.text, original.encoding, original.bom) == ("Café miracle treatment\r\nline two\rthree\n", encoding, bom)
    write_atomic(path, original.encode(original.text.replace("miracle ", "")))
    assert path.read_bytes() == bom + "Café treatment\r\nline two\rthree\n".encode(encoding)


def test_permissions_are_kept(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_bytes() == b"new"


def test_a_symlink_keeps_pointing_at_the_fixed_file(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize("fail_at", ["write", "replace"])
def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch, fail_at):
    path = tmp_path / "page.txt"
    path.write_bytes(b"the old text\n")

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    if fail_at == "replace":
        monkeypatch.setattr(os, "replace", boom)
    else:
        monkeypatch.setattr(os, "fsync", boom)  # after a partial write, before the rename
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"the new text that never lands\n")
    assert path.read_bytes() == b"the old text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]  # no temporary file left behind
