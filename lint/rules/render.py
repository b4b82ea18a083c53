"""Rule messages and fixes are jinja2 templates; render them in a sandbox, compiled once."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping

import regex

from lint.compiled import compile as cached_regex

_MAX_QUOTE = 80
_WHITESPACE = cached_regex(r"\s+")
_VARIABLE = cached_regex(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")
_IF_BLOCK = cached_regex(r"\{%\s*if\s+([A-Za-z_]\w*)(\s+is\s+defined)?\s*%\}((?:(?!\{[%#]).)*?)\{%\s*endif\s*%\}", regex.DOTALL)


def _is_template(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def _is_simple(text: str) -> bool:
    """Only `{{ name }}` and un-nested `{% if name [is defined] %}…{% endif %}`: such templates
    are rendered here, without importing jinja2 (start-up time is what a pre-commit user feels)."""
    rest = _VARIABLE.sub("", _IF_BLOCK.sub("", text))
    return not any(mark in rest for mark in ("{{", "}}", "{%", "%}", "{#"))


def _substitute(text: str, variables: Mapping[str, Any]) -> str | None:
    """A simple template filled in, or None where jinja2 would raise (an undefined name)."""
    missing = object()

    def condition(m: regex.Match[str]) -> str:
        value = variables.get(m.group(1), missing)
        if m.group(2):  # "is defined"
            return m.group(3) if value is not missing else ""
        if value is missing:
            raise KeyError(m.group(1))
        return m.group(3) if value else ""

    try:
        text = _IF_BLOCK.sub(condition, text)
    except KeyError:
        return None
    if any(name not in variables for name in _VARIABLE.findall(text)):
        return None
    return _VARIABLE.sub(lambda m: str(variables[m.group(1)]), text)


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
    """An error message if `text` is not a valid template, else None (remembered across runs)."""
    if not _is_template(text) or _is_simple(text):
        return None
    from lint.compiled import pattern_cache

    return pattern_cache().derived("template-policy", text, _check_with_jinja)  # type: ignore[no-any-return]


def _check_with_jinja(text: str) -> str | None:
    from jinja2 import TemplateSyntaxError

    try:
        tree = _environment().parse(text)  # syntax only: compiling waits until a message is rendered
    except TemplateSyntaxError as exc:
        return f"template error on its line {exc.lineno}: {exc.message}"
    return _policy(tree)


#: What a rule's message, fix or replacement may use: its variables, constants, `~`, if/else,
#: tests, comparisons, and filters that cannot grow the text. No loops, calls, attribute or
#: item access, `*`, `**` or `%`: the sandbox would refuse Python internals at render time,
#: but a third-party pack is refused at load, with its file and line, and cannot loop or
#: multiply its way to a hang either.
_NODES = frozenset({"Template", "Output", "TemplateData", "Name", "Const", "If", "CondExpr", "Filter", "Test",
                    "Compare", "Operand", "And", "Or", "Not", "Concat", "Keyword", "List", "Tuple"})
_FILTERS = frozenset({"lower", "upper", "title", "capitalize", "trim", "default", "d", "length", "count",
                      "first", "last", "string", "truncate", "striptags", "e", "escape"})
_NAMES = {"For": "a for loop", "Call": "a function or method call", "Getattr": "attribute access",
          "Getitem": "item access", "Mul": "*", "Pow": "**", "Mod": "%", "Macro": "a macro",
          "Assign": "{% set %}", "Include": "{% include %}", "Import": "{% import %}", "Extends": "{% extends %}"}


def _policy(tree: Any) -> str | None:
    """Why a parsed template is refused, or None."""
    for node in _walk(tree):
        kind = type(node).__name__
        if kind not in _NODES:
            what = _NAMES.get(kind, kind)
        elif kind == "Filter" and node.name not in _FILTERS:
            what = f"the filter |{node.name}"
        else:
            continue
        return (f"template uses {what}; a rule's text may use only its variables, if/else, tests and "
                f"the filters {', '.join(sorted(_FILTERS - {'d', 'e', 'count'}))}")
    return None


def _walk(node: Any) -> Any:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def quote(text: str) -> str:
    """Matched text as a message quotes it: one line, whitespace collapsed, shortened."""
    text = _one_line(text)
    return text if len(text) <= _MAX_QUOTE else text[: _MAX_QUOTE - 1].rstrip() + "…"


def render(text: str, variables: Mapping[str, Any]) -> str:
    """The rendered template as one line. Undefined variables are an error the pack's tests catch."""
    if _is_template(text):
        simple = _substitute(text, variables) if _is_simple(text) else None
        if simple is not None:
            text = simple
        else:
            try:
                text = _template(text).render(**variables)
            except Exception as exc:  # noqa: BLE001 - the sandbox refusing, or a template of a pack never checked
                text = f"{text} [template error: {_WHITESPACE.sub(' ', str(exc))}]"
    return _one_line(text)


def _one_line(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed. Most texts have nothing to fold: any
    whitespace but a single space is unprintable, so they skip the regex."""
    if text.isprintable() and "  " not in text:
        return text.strip()
    return _WHITESPACE.sub(" ", text).strip()


def render_replacement(text: str, variables: Mapping[str, Any]) -> str | None:
    """A rule's `replacement` for one match, or None when it offers no fix for this match.

    Rendered as is (whitespace kept). No fix when the template names a group the match
    left empty, renders to nothing, or leaves the match as it was. The case of the
    match carries over: "Miracle treatment" becomes "Treatment", not "treatment".
    """
    match = str(variables.get("match", ""))
    if not _is_template(text):
        new = text
    elif _is_simple(text):
        filled = _substitute(text, variables)
        if filled is None:
            return None
        new = filled
    else:
        try:
            new = _template(text).render(**variables)
        except Exception:  # noqa: BLE001 - no fix rather than a crash
            return None
    if not new.strip():
        return None
    if match.isupper() and any(c.isalpha() for c in match):
        new = new.upper()
    elif match[:1].isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    return None if new == match else new
