"""Reporters by name. Adding an output format is adding a module and a line here.

Each format's module is imported only when a run uses it: start-up time is what a
pre-commit user waits for, and most runs print plain text.
"""
from __future__ import annotations

from importlib import import_module
from typing import TextIO

from lint.config import Settings
from lint.errors import ConfigError
from lint.report.base import Reporter

#: Format name → "module:Class".
REPORTERS: dict[str, str] = {
    "text": "lint.report.text:TextReporter",
    "json": "lint.report.json:JsonReporter",
    "markdown": "lint.report.markdown:MarkdownReporter",
    "html": "lint.report.html:HtmlReporter",
    "sarif": "lint.report.sarif:SarifReporter",
    "github": "lint.report.github:GithubReporter",
    "gitlab": "lint.report.gitlab:GitlabReporter",
    "junit": "lint.report.junit:JunitReporter",
}


def reporter_class(name: str) -> type[Reporter]:
    """The Reporter subclass for a format name; an unknown name is a usage error (exit 2)."""
    try:
        module, _, cls = REPORTERS[name].partition(":")
    except KeyError:
        raise ConfigError(f"unknown format {name!r}; expected one of {', '.join(REPORTERS)}") from None
    return getattr(import_module(module), cls)  # type: ignore[no-any-return]


def make(name: str, stream: TextIO, settings: Settings) -> Reporter:
    """A reporter for format `name`, writing to `stream`."""
    return reporter_class(name)(stream, settings)
