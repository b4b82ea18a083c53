"""Rule patterns as authors write them → one compiled regex: case-insensitive, word-bounded,
and tolerant of line breaks and repeated spaces wherever the pattern has a space."""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from lint.compiled import pattern_cache
from lint.compiled import compile as cached_regex
from lint.rules import redos

FLAGS = regex.IGNORECASE | regex.VERSION0
#: Time budget (CPU seconds) for one search of a rule's pattern, plus SECONDS_PER_MB for each
#: megabyte searched: a slower search is a broken rule (nested repeats), not a slow page.
#: The slowest bundled pattern scans about 5 MB a second.
TIMEOUT_SECONDS = 2.0
SECONDS_PER_MB = 2.0


# Escapes and character classes pass through whole; runs of spaces outside them become \s+.
_TOKEN = cached_regex(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]| +|[^\\\[ ]+|.", regex.DOTALL)


@lru_cache(maxsize=8192)
def flexible_spaces(pattern: str) -> str:
    """Replace each run of literal spaces outside a character class with `\\s+`; a space with a
    quantifier after it keeps its meaning: `100 ?%` is an optional space, not a lazy `\\s+?`,
    and ` *`, ` +`, ` {2}` count whitespace characters."""
    return _TOKEN.sub(_space, pattern)


def _space(m: "regex.Match[str]") -> str:
    if m.group(0)[0] != " ":
        return m.group(0)
    after = m.string[m.end():m.end() + 1]
    if after == "?":
        return r"(?:\s+)"  # the "?" that follows makes the whole run optional
    return r"\s" if after in ("*", "+", "{") else r"\s+"  # the author's own count of spaces


def check_patterns(patterns: Iterable[str]) -> None:
    """Raise the ValueError compile_patterns would, without building the regex once this
    machine's cache has seen the list compile (building it is most of a warm start)."""
    patterns = list(patterns)
    joined = "\x1f".join(patterns) if all(isinstance(p, str) for p in patterns) else None
    if joined is None or not pattern_cache().derived("compiles", joined, lambda _: _compiles(patterns)):
        compile_patterns(patterns)


def warm_patterns(patterns: list[str]) -> None:
    """Put the list's compiled regex in the on-disk cache, unless it is there already (then
    nothing is built: warming a warm cache costs a few lookups)."""
    cache, joined = pattern_cache(), "\x1f".join(patterns)
    if cache.derived("compiles", joined, lambda _: _compiles(patterns)):
        cache.derived("problems", joined, lambda _: _first_problem(patterns))
        if cache.holds(cache.derived("body", joined, lambda _: _bounded_body(patterns)), FLAGS):
            return
    compile_patterns(patterns)


def _compiles(patterns: list[str]) -> bool:
    try:
        compile_patterns(patterns)
    except ValueError:
        return False
    return True


def compile_patterns(patterns: Iterable[str], *, bounded: bool = True) -> regex.Pattern[str]:
    """One regex matching any of `patterns`; raises ValueError naming the pattern at fault
    (one that does not compile, matches empty text or can take exponential time).

    The patterns are compiled together, once; only when that fails or matches empty
    text is each compiled alone to say which one is at fault (compiling is most of
    start-up time).
    """
    patterns = list(patterns)
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern.strip():
            raise ValueError(f"empty pattern {pattern!r}")
    joined = "\x1f".join(patterns)  # the list as one cache key: a warm start rewrites no pattern
    if problem := pattern_cache().derived("problems", joined, lambda _: _first_problem(patterns)):
        raise ValueError(problem)
    if bounded:
        body = pattern_cache().derived("body", joined, lambda _: _bounded_body(patterns))
    else:
        body = "|".join(f"(?:{flexible_spaces(p)})" for p in patterns)
    try:
        combined = pattern_cache().compile(body, FLAGS)
    except regex.error:
        combined = None
    if combined is None or combined.fullmatch(""):
        _blame(patterns)
    return combined


def _first_problem(patterns: list[str]) -> str:
    """Why the first pattern that can take exponential time is refused ("" if none is)."""
    for pattern in patterns:
        if problem := redos.problem(flexible_spaces(pattern)):
            return f"pattern {pattern!r} {problem}"
    return ""


def _bounded_body(patterns: list[str]) -> str:
    """The patterns as whole words. Those that surely start and end with a word character
    share one `\\b…\\b`: the engine rejects most positions at once, before trying any
    alternative (or a costly lookbehind). The others keep lookarounds, which are exact."""
    from lint.compiled import pattern_cache
    from lint.rules.anchors import first_chars, word_edges

    groups: dict[tuple[bool, bool], list[str]] = {}
    for pattern in map(flexible_spaces, patterns):
        edges = tuple(pattern_cache().derived("edges", pattern, word_edges))
        if pattern.startswith("(?<"):  # a leading lookbehind: test one first character before it
            first = pattern_cache().derived("first", pattern, first_chars)
            pattern = f"(?=[{first}]){pattern}" if first else pattern
        groups.setdefault(edges, []).append(pattern)  # type: ignore[arg-type]
    parts = []
    for (starts, ends), members in groups.items():
        inner = "|".join(f"(?:{p})" for p in members)
        parts.append((r"\b" if starts else r"(?<!\w)") + f"(?:{inner})" + (r"\b" if ends else r"(?!\w)"))
    return "|".join(parts)


def budget(start: int, end: int) -> float:
    """Seconds one search of text[start:end] may take."""
    return TIMEOUT_SECONDS + max(end - start, 0) * SECONDS_PER_MB / 1e6


def search(pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None) -> regex.Match[str] | None:
    """`pattern.search` within the time budget (TimeoutError beyond it)."""
    end = len(text) if end is None else end
    return pattern.search(text, start, end, timeout=budget(start, end))


def finditer(pattern: regex.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
    """`pattern.finditer`, each search within its own time budget.

    The regex module counts a finditer's budget in CPU time from its first match, including
    whatever the caller does between matches; one search per match keeps the caller's work
    (and a long page's many matches) out of it.
    """
    end = len(text) if end is None else end
    pos = start
    while pos <= end:
        m = pattern.search(text, pos, end, timeout=budget(pos, end))
        if m is None:
            return
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


def without_leading_lookbehinds(pattern: str) -> str:
    """The pattern with any lookbehinds at its very start removed: it matches wherever the
    pattern does (and more), so failing it rules the pattern out. Escapes and character
    classes are respected when finding where a lookbehind ends."""
    while pattern.startswith(("(?<!", "(?<=")):
        depth, i, in_class = 0, 0, False
        while i < len(pattern):
            ch = pattern[i]
            if ch == "\\":
                i += 2
                continue
            if in_class:
                in_class = ch != "]"
            elif ch == "[":
                in_class = True
                if pattern[i + 1:i + 2] == "^":
                    i += 1
                if pattern[i + 1:i + 2] == "]":
                    i += 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        else:
            return pattern  # unbalanced: leave it to the regex compiler to complain
        pattern = pattern[i + 1:]
    return pattern


def _blame(patterns: list[str]) -> None:
    for pattern in patterns:
        try:
            single = regex.compile(flexible_spaces(pattern), FLAGS)
        except regex.error as exc:
            raise ValueError(f"bad regex {pattern!r}: {exc}") from None
        if single.fullmatch(""):
            raise ValueError(f"pattern {pattern!r} matches empty text")
    raise ValueError("the patterns do not compile together (a group name used with two meanings?)")
