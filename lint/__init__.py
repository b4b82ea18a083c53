"""healthlint: a content-compliance linter for health marketing.

Public API:
    lint_text(text, kind="text")   findings for one string
    lint_paths(paths)              findings for files and folders
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.models import Finding


def lint_text(text: str, *, kind: str = "text", path: str = "<text>", settings: "Settings | None" = None) -> "list[Finding]":
    """Findings for `text` read as a file of `kind` ("text", "html", "markdown")."""
    from lint.config import Settings
    from lint.pipeline import Linter

    return Linter.from_settings(settings or Settings()).lint_text(text, kind=kind, path=path)


def lint_paths(paths: Iterable[str], *, settings: "Settings | None" = None) -> "list[Finding]":
    """Findings for files and folders, sorted; files that cannot be read are skipped."""
    from lint.config import Settings
    from lint.errors import InputError
    from lint.pipeline import Linter, sources_for

    settings = settings or Settings()
    linter = Linter.from_settings(settings)
    findings: list[Finding] = []
    for source in sources_for(list(paths), settings):
        try:
            findings += [f for f in linter.lint_source(source) if not f.suppressed]
        except InputError:
            continue
    return findings
