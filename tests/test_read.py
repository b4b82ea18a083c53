"""Verify decoding and the bad-input guards: every problem is one clear line, never a traceback."""
from __future__ import annotations

import codecs

import pytest

from lint.errors import InputError, InputNotice
from lint.models import SourceFile
from lint.read import decode, read_source


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("cures pain".encode(), "cures pain"),
        (codecs.BOM_UTF8 + "it’s".encode(), "it’s"),
        (codecs.BOM_UTF16_LE + "it’s".encode("utf-16-le"), "it’s"),
        (codecs.BOM_UTF16_BE + "it’s".encode("utf-16-be"), "it’s"),
        (b"", ""),
    ],
)
def test_decodes(data, text):
    assert decode(data, "f.txt") == text


def test_invalid_utf8_names_line():
    with pytest.raises(InputError) as info:
        decode(b"ok\nstill ok\ncaf\xe9\n", "f.txt")
    assert str(info.value) == "f.txt: not valid UTF-8 (byte 0xe9 on line 3); convert the file to UTF-8"
    assert not isinstance(info.value, InputNotice)


def test_binary_is_a_notice():
    with pytest.raises(InputNotice, match="binary file"):
        decode(b"\x89PNG\r\n\x1a\n\0\0\0", "logo.txt")


def test_too_large_is_a_notice(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(InputNotice, match="larger than max-file-size"):
        read_source(SourceFile(str(path), "big.txt", "text"), max_size=1000)


@pytest.mark.parametrize(("make", "message"), [("missing", "no such file"), ("dir", "is a directory")])
def test_unreadable(tmp_path, make, message):
    path = tmp_path / "x.txt"
    if make == "dir":
        path.mkdir()
    with pytest.raises(InputError, match=message):
        read_source(SourceFile(str(path), "x.txt", "text"), max_size=1000)


def test_bad_inputs_on_the_command_line(cli, tmp_path):
    (tmp_path / "latin1.txt").write_bytes("Ketamine cures pain. Café".encode("latin-1"))
    (tmp_path / "image.txt").write_bytes(b"\0\0binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "big.txt").write_text("Results are guaranteed. " * 100)
    (tmp_path / "good.txt").write_text("Results are guaranteed.\n")
    result = cli("--max-file-size", "1KB")
    assert result.exit_code == 2
    assert result.stdout == "good.txt:1:1: HL121 “Results are guaranteed” promises a result no treatment can promise\n"
    assert result.stderr.splitlines() == [
        "healthlint: notice: big.txt: skipped: 2,400 bytes is larger than max-file-size (1,000 bytes)",
        "healthlint: notice: image.txt: skipped: binary file (contains NUL bytes)",
        "healthlint: error: latin1.txt: not valid UTF-8 (byte 0xe9 on line 1); convert the file to UTF-8",
    ]


def test_notices_alone_do_not_fail_the_run(cli, tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\0\0binary")
    result = cli("image.txt")
    assert result.exit_code == 0 and "binary file" in result.stderr
    assert cli("-q", "image.txt").stderr == ""
