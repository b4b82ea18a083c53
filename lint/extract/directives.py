"""Suppression directives (`healthlint-disable HL101 -- reason`) in comments → Suppression list.

Extractors hand over the body of every comment they skip; this module alone knows the
grammar, pairs `disable` with `enable`, and records directives it cannot read (as
Suppressions with `error` set) so the run can warn about them instead of guessing.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

from lint.extract.sourcemap import line_starts
from lint.models import Suppression
from lint.compiled import compile as cached_regex

FORMS = ("disable", "enable", "disable-next-line", "disable-file")
EVERYWHERE = ((1, 1), (10**9, 10**9))

#: A comment that means to be a directive: starts with healthlint- (or a near miss of it).
_ATTEMPT = cached_regex(r"\s*healthlint(?:-|:|\s+(?=(?:dis|en)able))", regex.IGNORECASE)
_DIRECTIVE = cached_regex(
    r"\s*healthlint-(?P<form>disable-next-line|disable-file|disable|enable)(?=\s|$)"
    r"(?P<codes>(?:(?!--).)*)(?:--(?P<reason>.*))?",
    regex.DOTALL,
)
_CODE = cached_regex(r"[A-Za-z]{1,5}[0-9]{2,4}")
_SEPARATORS = cached_regex(r"[\s,]+")


class Directive(NamedTuple):
    """One directive as written: its form, codes ("" = every code), reason and source range."""

    form: str
    codes: tuple[str, ...]
    reason: str
    start: int
    end: int
    error: str = ""


def parse(body: str, start: int, end: int) -> Directive | None:
    """The directive in a comment body, None if the comment is not one, or one with `error` set."""
    if not _ATTEMPT.match(body):
        return None
    m = _DIRECTIVE.match(body)
    if not m:
        word = body.split()[0] if body.split() else body
        return Directive("", (), "", start, end, f"unknown directive {word!r}; expected "
                         + ", ".join(f"healthlint-{f}" for f in FORMS))
    codes = tuple(c for c in _SEPARATORS.split(m.group("codes").strip()) if c)
    bad = [c for c in codes if not _CODE.fullmatch(c)]
    if bad:
        return Directive(m.group("form"), (), "", start, end,
                         f"{bad[0]!r} is not a rule code (write codes such as HL101, then `-- reason`)")
    reason = (m.group("reason") or "").strip()
    return Directive(m.group("form"), tuple(dict.fromkeys(c.upper() for c in codes)), reason, start, end)


class Directives:
    """Collects the directives of one file (in any order) and resolves them into Suppressions."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._items: list[Directive] = []

    def comment(self, body: str, start: int, end: int) -> bool:
        """Look at one comment (source range [start, end)); True if it was a directive."""
        directive = parse(body, start, end)
        if directive is not None:
            self._items.append(directive)
        return directive is not None

    def add(self, directive: Directive) -> None:
        self._items.append(directive)

    def suppressions(self) -> list[Suppression]:
        """Every directive resolved: ranges paired, unclosed ranges run to the end of the file."""
        if not self._items:
            return []
        starts = line_starts(self._source)
        out: list[Suppression] = []
        open_: list[tuple[Directive, str]] = []
        for d in sorted(self._items, key=lambda d: d.start):
            here, there = _position(starts, d.start), _end_position(starts, d.end)
            if d.error:
                out.append(_suppression(d, here, there, "", EVERYWHERE, error=d.error))
            elif d.form == "enable":
                out += _close(d, open_, here, there, starts)
            elif d.form == "disable":
                open_ += [(d, code) for code in d.codes or ("",)]
            else:
                span = EVERYWHERE if d.form != "disable-next-line" else ((there[0] + 1, 1), (there[0] + 1, 10**9))
                out += [_suppression(d, here, there, code, span) for code in d.codes or ("",)]
        for d, code in open_:
            out.append(_suppression(d, _position(starts, d.start), _end_position(starts, d.end), code,
                                    (_end_position(starts, d.end), EVERYWHERE[1])))
        return sorted(out, key=lambda s: (s.line, s.column, s.code))


def _close(enable: Directive, open_: list[tuple[Directive, str]], here: tuple[int, int], there: tuple[int, int],
           starts: list[int]) -> list[Suppression]:
    """Close the open ranges an `enable` names (all of them when it names none)."""
    out: list[Suppression] = []
    wanted = set(enable.codes)
    for item in list(open_):
        d, code = item
        if not enable.codes or code in enable.codes:
            open_.remove(item)
            wanted.discard(code)
            out.append(_suppression(d, _position(starts, d.start), _end_position(starts, d.end), code,
                                    (_end_position(starts, d.end), here)))
    for code in sorted(wanted):
        out.append(_suppression(enable, here, there, code, EVERYWHERE,
                                error=f"healthlint-enable {code} has no healthlint-disable {code} before it"))
    return out


def _suppression(d: Directive, here: tuple[int, int], there: tuple[int, int], code: str,
                 span: tuple[tuple[int, int], tuple[int, int]], *, error: str = "") -> Suppression:
    return Suppression(line=here[0], column=here[1], end_line=there[0], end_column=there[1], code=code,
                       first=span[0], last=span[1], form=d.form or "invalid", reason=d.reason, error=error)


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _end_position(starts: list[int], end: int) -> tuple[int, int]:
    """Line and column just past the last character, on the last character's line."""
    line, column = _position(starts, max(end - 1, 0))
    return line, column + 1
