"""Rule messages and fixes are jinja2 templates; render them in a sandbox, compiled once."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

import regex

_MAX_QUOTE = 80
_WHITESPACE = regex.compile(r"\s+")


def _is_template(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


@lru_cache(maxsize=None)
def _environment() -> Any:
    # Imported lazily: most runs render few messages, and start-up time is what a
    # pre-commit user feels. The sandbox keeps a third-party pack's template away
    # from Python internals.
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(autoescape=False, undefined=StrictUndefined, keep_trailing_newline=False)


@lru_cache(maxsize=4096)
def _template(text: str) -> Any:
    return _environment().from_string(text)


def check_template(text: str) -> str | None:
    """An error message if `text` is not a valid template, else None."""
    if not _is_template(text):
        return None
    from jinja2 import TemplateSyntaxError

    try:
        _template(text)
    except TemplateSyntaxError as exc:
        return f"template error on its line {exc.lineno}: {exc.message}"
    return None


def quote(text: str) -> str:
    """Matched text as a message quotes it: one line, whitespace collapsed, shortened."""
    text = _WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1].rstrip() + "…"


def render(text: str, variables: Mapping[str, Any]) -> str:
    """The rendered template as one line. Undefined variables are an error the pack's tests catch."""
    if _is_template(text):
        from jinja2 import TemplateError

        try:
            text = _template(text).render(**variables)
        except TemplateError as exc:
            text = f"{text} [template error: {exc}]"
    return _WHITESPACE.sub(" ", text).strip()


def render_replacement(text: str, variables: Mapping[str, Any]) -> str | None:
    """A rule's `replacement` for one match, or None when it offers no fix for this match.

    Rendered as is (whitespace kept). No fix when the template names a group the match
    left empty, renders to nothing, or leaves the match as it was. The case of the
    match carries over: "Miracle treatment" becomes "Treatment", not "treatment".
    """
    from jinja2 import TemplateError

    match = str(variables.get("match", ""))
    try:
        new = _template(text).render(**variables) if _is_template(text) else text
    except TemplateError:
        return None
    if not new.strip():
        return None
    if match.isupper() and any(c.isalpha() for c in match):
        new = new.upper()
    elif match[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    return None if new == match else new
