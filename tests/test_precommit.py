"""Verify the pre-commit hook for real: a temporary site repository uses this checkout's committed hook.

pre-commit clones this repository at HEAD and installs healthlint into its own
environment, so the test checks committed code and needs a package index (network):
deselect it offline with `pytest -m "not network"`.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLAIM = "Our ketamine infusions cure fibromyalgia.\n"
FIXED = "Ketamine infusions may ease fibromyalgia pain for some patients, for a short time.\n"

pytestmark = pytest.mark.network


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    try:
        return git("rev-parse", "HEAD", cwd=ROOT)
    except subprocess.CalledProcessError:
        pytest.skip("not a git checkout: the hook is tested from committed code")


@pytest.fixture
def site(tmp_path: Path, head: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    if "healthlint" not in git("show", f"{head}:.pre-commit-hooks.yaml", cwd=ROOT):
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "cache"))
    for var in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(var, "healthlint tests")
    for var in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(var, "tests@example.invalid")
    repo = tmp_path / "site"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {head}\n    hooks:\n      - id: healthlint\n")
    (repo / "page.txt").write_text(CLAIM)
    (repo / "script.py").write_text("# this cures fibromyalgia: code is not prose and is not linted\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "site", cwd=repo)
    return repo


def pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, timeout=600, env=os.environ.copy())


def test_hook_fails_on_a_claim_and_passes_once_fixed(site: Path):
    failed = pre_commit(site)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "page.txt:1:24: HL101 “cure fibromyalgia” presents the treatment as a cure" in failed.stdout
    assert "script.py" not in failed.stdout
    (site / "page.txt").write_text(FIXED)
    passed = pre_commit(site)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "healthlint" in passed.stdout and "Passed" in passed.stdout
