"""The closed rule schema: which keys a rule, a pack and a reference may have, and their types."""
from __future__ import annotations

from typing import Any, Callable

import regex

from lint.models import CATEGORIES, JURISDICTIONS, SEVERITIES
from lint.compiled import compile as cached_regex

CONTEXTS = ("negated", "question", "hypothetical", "attributed")
CODE = cached_regex(r"[A-Z]{1,5}[0-9]{2,4}")
NAME = cached_regex(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
REFERENCE_ID = cached_regex(r"[a-z0-9][a-z0-9._-]*")

Check = Callable[[Any], str | None]  # returns an error message, or None when the value is fine


def string(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "expected a non-empty string"


def optional_string(value: Any) -> str | None:
    return None if isinstance(value, str) else "expected a string"


def scalar(value: Any) -> str | None:
    ok = isinstance(value, (str, int)) and not isinstance(value, bool)
    return None if ok else "expected a string or a number"


def string_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        hint = ""
        if isinstance(value, list):
            bad = next((v for v in value if not isinstance(v, str)), None)
            if isinstance(bad, dict):
                hint = " (a YAML mapping crept in: quote any item that contains ': ')"
            elif bad is not None:
                hint = f" ({bad!r} is not a string: quote words YAML reads as values, like \"no\" or \"yes\")"
        return "expected a list of non-empty strings" + hint
    return None


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "expected true or false"


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return None if value in choices else f"expected one of {', '.join(choices)}, got {value!r}"

    return check


def subset_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        if string_list(value) is not None and value != []:
            return f"expected a list drawn from {', '.join(choices)}"
        bad = [v for v in value if v not in choices]
        return f"unknown value(s) {', '.join(map(repr, bad))}; expected {', '.join(choices)}" if bad else None

    return check


def matches(pattern: regex.Pattern[str], what: str) -> Check:
    def check(value: Any) -> str | None:
        return None if isinstance(value, str) and pattern.fullmatch(value) else f"{value!r} is not a valid {what}"

    return check


def examples(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) - {"flag", "pass"}:
        return "expected a mapping with keys flag and pass"
    for key in ("flag", "pass"):
        if key not in value:
            return f"missing examples.{key} (examples that must and must not flag are the rule's tests)"
        if not isinstance(value[key], list) or not all(isinstance(v, str) and v.strip() for v in value[key]):
            return f"examples.{key}: expected a list of non-empty strings"
    return None


#: Keys every rule may have: (check, required). Kind-specific keys come from each kind's FIELDS.
RULE_FIELDS: dict[str, tuple[Check, bool]] = {
    "code": (matches(CODE, "rule code (like HL101)"), True),
    "name": (matches(NAME, "rule name (kebab-case, like cure-claim)"), True),
    "kind": (string, True),
    "category": (one_of(*CATEGORIES), True),
    "severity": (one_of(*SEVERITIES), True),
    "message": (string, True),
    "fix": (string, True),
    "replacement": (optional_string, False),  # a mechanical fix: jinja2 text that replaces the match
    "what": (optional_string, False),
    "why": (optional_string, False),
    "example": (optional_string, False),
    "instead": (optional_string, False),
    "evidence": (optional_string, False),
    "citations": (string_list, False),
    "jurisdictions": (subset_of(*JURISDICTIONS), False),
    "defused_by": (subset_of(*CONTEXTS), False),
    "preview": (boolean, False),
    "examples": (examples, True),
}

PACK_FIELDS = {"pack", "description", "rules", "references", "define"}

REFERENCE_FIELDS: dict[str, tuple[Check, bool]] = {
    "id": (matches(REFERENCE_ID, "reference id (lower-case, like ftc-act-12)"), True),
    "title": (string, True),
    "url": (optional_string, False),
    "kind": (one_of("regulation", "guidance", "enforcement", "paper"), False),
    "issuer": (optional_string, False),
    "authors": (optional_string, False),
    "year": (scalar, False),
    "section": (optional_string, False),
    "jurisdiction": (one_of("", *JURISDICTIONS), False),
    "pmid": (scalar, False),
    "doi": (optional_string, False),
    "note": (optional_string, False),
}
