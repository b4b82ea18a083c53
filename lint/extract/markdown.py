"""Markdown (and MDX) → Document, with markdown-it-py for CommonMark block and inline structure.

Front matter gives its title-like values; fenced and indented code, inline code, HTML
comments and link/image URLs are skipped; raw HTML goes through the HTML reader (whose
state carries across blocks, so `<script>` … `</script>` around Markdown is skipped);
template tags and, in MDX, `import`/`export` blocks and `{…}` expressions are masked.
Footnote references stay literal (`[^1]`) and each definition is a block that starts
with its `[^1]:` marker, so the citation rule can read them.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import regex
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from lint.extract import frontmatter, templates
from lint.extract.base import DocumentBuilder
from lint.extract.directives import Directives
from lint.extract.flow import Flow
from lint.extract.html import HtmlReader
from lint.extract.mdinline import InlineReader
from lint.extract.sourcemap import line_starts
from lint.models import Document, SourceFile
from lint.compiled import compile as cached_regex

LOG = logging.getLogger(__name__)

KIND = "markdown"
MDX_KIND = "mdx"
_FOOTNOTE_MARKER = cached_regex(r"[ \t>]*(\[\^[^\]\s]+\]:[ \t]*)")
_NOT_NEWLINE = cached_regex(r"[^\n]")


#: Rules that act only where one of their markers stands, so that a page without any is
#: parsed without them, to the same tokens. markdown-it tries every block rule at each line,
#: and by CommonMark and GFM a table row holds a "|", a fence "```" or "~~~", a link
#: reference definition "[" (and so on). The core rule `normalize` rewrites every line
#: break (as a regex substitution) to turn `\r` and NUL into `\n` and U+FFFD, and returns
#: the text unchanged when it holds neither. Left out on the bench site, they cut
#: markdown-it's parse time by a fifth, mostly `normalize`, tables and references.
MARKERS: dict[str, tuple[str, ...]] = {
    "normalize": ("\r", "\0"),
    "table": ("|",),
    "fence": ("```", "~~~"),
    "blockquote": (">",),
    "html_block": ("<",),
    "heading": ("#",),
    "reference": ("[",),
    "footnote_def": ("[^",),
}


#: A thematic break ("- - -") and a setext heading's underline ("===") are alone on their
#: line: `hr` and `lheading` act only on a line that ends in one of their marks, spaces and
#: tabs aside. (`lheading` is tried before every paragraph, and failing it leaves
#: `state.parentType` at "paragraph"; only a list rule run as a terminator reads that, and
#: its caller has set it first. The tests compare the tokens.)
LINE_END_MARKS: dict[str, str] = {"hr": "-*_", "lheading": "-="}
_ENDS_A_LINE = {mark: cached_regex(regex.escape(mark) + r"[ \t]*+(?:[\r\n]|\Z)") for mark in "-*_="}


def parser_for(text: str) -> MarkdownIt:
    """The parser for `text`: without the rules whose markers it does not hold."""
    # (a marker's first character first: one character is found several times faster)
    unused = [rule for rule, markers in MARKERS.items()
              if not any(marker[0] in text and marker in text for marker in markers)]
    ends = {mark for mark, pattern in _ENDS_A_LINE.items() if mark in text and pattern.search(text)}
    unused += [rule for rule, marks in LINE_END_MARKS.items() if ends.isdisjoint(marks)]
    return parser(tuple(unused))


@lru_cache(maxsize=64)  # one per set of unused rules (8 KB each): a handful on a real site
def parser(unused: tuple[str, ...] = ()) -> MarkdownIt:
    """CommonMark with raw HTML, GitHub tables and strikethrough, and in-place footnotes,
    less the `unused` rules."""
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    footnote_plugin(md, inline=False, move_to_end=False, always_match_refs=True)
    md.disable("text_join")  # keep escapes and references as their own tokens, with their markup
    md.disable("inline")  # InlineReader parses a block's inline content itself, and only when it holds markup
    if unused:
        md.disable(list(unused))
    return md


def working_copy(text: str, *, mdx: bool) -> tuple[str, list[templates.Comment], frontmatter.FrontMatter | None]:
    """The text markdown-it parses: same length and offsets as `text`, but line breaks as
    markdown-it counts them (`\\r\\n` → ` \\n`), front matter blanked, templates masked."""
    work = text.replace("\r\n", " \n").replace("\r", "\n") if "\r" in text else text
    front = frontmatter.find(work)
    if front is not None:
        work = _NOT_NEWLINE.sub(" ", work[:front.end]) + work[front.end:]
    masked, comments = templates.mask(work, filler=templates.FILLER, mdx=mdx)
    return masked, comments, front


def extract(source: SourceFile, text: str) -> Document:
    """The Document for a Markdown page."""
    return _extract(source, text, mdx=source.kind == MDX_KIND)


def extract_mdx(source: SourceFile, text: str) -> Document:
    """The Document for an MDX page: Markdown whose ESM and `{…}` expressions are code."""
    return _extract(source, text, mdx=True)


def _extract(source: SourceFile, text: str, *, mdx: bool) -> Document:
    masked, comments, front = working_copy(text, mdx=mdx)
    builder = DocumentBuilder(source, text)
    flow = Flow(builder)
    directives = Directives(text)
    for comment in comments:
        directives.comment(comment.body, comment.start, comment.end)
    if front is not None:
        for directive in frontmatter.read(front, flow):
            directives.add(directive)
    starts = line_starts(masked)  # masked has no `\r`: lines end at `\n`, as markdown-it counts them
    builder.line_starts = starts  # and start where the source's do (`\r\n` became ` \n`, `\r` `\n`)
    html = HtmlReader(flow, directives, text)
    md, env = parser_for(masked), {}
    blocks = md.parse(masked, env)
    inline = InlineReader(flow, html, masked, text, starts, lambda content: md.inline.parse(content, md, env, []))
    _walk(blocks, masked, starts, flow, html, inline)
    html.finish()
    builder.suppressions = directives.suppressions()
    return builder.build()


def _walk(tokens: list[Any], masked: str, starts: list[int], flow: Flow, html: HtmlReader, inline: InlineReader) -> None:
    """Block tokens in order: inline content is prose, raw HTML is read as HTML, code is skipped."""
    cell = False
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if not html.skipping:
                inline.read(token, cell=cell)
            html.block_ended()
            flow.end_block()
        elif kind in ("th_open", "td_open"):
            cell = True
        elif kind in ("th_close", "td_close"):
            cell = False
        elif kind == "html_block" and token.map:
            _html_block(token, masked, starts, html)
            flow.end_block()
        elif kind == "footnote_reference_open" and token.map:
            flow.end_block()
            line = starts[token.map[0]]
            m = _FOOTNOTE_MARKER.match(masked, line)
            if m and not html.skipping:
                flow.verbatim(m.group(1), m.start(1))
        elif kind in ("fence", "code_block", "hr"):
            flow.end_block()


def _html_block(token: Any, masked: str, starts: list[int], html: HtmlReader) -> None:
    """Feed a raw HTML block to the HTML reader; container markers (`> `, list indents) become spaces."""
    first, last = token.map
    start = starts[first]
    end = starts[last] if last < len(starts) else len(masked)
    region = masked[start:end]
    content = token.content
    if region != content:
        lines = region.split("\n")
        for i, piece in enumerate(content.split("\n")[: len(lines)]):
            if piece and lines[i].endswith(piece):
                lines[i] = " " * (len(lines[i]) - len(piece)) + piece
        region = "\n".join(lines)
    html.feed(region.replace(templates.FILLER, templates.SPACE), start)
