"""Reporters by name. Adding an output format is adding a module and a line here."""
from __future__ import annotations

from typing import TextIO

from lint.config import Settings
from lint.errors import ConfigError
from lint.report.base import Reporter
from lint.report.github import GithubReporter
from lint.report.gitlab import GitlabReporter
from lint.report.html import HtmlReporter
from lint.report.json import JsonReporter
from lint.report.junit import JunitReporter
from lint.report.markdown import MarkdownReporter
from lint.report.sarif import SarifReporter
from lint.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "markdown": MarkdownReporter,
    "html": HtmlReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
    "gitlab": GitlabReporter,
    "junit": JunitReporter,
}


def make(name: str, stream: TextIO, settings: Settings) -> Reporter:
    """The reporter called `name`; an unknown name is a usage error (exit 2)."""
    try:
        return REPORTERS[name](stream, settings)
    except KeyError:
        raise ConfigError(f"unknown format {name!r}; expected one of {', '.join(REPORTERS)}") from None
