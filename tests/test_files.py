"""Verify that odd things in the file system are reported and never stop or hang a run: named pipes,
devices, symlink loops, folders named like pages, folders that cannot be listed, and a --fix
interrupted between two files."""
from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLAIM = "It cures pain.\n"
LOOP = "cannot read: Too many levels of symbolic links"

posix = pytest.mark.skipif(os.name != "posix", reason="named pipes and symlink loops as POSIX makes them")


def _healthlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A run in its own process, with a time limit: a regression here hangs rather than fails."""
    return subprocess.run([sys.executable, "-m", "lint", "--isolated", "--no-cache", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=60)


@posix
@pytest.mark.parametrize("args", [(".",), ("pipe.txt", "page.txt")], ids=["walked", "named"])
def test_a_named_pipe_is_skipped_not_waited_for(tmp_path, args):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "page.txt").write_text(CLAIM)
    result = _healthlint(*args, cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("page.txt:1:4: HL101")
    assert result.stderr == ("healthlint: notice: pipe.txt: skipped: a named pipe, not a regular file "
                             "(read standard input with -)\n")


@posix
def test_a_device_is_skipped(cli, tmp_path):
    result = cli("/dev/null")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "healthlint: notice: /dev/null: skipped: a character device, not a regular file (read standard input with -)\n"


@posix
@pytest.mark.parametrize("args", [(".",), ("loop.txt", "page.txt")], ids=["walked", "named"])
def test_a_symlink_loop_is_an_error_and_the_run_goes_on(cli, tmp_path, args):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "page.txt").write_text(CLAIM)
    result = cli("--no-cache", *args)
    assert result.exit_code == 2 and result.stdout.startswith("page.txt:1:4: HL101")
    assert result.stderr == f"healthlint: error: loop.txt: {LOOP}\n"


def test_a_folder_named_like_a_page_is_walked(cli, tmp_path):
    (tmp_path / "page.html").mkdir()
    (tmp_path / "page.html" / "inner.md").write_text(CLAIM)
    for args in ((".",), ("page.html",)):
        result = cli("--no-cache", *args)
        assert (result.exit_code, result.stdout, result.stderr) == (1, result.stdout, "")
        assert result.stdout.startswith("page.html/inner.md:1:4: HL101")


def test_a_folder_that_cannot_be_listed_is_an_error(cli, tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "page.txt").write_text(CLAIM)
    real = os.scandir

    def guarded(path=".", *args, **kwargs):  # works as root too, where chmod 000 would not stop a listing
        if str(path).rstrip("/").endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", guarded)
    result = cli("--no-cache", ".")
    assert result.exit_code == 2 and result.stdout.startswith("page.txt:1:4: HL101")
    assert result.stderr == "healthlint: error: locked/: cannot list this folder: permission denied\n"


def test_stat_permission_errors_are_reported(cli, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(CLAIM)
    (tmp_path / "b.txt").write_text(CLAIM)
    real = os.stat

    def guarded(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", guarded)
    result = cli("--no-cache", "a.txt", "b.txt")
    assert (result.exit_code, result.stderr) == (2, "healthlint: error: a.txt: permission denied\n")
    assert result.stdout.startswith("b.txt:1:4: HL101")


# --------------------------------------------------------------------------- --fix


#: (encoding, byte-order mark, newline): --fix writes the file back in each as it found it.
FORMS = [("utf-8", b"", "\n"), ("utf-8", codecs.BOM_UTF8, "\r\n"), ("utf-8", b"", "\r"),
         ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"), ("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
         ("utf-32-le", codecs.BOM_UTF32_LE, "\n")]


@pytest.mark.parametrize(("encoding", "bom", "newline"), FORMS)
def test_fix_keeps_encoding_bom_newlines_and_mode(cli, tmp_path, encoding, bom, newline):
    page = tmp_path / "page.txt"
    text = "Try this miracle treatment.\nMore text.\n".replace("\n", newline)
    page.write_bytes(bom + text.encode(encoding))
    page.chmod(0o640)
    assert cli("--fix", "page.txt").exit_code == 0
    assert page.read_bytes() == bom + text.replace("miracle ", "").encode(encoding)
    assert oct(page.stat().st_mode & 0o777) == "0o640"


def test_an_interrupted_fix_leaves_each_file_old_or_new(cli, tmp_path, monkeypatch):
    """Killed while writing the second of three files: the first is fixed, the others untouched,
    and no temporary file is left behind."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text("Try this miracle treatment.\n")
    real, calls = os.replace, []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = cli("--fix", "a.txt", "b.txt", "c.txt")
    assert (result.exit_code, result.stderr) == (1, "\nAborted!\n")  # click's answer to Ctrl-C
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt", "c.txt")] == [
        "Try this treatment.\n", "Try this miracle treatment.\n", "Try this miracle treatment.\n"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]
