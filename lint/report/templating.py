"""The jinja2 environment for the Markdown and HTML reports: templates shipped in `lint/report/templates/`.

jinja2 is imported only when one of these formats renders: a plain `healthlint` run,
the one a pre-commit user waits for, never pays for it. HTML templates are autoescaped;
Markdown ones escape page text with the `md` filter.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from lint.report.escape import clean
from lint.compiled import compile as cached_regex

TEMPLATES = Path(__file__).parent / "templates"
_MD_SPECIAL = cached_regex(r"([\\`*_\[\]<>|~&])")
_SPACES = cached_regex(r"\s+")
_BACKTICKS = cached_regex(r"`+")


def md(text: Any) -> str:
    """Page or rule text as inline Markdown: one line, nothing it contains can become markup or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", clean(str(text))))


def md_code(text: Any) -> str:
    """Text as a Markdown code span, fenced with more backticks than it contains."""
    text = _SPACES.sub(" ", clean(str(text))).strip()
    fence = "`" * (max((len(m) for m in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}" if text else ""


@lru_cache(maxsize=None)
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md, md_code=md_code, clean=clean)
    return env


def render(name: str, **context: Any) -> str:
    """Render the template `name` (e.g. "report.html.j2") with `context`."""
    return environment().get_template(name).render(**context)
