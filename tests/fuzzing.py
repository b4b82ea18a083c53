"""Hostile inputs for fuzzing (hypothesis strategies) and the properties every run must keep.

Shared by tests/test_fuzz.py (a short run in every test run) and scripts/fuzz.py (long runs).
A page is built from pieces chosen to upset a parser: unclosed and stray markup, nested
comments, template tags, Markdown syntax, character references, mixed line breaks, NUL,
invisible and right-to-left characters, surrogates, claims, and a few generated extremes
(thousands of nested elements, huge attributes, long runs).
"""
from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

from lint.errors import InputError
from lint.extract import extract
from lint.models import Document, Finding, SourceFile
from lint.pipeline import Linter
from lint.read import decode

KINDS = ("text", "html", "markdown", "mdx")

PIECES = [
    # markup, closed, unclosed and stray
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "<a href=\"/x\">", "</a>", "<br>", "<br/>", "<sup>1</sup>",
    "<script>", "</script>", "<style>", "</style", "<code>", "</code>", "<pre>", "<template>", "<title>", "<textarea>",
    "<img alt=\"cures pain\">", "<meta name=\"description\" content=\"cures fibromyalgia\">", "<a title='",
    "<!--", "-->", "--!>", "<!-- <!-- -->", "<!---->", "<![CDATA[", "]]>", "<?xml ?>", "<!DOCTYPE html>", "<", ">",
    "</", "<a", "=\"", "'", "\"", "&", "&amp;", "&#99;", "&#x63;", "&shy;", "&nbsp;", "&#0;", "&#xD800;",
    "&#1114112;", "&rsquo;", "&#8209;",
    # templates and MDX
    "{{", "}}", "{%", "%}", "{#", "#}", "{{!--", "--}}", "{% highlight %}", "{{< x >}}", "{", "}", "{/*", "*/}",
    "import x from 'y'\n", "export const a = 1\n",
    # Markdown
    "---\n", "+++\n", "title: ", "# ", "## ", "> ", "- ", "* ", "1. ", "    ", "```", "~~~", "`", "**", "_", "[", "]",
    "(", ")", "![", "](", "[^1]", "[^1]: ", "| ", "|---|", "\\", "<http://a>",
    # line breaks, controls and invisible characters
    "\n", "\r\n", "\r", "\n\n", "\t", "\0", "\x0b", "\x0c", "\x1b[31m", "\u0085", "\u2028", "\u2029", "\ufeff",
    "\u00ad", "\u200b", "\u200d", "\u2060", "\u202e", "\u2066", "\u061c", "\u0301", "\ufe0f", "\U000e0041",
    # suppression directives, good and bad
    "healthlint-disable-next-line HL101 -- why\n", "<!-- healthlint-disable HL101 -->", "<!-- healthlint-enable -->",
    "<!-- healthlint-disable-file -->", "<!-- healthlint: nonsense -->", "{# healthlint-disable HL999 #}",
    # claims and ordinary prose, some disguised
    "cures fibromyalgia", "cu\u200bres pain", "сures pain", "non\u2011addictive", "it’s non-addictive",
    "no side effects", "guaranteed results", "100% safe", "studies show", "Ketamine infusions", "Book now.",
    "Our clinic", " ", ". ", "? ", "! ", "…", "Not", " does not ", "a", "word", "Ą", "中文", "😀",
]


def _extreme(scale: float) -> Any:
    """Generated extremes: deep nesting, huge attributes and long runs (sizes times `scale`)."""
    depth = st.integers(1, int(3000 * scale))
    return st.one_of(
        depth.map(lambda k: "<div><b>" * k + "cures fibromyalgia" + "</b></div>" * k),
        depth.map(lambda k: "<span>" * k),
        depth.map(lambda k: "> " * k + "cures pain\n"),
        depth.map(lambda k: "- " * k + "cures pain\n"),
        depth.map(lambda k: "[" * k + "cures pain" + "](x)" * (k % 7)),
        depth.map(lambda k: "*" * k + "cures pain" + "_" * k),
        depth.map(lambda k: "<!--" * k + "-->" * (k // 2)),
        st.integers(1, int(50_000 * scale)).map(lambda n: '<img alt="' + "cures pain " * (n // 11) + '">'),
        st.integers(1, int(50_000 * scale)).map(lambda n: "<a " + "x" * n),
        st.integers(1, int(20_000 * scale)).map(lambda n: "{{" * n),
    )


def pages(scale: float = 1.0) -> Any:
    """Text built from hostile pieces, arbitrary text and the odd extreme.

    A small `scale` keeps the extremes small for the test suite; the linear-time guarantees
    for really big inputs have their own tests (test_limits.py).
    """
    piece = st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.text(max_size=8), _extreme(scale))
    return st.lists(piece, max_size=40).map("".join)


def lint_both_ways(linter: Linter, kind: str, text: str) -> list[Finding]:
    """Lint `text` twice from scratch; the findings must be the same and sound."""
    first = _lint(linter, kind, text)
    assert _lint(linter, kind, text) == first, "the same input gave different findings"
    return first


def _lint(linter: Linter, kind: str, text: str) -> list[Finding]:
    doc = extract(SourceFile(f"page.{kind}", f"page.{kind}", kind), text)
    findings = linter.lint_document(doc)
    for finding in findings:
        check_position(text, doc, finding)
    return findings


def lint_bytes(linter: Linter, kind: str, data: bytes) -> list[Finding]:
    """Decode as a file is decoded, then lint; being refused as input is the only allowed failure."""
    try:
        text = decode(data, "page")
    except InputError:  # also InputNotice (binary)
        return []
    return lint_both_ways(linter, kind, text)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def lines_of(source: str) -> list[str]:
    """The source's lines without their breaks, counted as editors count them."""
    out = []
    for m in _LINE.finditer(source):
        out.append(m.group().rstrip("\r\n"))
        if m.end() == len(source):
            break
    return out or [""]


def check_position(source: str, doc: Document, f: Finding) -> None:
    """The finding lies inside the file, ends after it starts, and its text is what stands there."""
    lines = lines_of(source)
    assert 1 <= f.line <= f.end_line <= len(lines), (f.line, f.end_line, len(lines))
    assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f.column, len(lines[f.line - 1]))
    assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, (f.end_column, len(lines[f.end_line - 1]))
    assert (f.line, f.column) <= (f.end_line, f.end_column)
    assert 0 <= f.start <= f.end <= len(doc.prose)
    if f.text:
        starts = [0]
        for m in _LINE.finditer(source):
            starts.append(m.end())
        start = starts[f.line - 1] + f.column - 1
        end = starts[f.end_line - 1] + f.end_column - 1
        assert source[start:end] == f.text, (source[start:end], f.text)
        shown = f.source_line[f.column - 1 - f.source_line_start:]
        assert shown.startswith(re.split(r"\r\n|\r|\n", f.text)[0]), (shown[:80], f.text)
