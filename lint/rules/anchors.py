"""Anchors: word pieces that every match of a rule must contain, so a rule runs only where
one of them occurs (the literal prefilter that makes a few dozen regexes cheap on a site).

An anchor is a lower-case run of word characters taken from the pattern's literal text.
Every part of a sequence must match, so each part's anchors are required: a pattern keeps
its most selective parts (up to three), and a block must touch all of them. Within a part,
alternatives must each yield anchors and their union is taken; optional parts, classes,
lookarounds and anything unknown yield none. A pattern we cannot read
gets no anchors: its rule then runs everywhere, which is slower but never wrong.
"""
from __future__ import annotations

import logging
import sys
from functools import lru_cache
from typing import Any, Iterable

import regex

from lint.compiled import compile as cached_regex

if sys.version_info >= (3, 11):
    import re._constants as sre_constants
    import re._parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

LOG = logging.getLogger(__name__)

MIN_LENGTH = 3  # shorter pieces ("no", "is") are in every paragraph: no use as a filter
SLOTS = 3  # at most this many independent parts of one pattern must all be present
_WORD_CHARS = cached_regex(r"\w+")
_C = sre_constants
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())

Anchors = frozenset[str] | None
#: A rule's anchors: for each of its patterns, sets of pieces that a match must all touch
#: (one piece from each set). None: some pattern has no anchors, so the rule runs everywhere.
RuleAnchors = tuple[tuple[frozenset[str], ...], ...] | None


def required_anchors(patterns: Iterable[str]) -> RuleAnchors:
    """For each pattern, up to SLOTS sets of pieces, one of each of which every match contains."""
    from lint.compiled import pattern_cache

    from lint.rules.patterns import flexible_spaces

    cache = pattern_cache()
    out = []
    for pattern in patterns:  # as authors write them: spaces are made flexible only on a cache miss
        found = cache.derived("word-anchors", pattern, lambda p: _pattern_anchors(flexible_spaces(p)))
        if not found:
            return None
        out.append(found)
    return tuple(out) or None


@lru_cache(maxsize=4096)
def _pattern_anchors(pattern: str) -> tuple[frozenset[str], ...]:
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - regex-module syntax the stdlib parser lacks: no anchors
        LOG.debug("no anchors for %r", pattern)
        return ()
    # A rule's pattern is searched whole-word (rules/patterns.py): its ends are word edges.
    return tuple(sorted(_candidates(list(parsed), True, True), key=_score, reverse=True)[:SLOTS])


def _sequence(items: list[tuple[Any, Any]], before: bool, after: bool) -> Anchors:
    """A sequence matches only if each item does: keep the most selective item's anchors."""
    candidates = _candidates(items, before, after)
    return max(candidates, key=_score) if candidates else None


def _candidates(items: list[tuple[Any, Any]], before: bool, after: bool) -> list[frozenset[str]]:
    """Anchor sets of the parts of a sequence; each part must match, so each set is required.

    `before` and `after` tell whether the sequence surely starts and ends at a word edge;
    a piece that does on both sides must be a whole word of the text ("<kg>"), on one side
    its start ("<thing") or end ("ing>"), which keeps "thing" from firing on "something".
    """
    starts = [before]  # starts[i]: item i surely starts at a word edge
    for op, av in items:
        starts.append(_edge_after(op, av, starts[-1]))
    ends = [after]  # ends[i] (built backwards): item i surely ends at a word edge
    for op, av in reversed(items):
        ends.append(_edge_before(op, av, ends[-1]))
    ends = ends[::-1][1:]
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for i, (op, av) in enumerate(items):
        if op is _C.LITERAL:
            run.append(chr(av))
            if i + 1 == len(items) or items[i + 1][0] is not _C.LITERAL:
                candidates += _run_anchors(run, starts[i + 1 - len(run)], ends[i])
                run = []
            continue
        found = _item(op, av, starts[i], ends[i])
        if found:
            candidates.append(found)
    return list(dict.fromkeys(candidates))


