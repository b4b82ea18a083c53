"""The installed command exits without freeing its heap (cli.console_main): what a normal exit
does must still happen — every line written, the exit status kept, the pattern cache saved."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLAIM = "Ketamine cures fibromyalgia.\n"


def _command(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEALTHLINT_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "lint", "--isolated", "--no-cache", "-j", "1", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_every_line_reaches_a_pipe_and_the_status_is_kept(cli, tmp_path):
    for i in range(200):
        (tmp_path / f"page{i:03}.txt").write_text(CLAIM * 5)
    result = _command(".", cwd=tmp_path, cache=tmp_path / "cache")
    expected = cli("--isolated", "--no-cache", "-j", "1", ".")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == expected.stdout and len(result.stdout.splitlines()) >= 1000


def test_the_report_file_is_complete(tmp_path):
    (tmp_path / "page.txt").write_text(CLAIM)
    result = _command("--format", "json", "--output", "report.json", "page.txt", cwd=tmp_path, cache=tmp_path / "cache")
    assert result.returncode == 1
    assert [f["code"] for f in json.loads((tmp_path / "report.json").read_text())] == ["HL101"]


def test_a_clean_run_exits_zero(tmp_path):
    (tmp_path / "page.txt").write_text("Ketamine does not cure fibromyalgia.\n")
    result = _command("page.txt", cwd=tmp_path, cache=tmp_path / "cache")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_exit_handlers_still_run(tmp_path):
    """They save the pattern cache (patterns compiled while linting) and flush logging."""
    (tmp_path / "page.txt").write_text(CLAIM)
    code = ("import atexit, pathlib, sys; atexit.register(pathlib.Path('handler-ran').touch); "
            "sys.argv[1:] = ['--isolated', '--no-cache', 'page.txt']; "
            "from lint.cli import console_main; console_main()")
    env = {**os.environ, "HEALTHLINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1 and (tmp_path / "handler-ran").exists()
    assert list((tmp_path / "cache").glob("patterns-*.marshal"))


@pytest.mark.skipif(os.name != "posix", reason="a shell pipeline closed early")
def test_a_pipe_closed_early_ends_quietly(tmp_path):
    for i in range(50):
        (tmp_path / f"page{i:02}.txt").write_text(CLAIM * 20)
    env = {**os.environ, "HEALTHLINT_CACHE_DIR": str(tmp_path / "cache")}
    result = subprocess.run(f"{sys.executable} -m lint --isolated --no-cache -j 1 . | head -n 1", shell=True,
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("page00.txt:1:")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
