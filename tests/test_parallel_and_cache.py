"""Verify that workers and the result cache change nothing but speed."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated site of 40 pages plus the repository's example and dev-set pages."""
    root = tmp_path_factory.mktemp("site")
    corpus.write("custom", root / "gen", pages=40, page_kb=4, seed=7)
    shutil.copytree(ROOT / "examples", root / "examples")
    shutil.copytree(ROOT / "tests" / "devset", root / "devset")
    return root


def run(cli, site: Path, *args: str) -> str:
    result = cli("--format", "json", "--exit-zero", "--isolated", *args, ".", cwd=site)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_jobs_and_cache_give_identical_output(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    serial = run(cli, site, "-j", "1", "--no-cache")
    assert serial.count('"code"') > 100
    assert run(cli, site, "-j", "2", "--no-cache") == serial
    assert run(cli, site, "-j", "2") == serial  # writes the cache
    assert any((tmp_path / "cache" / "results").rglob("results-*.marshal"))
    assert run(cli, site, "-j", "2") == serial  # served from it
    assert run(cli, site, "-j", "1") == serial


def test_an_edited_file_is_linted_again(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    page = site / "edited.txt"
    page.write_text("Nothing to report here.\n")
    assert '"edited.txt"' not in run(cli, site, "edited.txt")
    page.write_text("Our infusions cure fibromyalgia.\n")
    os.utime(page, ns=(page.stat().st_mtime_ns + 10**9,) * 2)
    assert '"path": "edited.txt"' in run(cli, site, "edited.txt")


def test_changing_the_settings_does_not_reuse_results(cli, site, tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHLINT_CACHE_DIR", str(tmp_path / "cache"))
    everything = run(cli, site, "examples")
    assert run(cli, site, "--select", "HL101", "examples") != everything
    assert run(cli, site, "examples") == everything
