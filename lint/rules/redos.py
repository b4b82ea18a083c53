"""A static check for patterns that can take exponential time (catastrophic backtracking).

Two shapes account for nearly all of them, and both are cheap to see in the parse tree:
a repeat inside a repeat with nothing to tell the rounds apart (`(a+)+`, `(\\w+\\s?)*`),
and a repeated choice whose alternatives can match the same text (`(a|aa)+`,
`(?:a|\\w)+`). A separator the inner repeat cannot match (`(?:\\w+\\s+)+`) or a possessive
or atomic repeat (`(?:a++)+`, `(?>a+)+`) makes the pattern safe. The check reads the
regex module's own parse tree (its internal parser: if that ever changes shape, the
check says nothing and the run-time budget is the only guard). It is a heuristic: the
time budget in `patterns` stays the backstop for what it does not see.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Iterator

import regex

LOG = logging.getLogger(__name__)

#: A repeat with more rounds than this may as well be unbounded.
MANY = 32
#: Characters standing for the alphabet when asking whether two parts can match the same one.
SAMPLE = ("\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`{|}~"
          "\u00a0\u00e9\u00df\u0131\u017f\u0394\u0436\u05d0\u0628\u0663\u0915\u3000\u4e2d\u2019\u201c\u2014\u00ad\u200b\u0301")

try:  # the regex module's parser; without it the check says nothing
    from regex import _regex_core as _core

    _REPEAT = _core.GreedyRepeat
    _OPAQUE = (_core.PossessiveRepeat, _core.Atomic, _core.LookAround)
    _Atom = (_core.Character, _core.Property, _core.SetBase, _core.Any)
except (ImportError, AttributeError):  # pragma: no cover - another regex release
    _core = None

NESTED = "repeats a repeat with nothing to tell the rounds apart (like (a+)+); it can take exponential time"
CHOICE = "repeats alternatives that can match the same text (like (a|aa)+); it can take exponential time"
ADVICE = ": make the inner repeat possessive (a++), the group atomic ((?>…)), or separate the rounds"


def problem(pattern: str, flags: int = regex.IGNORECASE | regex.VERSION0) -> str | None:
    """Why `pattern` may take exponential time, or None when the check sees nothing wrong."""
    try:
        tree = _parse(pattern, flags)
        for repeat in _repeats(tree):
            if _nested(repeat.subpattern):
                return NESTED + ADVICE
            if any(_ambiguous(branch) for branch in _mandatory(repeat.subpattern, _core.Branch)):
                return CHOICE + ADVICE
    except Exception:  # noqa: BLE001 - syntax or internals the check does not know: no verdict
        LOG.debug("no backtracking check for %r", pattern, exc_info=True)
    return None


def _parse(pattern: str, flags: int) -> Any:
    source = _core.Source(pattern)
    info = _core.Info(flags, source.char_type, {})
    return _core._parse_pattern(source, info)


def _children(node: Any) -> list[Any]:
    out = []
    for name in ("subpattern", "items", "branches", "yes_item", "no_item"):
        value = getattr(node, name, None)
        if value is not None:
            out += value if isinstance(value, list) else [value]
    return out


def _unbounded(node: Any) -> bool:
    """A backtracking repeat of many rounds (possessive repeats never give back)."""
    return (isinstance(node, _REPEAT) and not isinstance(node, _core.PossessiveRepeat)
            and (node.max_count is None or node.max_count > MANY))


def _repeats(node: Any) -> Iterator[Any]:
    """Every unbounded backtracking repeat in the tree."""
    if _unbounded(node):
        yield node
    for child in _children(node):
        yield from _repeats(child)


def _inner_repeats(node: Any) -> Iterator[Any]:
    """Unbounded repeats inside a repeat's body that backtracking can re-split (not behind an
    atomic group, a possessive repeat or a lookaround)."""
    for child in _children(node):
        if _unbounded(child):
            yield child
        elif not isinstance(child, _OPAQUE):
            yield from _inner_repeats(child)


def _mandatory(node: Any, kind: type) -> Iterator[Any]:
    """Nodes of `kind` that every match of `node` passes through (groups, sequences and repeats
    of at least one round opened)."""
    if isinstance(node, kind):
        yield node
    elif isinstance(node, (_core.Group, _core.Sequence)):
        for child in _children(node):
            yield from _mandatory(child, kind)
    elif isinstance(node, _REPEAT) and node.min_count >= 1:
        yield from _mandatory(node.subpattern, kind)


def _nested(body: Any) -> bool:
    """True if an inner repeat has no separator: a part every round must match, of at least one
    character, none of which the inner repeat can match."""
    if isinstance(body, _OPAQUE):
        return False
    parts = list(_parts(body))
    for inner in _inner_repeats(body):
        own = _chars_within(inner)
        if not any(_width(part) and _chars_within(part) and not _chars_within(part) & own
                   for part in parts if not _contains(inner, part) and not _contains(part, inner)):
            return True
    return False


def _parts(node: Any) -> Iterator[Any]:
    """The parts every match of `node` is made of, in order (groups and sequences opened)."""
    if isinstance(node, (_core.Group, _core.Sequence)):
        for child in _children(node):
            yield from _parts(child)
    else:
        yield node


def _width(node: Any) -> int:
    """The fewest characters `node` matches."""
    if _atom(node):
        return 1
    if isinstance(node, _core.String):
        return len(node.characters)
    if isinstance(node, (_core.Group, _core.Sequence)):
        return sum(_width(child) for child in _children(node))
    if isinstance(node, _core.Branch):
        return min((_width(b) for b in node.branches), default=0)
    if isinstance(node, _REPEAT):
        return node.min_count * _width(node.subpattern)
    return 0


def _contains(node: Any, target: Any) -> bool:
    return node is target or any(_contains(child, target) for child in _children(node))


def _atom(node: Any) -> bool:
    """A node matching exactly one character."""
    return isinstance(node, _Atom) and not getattr(node, "zerowidth", False)


@lru_cache(maxsize=None)
def _sample_ids() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each sample character (lower-cased) with the code points that stand for it in either case."""
    out = []
    for ch in SAMPLE:
        forms = {ch, *(c for c in (ch.lower(), ch.upper()) if len(c) == 1)}
        out.append((ch.lower(), tuple(ord(c) for c in forms)))
    return tuple(out)


