"""HTML → Document: the text a visitor reads, attribute text they see or hear, links, directives.

A single forward scan with the regexes of `htmlsyntax` (no DOM): text between tags is
written verbatim (references decoded), block elements end blocks, inline elements do
not, script/style/code/template and comments are skipped. The reader keeps its state
between `feed` calls, so the Markdown extractor can hand it raw HTML piece by piece.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import regex

from lint.extract import htmlsyntax as syntax
from lint.extract import templates
from lint.extract.base import DocumentBuilder
from lint.extract.directives import Directives
from lint.extract.entities import decode, pieces
from lint.extract.flow import Flow
from lint.models import Document, SourceFile
from lint.compiled import compile as cached_regex

LOG = logging.getLogger(__name__)

KIND = "html"
_SPACES = cached_regex(r"\s+")
#: Group numbers in syntax.MARKUP and syntax.ATTRIBUTE, read for every tag: `regex` finds a
#: group by its number five times faster than by its name.
_START, _ATTRS, _END = (syntax.MARKUP.groupindex[name] for name in ("start", "attrs", "end"))
_NAME = syntax.ATTRIBUTE.groupindex["name"]
_VALUES = tuple(syntax.ATTRIBUTE.groupindex[name] for name in ("dq", "sq", "uq"))


@dataclass
class _Skip:
    """An element being skipped: its name, how deep we are in it, whether its content is raw text."""

    name: str
    raw: bool
    depth: int = 1


class HtmlReader:
    """Reads HTML text (already template-masked) into a Flow; source offsets are exact."""

    def __init__(self, flow: Flow, directives: Directives, source: str) -> None:
        self.flow = flow
        self.directives = directives
        self.source = source  # the unmasked source, for hrefs
        self._skip: _Skip | None = None
        self._link: tuple[int, str] | None = None

    @property
    def skipping(self) -> bool:
        """True inside an element whose content is not prose (so text handed in is not either)."""
        return self._skip is not None

    def feed(self, text: str, base: int) -> None:
        """Read `text`, whose character i is source character base + i."""
        pos, n = 0, len(text)
        finditer = syntax.MARKUP.finditer
        # One iterator while each tag's reading ends where the tag does (nearly always): a
        # search per tag costs more. `resume` is where the iterator goes on searching.
        matches, resume = finditer(text), 0
        builder = self.flow.builder
        while pos < n:
            if self._skip is not None:
                pos = self._skip_ahead(text, pos)
                continue
            if pos != resume:
                matches = finditer(text, pos)
            m = next(matches, None)
            start = n if m is None else m.start()
            if start > pos:
                chunk = text[pos:start]
                if not (chunk.isspace() and builder.at_block_start):  # layout between blocks
                    self.flow.html_text(chunk, base + pos)
            if m is None:
                return
            resume = m.end()
            pos = self._markup(m, text, base)

    def block_ended(self) -> None:
        """A block ended outside the HTML (a Markdown paragraph's implied `</p>`): an unclosed
        `<code>` or `<kbd>` ends with it, as a block's end tag would end it."""
        if self._skip is not None and self._skip.name in syntax.SKIPPED_INLINE:
            self._skip = None

    def finish(self) -> None:
        self._close_link()
        self.flow.end_block()

    # ------------------------------------------------------------------ tokens

    def _markup(self, m: regex.Match[str], text: str, base: int) -> int:
        kind = m.lastgroup  # the last group the match closed: which kind of markup it is
        if kind == "attrs":
            return self._start_tag(m.group(_START).lower(), m, text, base)
        if kind == "end":
            name = m.group(_END).lower()
            if name == "a":
                self._close_link()
            elif name not in syntax.INLINE:
                self.flow.end_block()
            return m.end()
        if kind == "comment":
            whole = m.group()
            body_end = len(whole) - (4 if whole.endswith("--!>") else 3 if whole.endswith("-->") else 0)
            self.directives.comment(whole[4:max(body_end, 4)], base + m.start(), base + m.end())
            return m.end()
        if kind == "unterminated":
            return len(text)  # a tag cut off by the end of the file: browsers drop it
        return m.end()  # doctype, processing instruction, CDATA, bogus comment

    def _start_tag(self, name: str, m: regex.Match[str], text: str, base: int) -> int:
        if name in syntax.SKIPPED:
            if name not in syntax.SKIPPED_INLINE:
                self.flow.end_block()
            self._skip = _Skip(name, raw=False)
            return m.end()
        if name == "br":
            return self._line_break(m, text, base)
        if name == "sup" and (footnote := syntax.FOOTNOTE_SUP.match(text, m.start())):
            return self._footnote(footnote, base)
        if name not in syntax.INLINE:
            self.flow.end_block()
        attrs = m.group(_ATTRS)
        if attrs and syntax.WANTED_ATTRIBUTE.search(attrs):
            self._attributes(name, attrs, base + m.start(_ATTRS))
        if name in syntax.RAW_TEXT:
            return self._raw_text(name, text, m.end(), base)
        return m.end()

    def _raw_text(self, name: str, text: str, pos: int, base: int) -> int:
        """Skip a raw-text element (script, style…); a <title>'s text is read as a block."""
        end = syntax.closing(name).search(text, pos)
        if name == "title":
            self.flow.html_text(text[pos:end.start() if end else len(text)], base + pos)
            self.flow.end_block()
        elif end is None:
            self._skip = _Skip(name, raw=True)
        return end.end() if end else len(text)

    def _skip_ahead(self, text: str, pos: int) -> int:
        """Move past the skipped element's end tag (counting nested ones), or to the end of text."""
        skip = self._skip
        assert skip is not None
        if skip.raw:
            end = syntax.closing(skip.name).search(text, pos)
            if end is None:
                return len(text)
            self._skip = None
            return end.end()
        for m in syntax.nested(skip.name).finditer(text, pos):
            if m.group().startswith("<!--"):
                continue
            if m.groupdict().get("block"):
                self._skip = None  # a block's end tag closes an open <code>: read it as usual
                return m.start()
            skip.depth += -1 if m.group("close") else 1
            if skip.depth == 0:
                self._skip = None
                if skip.name not in syntax.SKIPPED_INLINE:
                    self.flow.end_block()
                return m.end()
        return len(text)

    def _line_break(self, m: regex.Match[str], text: str, base: int) -> int:
        """One <br> is a line break inside the block; two or more in a row end the block."""
        more = syntax.MORE_BREAKS.match(text, m.end())
        if more and more.end() > m.end():
            self.flow.end_block()
            return more.end()
        self.flow.replacement("\n", base + m.start(), base + m.end())
        return m.end()

    def _footnote(self, m: regex.Match[str], base: int) -> int:
        """`<sup>2</sup>` (or a linked one) becomes `[2]`, as footnote markers read in every format."""
        marker = "[" + _SPACES.sub("", m.group("n")) + "]"
        self.flow.replacement(marker, base + m.start(), base + m.end())
        if m.group("attrs") is not None:
            href = self._href(m.group("attrs"), base + m.start("attrs"))
            if href is not None:
                self.flow.builder.add_link(self.flow.builder.length - len(marker), self.flow.builder.length, href)
        return m.end()

    # ------------------------------------------------------------------ attributes

    def _attributes(self, name: str, attrs: str, start: int) -> None:
        values = _values(attrs, start)
        if name == "a" and "href" in values:
            self._close_link()
            self._link = (self.flow.next_start, self._original(values["href"]))
        wanted = [key for key in syntax.TEXT_ATTRIBUTES if key in values]
        if name in syntax.ALT_ELEMENTS and "alt" in values:
            wanted.append("alt")
        if name == "input" and values.get("type", ("", 0))[0].lower() in syntax.BUTTON_INPUT_TYPES:
            wanted.append("value")
        if name == "meta" and "content" in values:
            label = values.get("name", values.get("property", ("", 0)))[0].strip().lower()
            if label in syntax.META_NAMES:
                wanted.append("content")
        for key in wanted:
            value, offset = values[key]
            if value.strip():
                self.flow.aside(list(pieces(value, offset)))

    def _href(self, attrs: str, start: int) -> str | None:
        values = _values(attrs, start)
        return self._original(values["href"]) if "href" in values else None

    def _original(self, value: tuple[str, int]) -> str:
        """An attribute value as written in the source (template tags and all), references decoded."""
        text, offset = value
        return decode(self.source[offset:offset + len(text)]).strip()

    def _close_link(self) -> None:
        if self._link is not None:
            start, href = self._link
            self._link = None
            self.flow.builder.add_link(min(start, self.flow.builder.length), self.flow.builder.length, href)


def _values(attrs: str, start: int) -> dict[str, tuple[str, int]]:
    """Attribute name → (value, source offset of the value); the first of repeated names wins."""
    values: dict[str, tuple[str, int]] = {}
    for m in syntax.ATTRIBUTE.finditer(attrs):
        key = m.group(_NAME).lower()
        if key in values:
            continue
        for group in _VALUES:
            if m.group(group) is not None:
                values[key] = (m.group(group), start + m.start(group))
                break
        else:
            values[key] = ("", start + m.end())
    return values


def extract(source: SourceFile, text: str) -> Document:
    """The Document for an HTML page (or an HTML template: template tags are not prose)."""
    masked, comments = templates.mask(text, filler=templates.SPACE)
    builder = DocumentBuilder(source, text)
    directives = Directives(text)
    for comment in comments:
        directives.comment(comment.body, comment.start, comment.end)
    reader = HtmlReader(Flow(builder), directives, text)
    reader.feed(masked, 0)
    reader.finish()
    builder.suppressions = directives.suppressions()
    return builder.build()
