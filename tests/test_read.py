"""Verify decoding and the bad-input guards: every problem is one clear line, never a traceback."""
from __future__ import annotations

import codecs
import io
import os
import time

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


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.md", "empty.mdx", "blank.md"])
def test_empty_and_blank_files_are_clean(cli, tmp_path, name):
    (tmp_path / name).write_text("" if name.startswith("empty") else " \n\n\t\n")
    result = cli(name)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_file_that_vanishes_before_it_is_read(tmp_path, monkeypatch):
    from lint.config import Settings
    from lint.pipeline import Linter, run, sources_for
    from lint.report import make

    monkeypatch.chdir(tmp_path)
    (tmp_path / "gone.md").write_text("It cures pain.\n")
    (tmp_path / "kept.md").write_text("It cures pain.\n")
    settings = Settings()
    sources = sources_for(["."], settings)
    (tmp_path / "gone.md").unlink()
    messages: list[tuple[str, str]] = []
    out = io.StringIO()
    summary = run(Linter.from_settings(settings), sources, make("text", out, settings),
                  notify=lambda level, message: messages.append((level, message)))
    assert messages == [("error", "gone.md: no such file")]
    assert out.getvalue().startswith("kept.md:1:4: HL101") and summary.errors == ["gone.md: no such file"]


def test_permission_denied(cli, tmp_path, monkeypatch):
    (tmp_path / "locked.html").write_text("<p>It cures pain.</p>")
    (tmp_path / "open.html").write_text("<p>It cures pain.</p>")
    real_open = os.open

    def guarded(file, *args, **kwargs):  # works as root too, where chmod 000 would not stop a read
        if str(file).endswith("locked.html"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    result = cli()
    assert result.exit_code == 2
    assert result.stderr == "healthlint: error: locked.html: permission denied\n"
    assert result.stdout.startswith("open.html:1:7: HL101")


def test_a_50_mb_single_line_file_is_skipped_at_once(cli, tmp_path):
    with open(tmp_path / "huge.html", "wb") as fh:
        fh.write(b"<p>" + b"Ketamine cures pain. " * (50 * 1000**2 // 21) + b"</p>")
    started = time.perf_counter()
    result = cli("huge.html")
    assert time.perf_counter() - started < 1.0
    assert result.exit_code == 0
    assert result.stderr.startswith("healthlint: notice: huge.html: skipped: 49,999,999 bytes is larger")


def test_a_long_single_line_file_under_the_limit_is_read_in_linear_time(linter):
    line = "<p>Our clinic <b>helps</b> people &amp; families.</p> " * 20_000  # ~1 MB, one line
    started = time.perf_counter()
    assert linter.lint_text(line, kind="html") == []
    assert time.perf_counter() - started < 5.0


def test_an_unexpected_error_in_one_file_is_reported_and_the_run_goes_on(cli, tmp_path, monkeypatch):
    import lint.pipeline

    real = lint.pipeline.extract

    def broken(source, text):
        if source.display == "bad.txt":
            raise RuntimeError("a bug")
        return real(source, text)

    monkeypatch.setattr(lint.pipeline, "extract", broken)
    for name in ("bad.txt", "good.txt"):
        (tmp_path / name).write_text("It cures pain.\n")
    result = cli("--no-cache", "bad.txt", "good.txt")
    assert result.exit_code == 2
    assert result.stderr == "healthlint: error: bad.txt: internal error (RuntimeError: a bug); please report it\n"
    assert result.stdout.startswith("good.txt:1:4: HL101")