def _chars(node: Any) -> frozenset[str]:
    """The sample characters one character node can match (case-insensitively)."""
    if isinstance(node, _core.Any):
        return frozenset(ch for ch, _ in _sample_ids() if ch != "\n" or not type(node) is _core.Any)
    return frozenset(ch for ch, ids in _sample_ids() if any(node.matches(i) for i in ids))


def _chars_within(node: Any) -> frozenset[str]:
    if _atom(node):
        return _chars(node)
    if isinstance(node, _core.String):
        return frozenset(chr(c).lower() for c in node.characters)
    return frozenset().union(*(_chars_within(child) for child in _children(node)))


def _word(node: Any) -> list[frozenset[str]] | None:
    """A fixed-length alternative as one character set per position (groups opened, lookarounds
    and other zero-width items skipped); None for anything else."""
    out: list[frozenset[str]] = []
    for item in _parts(node):
        if isinstance(item, _core.String):
            out += [frozenset({chr(c).lower()}) for c in item.characters]
        elif _atom(item):
            out.append(_chars(item))
        elif not (isinstance(item, (_core.LookAround, _core.ZeroWidthBase)) or getattr(item, "zerowidth", False)):
            return None
    return out


def _ambiguous(branch: Any) -> bool:
    """True if two alternatives can match the same text, or one can be spelled by others."""
    words = [w for w in map(_word, branch.branches) if w]
    for i, word in enumerate(words):
        others = words[:i] + words[i + 1:]
        if any(len(other) == len(word) and _overlap(other, word) for other in others):
            return True
        if _spelled(word, others):
            return True
    return False


def _overlap(a: list[frozenset[str]], b: list[frozenset[str]]) -> bool:
    return all(x & y for x, y in zip(a, b))


def _spelled(word: list[frozenset[str]], others: list[list[frozenset[str]]]) -> bool:
    """True if `word` can be matched as two or more alternatives in a row."""
    reach = {0: 0}  # position → fewest pieces that got there
    for start in range(len(word)):
        if start not in reach:
            continue
        for other in others:
            end = start + len(other)
            if end <= len(word) and _overlap(other, word[start:end]):
                reach[end] = min(reach.get(end, end), reach[start] + 1)
    return reach.get(len(word), 0) >= 2