def _item(op: Any, av: Any, before: bool, after: bool) -> Anchors:
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]), before, after)
    if op is _C.BRANCH:
        branches = [_sequence(list(branch), before, after) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return _minimal(set().union(*branches))  # type: ignore[arg-type]
    if op in _REPEATS:
        low, high, inner = av
        return _sequence(list(inner), before, after and high == 1) if low >= 1 else None
    if getattr(_C, "ATOMIC_GROUP", None) is op:
        return _sequence(list(av), before, after)
    return None


def _run_anchors(run: list[str], before: bool, after: bool) -> list[frozenset[str]]:
    """Each word-character piece of a literal run is required on its own, marked "<" where it
    surely starts a word and ">" where it surely ends one."""
    text = "".join(run).lower()
    out = []
    for m in _WORD_CHARS.finditer(text):
        piece = ("<" if m.start() > 0 or before else "") + m.group() + (">" if m.end() < len(text) or after else "")
        if _long_enough(piece):
            out.append(frozenset({piece}))
    return out


def core(piece: str) -> str:
    """The word characters of a piece, without its edge marks."""
    return piece.strip("<>")


def _long_enough(piece: str) -> bool:
    """Three letters at least; a whole word, which cannot hide inside other words, may be
    shorter ("kg", the "1" of "#1"), but a lone letter ("a", the "t" of "don't") is everywhere."""
    word = core(piece)
    if piece[0] == "<" and piece[-1] == ">":
        return len(word) >= 2 or word.isdigit()
    return len(word) >= MIN_LENGTH


def _score(anchors: frozenset[str]) -> tuple[int, int]:
    """Longer pieces are rarer; fewer of them are cheaper."""
    return (min(len(core(a)) for a in anchors), -len(anchors))


def _minimal(anchors: set[str]) -> frozenset[str] | None:
    """Drop pieces that another piece covers (finding "cure" already covers "<cured>")."""
    if not anchors or not all(map(_long_enough, anchors)):
        return None
    return frozenset(b for b in anchors if not any(a != b and _covers(a, b) for a in anchors))


def _covers(a: str, b: str) -> bool:
    """Whether every word holding piece `b` holds piece `a` too."""
    if a[0] == "<" and not (b[0] == "<" and core(b).startswith(core(a))):
        return False
    if a[-1] == ">" and not (b[-1] == ">" and core(b).endswith(core(a))):
        return False
    return core(a) in core(b)


def _edge_after(op: Any, av: Any, before: bool) -> bool:
    """Whether the text right after item (op, av) is surely at a word edge, given `before`."""
    if op in _ZERO_WIDTH:
        return True if _is_boundary(op, av) else before
    if op in _REPEATS and av[0] == 0:  # perhaps absent: both ways must end at an edge
        return before and _seq_edge_after(list(av[2]), False)
    return _consumes_to_edge(op, av, first=False)


def _edge_before(op: Any, av: Any, after: bool) -> bool:
    """Whether the text right before item (op, av) is surely at a word edge, given `after`."""
    if op in _ZERO_WIDTH:
        return True if _is_boundary(op, av) else after
    if op in _REPEATS and av[0] == 0:
        return after and _seq_edge_before(list(av[2]), False)
    return _consumes_to_edge(op, av, first=True)


def _seq_edge_after(items: list[tuple[Any, Any]], before: bool) -> bool:
    edge = before
    for op, av in items:
        edge = _edge_after(op, av, edge)
    return edge


def _seq_edge_before(items: list[tuple[Any, Any]], after: bool) -> bool:
    edge = after
    for op, av in reversed(items):
        edge = _edge_before(op, av, edge)
    return edge


def _consumes_to_edge(op: Any, av: Any, *, first: bool) -> bool:
    """Whether an item that consumes text surely starts (`first`) or ends with a non-word character."""
    if op is _C.LITERAL:
        return not _is_word_char(chr(av))
    if op is _C.IN:
        return all(_set_item_is_non_word(kind, value) for kind, value in av)
    if op is _C.SUBPATTERN:
        return _seq_edge(list(av[-1]), first=first)
    if getattr(_C, "ATOMIC_GROUP", None) is op:
        return _seq_edge(list(av), first=first)
    if op is _C.BRANCH:
        return all(_seq_edge(list(branch), first=first) for branch in av[1])
    if op in _REPEATS:
        return _seq_edge(list(av[2]), first=first)
    return False


def _seq_edge(items: list[tuple[Any, Any]], *, first: bool) -> bool:
    """Whether a sequence, whatever surrounds it, surely starts (`first`) or ends at a word edge."""
    return _seq_edge_before(items, False) if first else _seq_edge_after(items, False)


def _is_boundary(op: Any, av: Any) -> bool:
    """`\\b`, or the start or end of the text: a word edge wherever it holds."""
    return op is _C.AT and av in (_C.AT_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING, _C.AT_END, _C.AT_END_STRING)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _set_item_is_non_word(kind: Any, value: Any) -> bool:
    if kind is _C.LITERAL:
        return not _is_word_char(chr(value))
    if kind is _C.CATEGORY:
        return value in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_WORD)
    return False


