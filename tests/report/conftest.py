"""Report tests: a frozen fixture pack and pages, copied into a temporary site, linted by the CLI."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lint.report.collect
import lint.report.sarif

REPORT_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "report"
VERSION = "0.0.0+test"
HOMEPAGE = "https://example.org/healthlint"


@pytest.fixture(autouse=True)
def stable_report_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same output on every machine: a fixed version and homepage, and no real GitHub step summary."""
    monkeypatch.setattr(lint.report.collect, "__version__", VERSION)
    monkeypatch.setattr(lint.report.sarif, "__version__", VERSION)
    monkeypatch.setattr(lint.report.sarif, "homepage", lambda: HOMEPAGE)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name in ("pack.yaml", "page.txt", "hostile.txt"):
        shutil.copy(REPORT_FIXTURES / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def lint_site(cli, site):
    """lint_site(format, *files, *extra args) → CLI result, with the fixture pack only."""

    def run(fmt: str, *files: str, args: tuple[str, ...] = ()) -> object:
        return cli("--isolated", "--ruleset", "pack.yaml", "--format", fmt, *args, *(files or ("page.txt",)))

    return run
