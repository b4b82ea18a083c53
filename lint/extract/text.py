"""Plain text: everything is prose; blank lines, list items and heading-like lines start blocks.

A line that is only a directive (`healthlint-disable-next-line HL101 -- reason`) is not prose.
"""
from __future__ import annotations

import regex

from lint.extract.base import DocumentBuilder
from lint.extract.directives import Directives
from lint.models import Document, SourceFile
from lint.compiled import compile as cached_regex

KIND = "text"

_LINE = cached_regex(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BULLET = cached_regex(r"\s*(?:[-*•‣◦–]|\d{1,3}[.)]|[a-z][.)])\s+\S")
_TERMINAL = cached_regex(r"[.!?:;,…\-–—(\[\"'/]\s*$")
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs with your our is are it".split())


def extract(source: SourceFile, text: str) -> Document:
    builder = DocumentBuilder(source, text)
    directives = Directives(text)
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text) if m.group(0)]
    for i, (start, line) in enumerate(lines):
        body = line.rstrip("\r\n")
        if not body.strip() or (body.lstrip().startswith("healthlint-")
                                and directives.comment(body, start, start + len(body))):
            builder.end_block()
            continue
        if _BULLET.match(body) or body.lstrip().startswith("#"):
            builder.end_block()
        builder.add(line, start)
        next_line = lines[i + 1][1] if i + 1 < len(lines) else ""
        if _is_heading(body, next_line):
            builder.end_block()
    builder.suppressions = directives.suppressions()
    return builder.build()


def _is_heading(line: str, next_line: str) -> bool:
    """A short title-case line with no closing punctuation, followed by a capitalised line."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return True
    if _BULLET.match(line):
        return False
    if len(stripped) > 70 or _TERMINAL.search(stripped) or not next_line.strip()[:1].isupper():
        return False
    words = [w for w in regex.findall(r"[^\W\d_][\w'-]*", stripped) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