# ----------------------------------------------------------------------------- word edges

_WORD_CATEGORIES = {getattr(_C, "CATEGORY_WORD", None), getattr(_C, "CATEGORY_DIGIT", None)}
_ZERO_WIDTH = {_C.ASSERT, _C.ASSERT_NOT, _C.AT}


def word_edges(pattern: str) -> tuple[bool, bool]:
    """Whether every match of `pattern` surely starts, and surely ends, with a word character.

    Where it does, `\\b` at that edge means exactly what `(?<!\\w)` / `(?!\\w)` means, and the
    engine checks it far faster (a leading lookbehind is tried at every position).
    Unknown constructs answer False: the slower, always-right form is kept.
    """
    try:
        items = list(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - syntax the stdlib parser lacks
        return False, False
    return _edge(items, first=True), _edge(items, first=False)


def _edge(items: list[tuple[Any, Any]], *, first: bool) -> bool:
    for op, av in items if first else reversed(items):
        if op in _ZERO_WIDTH:
            continue  # lookarounds and anchors consume nothing: look at the next item
        if op in _REPEATS and av[0] == 0:  # optional: it and whatever follows must both qualify
            if not _edge(list(av[2]), first=first):
                return False
            continue
        return _item_edge(op, av, first=first)
    return False


def _item_edge(op: Any, av: Any, *, first: bool) -> bool:
    if op is _C.LITERAL:
        return chr(av).isalnum() or chr(av) == "_"
    if op is _C.IN:
        return all(_set_item_is_word(kind, value) for kind, value in av)
    if op is _C.SUBPATTERN:
        return _edge(list(av[-1]), first=first)
    if op is _C.BRANCH:
        return all(_edge(list(branch), first=first) for branch in av[1])
    if op in _REPEATS:
        low, _high, inner = av
        return low >= 1 and _edge(list(inner), first=first)
    return False


def _set_item_is_word(kind: Any, value: Any) -> bool:
    if kind is _C.LITERAL:
        return chr(value).isalnum() or chr(value) == "_"
    if kind is _C.RANGE:
        return all(chr(c).isalnum() for c in range(value[0], value[1] + 1))
    if kind is _C.CATEGORY:
        return value in _WORD_CATEGORIES
    return False


# ----------------------------------------------------------------------------- first characters


def first_chars(pattern: str) -> str | None:
    """A character-class body holding every character a match of `pattern` can start with
    (after any leading lookarounds), or None when that cannot be told.

    Put as a lookahead before a leading lookbehind, it lets the engine reject most
    positions on one character instead of running the lookbehind everywhere.
    """
    try:
        items = list(sre_parse.parse(pattern))
    except Exception:  # noqa: BLE001 - syntax the stdlib parser lacks
        return None
    found = _first(items)
    if not found:
        return None
    chars = set()
    for ch in found:
        chars |= {ch.lower(), ch.upper()}  # the rules match case-insensitively
    return "".join(sorted(regex.escape(c) for c in chars))


def _first(items: list[tuple[Any, Any]]) -> set[str] | None:
    """First characters of a sequence: of its first item that must consume, plus optional ones before."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in _REPEATS and av[0] == 0:
            inner = _first(list(av[2]))
            if inner is None:
                return None
            found |= inner
            continue
        inner = _first_of(op, av)
        return None if inner is None else found | inner
    return None  # all optional: may match empty text


def _first_of(op: Any, av: Any) -> set[str] | None:
    if op is _C.LITERAL:
        return {chr(av)}
    if op is _C.IN:
        out = set()
        for kind, value in av:
            if kind is _C.LITERAL:
                out.add(chr(value))
            elif kind is _C.RANGE and value[1] - value[0] < 64:
                out |= {chr(c) for c in range(value[0], value[1] + 1)}
            else:
                return None  # negated sets, categories, wide ranges: give up
        return out
    if op is _C.SUBPATTERN:
        return _first(list(av[-1]))
    if op is _C.BRANCH:
        out = set()
        for branch in av[1]:
            inner = _first(list(branch))
            if inner is None:
                return None
            out |= inner
        return out
    if op in _REPEATS:
        return _first(list(av[2]))
    return None
