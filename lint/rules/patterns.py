"""Rule patterns as authors write them → one compiled regex: case-insensitive, word-bounded,
and tolerant of line breaks and repeated spaces wherever the pattern has a space."""
from __future__ import annotations

from typing import Iterable

import regex

FLAGS = regex.IGNORECASE | regex.VERSION0
#: Time budget for one pattern on one document; a slower pattern is a broken rule, not a slow page.
TIMEOUT_SECONDS = 2.0


def flexible_spaces(pattern: str) -> str:
    """Replace each run of literal spaces outside a character class with `\\s+`."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # a "]" right after "[" or "[^" is a literal, not the end of the class
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        elif ch == " ":
            while i < n and pattern[i] == " ":
                i += 1
            out.append(r"\s+")
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def compile_patterns(patterns: Iterable[str], *, bounded: bool = True) -> regex.Pattern[str]:
    """One regex matching any of `patterns`; raises ValueError naming the pattern at fault.

    The patterns are compiled together, once; only when that fails or matches empty
    text is each compiled alone to say which one is at fault (compiling is most of
    start-up time).
    """
    patterns = list(patterns)
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError(f"empty pattern {pattern!r}")
    body = "|".join(f"(?:{flexible_spaces(p)})" for p in patterns)
    if bounded:
        body = rf"(?<!\w)(?:{body})(?!\w)"
    try:
        combined = regex.compile(body, FLAGS)
    except regex.error:
        combined = None
    if combined is None or combined.fullmatch(""):
        _blame(patterns)
    return combined


def _blame(patterns: list[str]) -> None:
    for pattern in patterns:
        try:
            single = regex.compile(flexible_spaces(pattern), FLAGS)
        except regex.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        if single.fullmatch(""):
            raise ValueError(f"pattern {pattern!r} matches empty text")
    raise ValueError("the patterns do not compile together (a group name used with two meanings?)")
