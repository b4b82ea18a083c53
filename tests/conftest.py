"""Shared test helpers: findings as (line, col, code) triples, and a CLI runner."""
from __future__ import annotations

import os
import tempfile

# Keep the tests' compiled patterns and packs out of the user's cache folder (set before
# healthlint is imported: modules compile their patterns at import).
os.environ.setdefault("HEALTHLINT_CACHE_DIR", tempfile.mkdtemp(prefix="healthlint-test-cache-"))

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pytest
from click.testing import CliRunner

import lint.report.collect
import lint.report.sarif
from lint.cli import main
from lint.config import Settings
from lint.models import Finding
from lint.pipeline import Linter

FIXTURES = Path(__file__).parent / "fixtures"

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The default rule set, loaded once."""
    return Linter.from_settings(Settings())


def positions(findings: Iterable[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in findings]


@pytest.fixture
def assert_findings(linter: Linter):
    """assert_findings(src, kind="text", expect=[(line, col, code), ...]) — exactly these, in order."""

    def check(src: str, *, kind: str = "text", expect: list[tuple[int, int, str]],
              codes: str | tuple[str, ...] | None = None) -> list[Finding]:
        found = linter.lint_text(src, kind=kind)
        if codes:
            found = [f for f in found if f.code.startswith(codes)]
        assert positions(found) == expect
        return found

    return check


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run `healthlint ARGS` in a folder (tmp_path by default) and return exit code, stdout, stderr."""

    def run(*args: str, cwd: Path | None = None, input: str | bytes | None = None) -> Result:
        monkeypatch.chdir(cwd or tmp_path)
        result = CliRunner().invoke(main, list(args), input=input, prog_name="healthlint")
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


# --------------------------------------------------------------------------- report formats


@pytest.fixture
def report_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the frozen report fixtures (tests/fixtures/report: a pack and two pages).

    Output is made the same on every machine: a fixed version and homepage, and no real
    GitHub step summary (CI sets GITHUB_STEP_SUMMARY; the github format would append to it).
    """
    monkeypatch.setattr(lint.report.collect, "__version__", "0.0.0+test")
    monkeypatch.setattr(lint.report.sarif, "__version__", "0.0.0+test")
    monkeypatch.setattr(lint.report.sarif, "homepage", lambda: "https://example.org/healthlint")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    for name in ("pack.yaml", "page.txt", "hostile.txt"):
        shutil.copy(FIXTURES / "report" / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def lint_site(cli, report_site: Path):
    """lint_site(format, *files, args=(...)): lint files of the report site with the fixture pack only."""

    def run(fmt: str, *files: str, args: tuple[str, ...] = ()) -> Result:
        return cli("--isolated", "--ruleset", "pack.yaml", "--format", fmt, *args, *(files or ("page.txt",)))

    return run
