"""Mechanical fixes: turn findings' replacements into edits of the source text, apply them, diff them.

Pure functions on text and findings; reading and writing files is `lint.rewrite`'s job,
and running fix passes until nothing changes is `lint.autofix`'s.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Sequence

from lint.extract.sourcemap import line_starts
from lint.models import Finding

NO_NEWLINE = "\\ No newline at end of file\n"


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source[start:end] (character offsets) with `text`, for finding `code`."""

    start: int
    end: int
    text: str
    code: str


def edits(source: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits to make, in source order, none overlapping.

    Only reported findings with a replacement count, and only if the source still holds
    their text where they point (a stale finding edits nothing). Where two edits overlap,
    the one starting first wins, then the longer, then the lower code: the same input
    always gives the same result, and the loser is reconsidered on the next pass.
    """
    starts = line_starts(source)
    candidates = []
    for f in findings:
        if f.suppressed or f.replacement is None or not f.text:
            continue
        start = _offset(starts, f.line, f.column)
        end = _offset(starts, f.end_line, f.end_column)
        if start is not None and end is not None and source[start:end] == f.text:
            candidates.append(Edit(start, end, f.replacement, f.code))
    chosen: list[Edit] = []
    for edit in sorted(candidates, key=lambda e: (e.start, -e.end, e.code)):
        if not chosen or edit.start >= chosen[-1].end:
            chosen.append(edit)
    return chosen


def _offset(starts: list[int], line: int, column: int) -> int | None:
    if not 1 <= line <= len(starts) or column < 1:
        return None
    return starts[line - 1] + column - 1


def apply(source: str, chosen: Sequence[Edit]) -> str:
    """The source with non-overlapping, sorted edits made."""
    parts, pos = [], 0
    for edit in chosen:
        parts += [source[pos:edit.start], edit.text]
        pos = edit.end
    parts.append(source[pos:])
    return "".join(parts)


def unified_diff(path: str, old: str, new: str) -> str:
    """A `git apply`-able unified diff from `old` to `new`; empty when they are equal."""
    if old == new:
        return ""
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" + NO_NEWLINE for line in lines)


def _lines(text: str) -> list[str]:
    """Lines with their endings, split only where editors split (not at form feeds or U+2028)."""
    starts = line_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)]) if b > a]
