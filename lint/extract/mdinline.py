"""One Markdown inline token (a paragraph, heading or cell) → prose, with exact source offsets.

markdown-it gives a block's inline `content` (its source lines, container markers and
indentation stripped) and child tokens without offsets. Each content line is located in
its source line once; then the children are walked in order with a cursor in the
content, each consuming what it stands for (text, `**`, `[`, `](url "title")`, a code
span…), so every piece of prose gets the offset it came from. Nothing is searched for
after extraction. With markdown-it's `text_join` rule off, text tokens are verbatim and
escapes and references arrive as `text_special` tokens holding their source markup.
The children are parsed here, and only for content with inline markup: markdown-it's core
`inline` rule is off, and plain content is written as the text and line breaks it would become.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable

import regex

from lint.extract.flow import Flow
from lint.extract.html import HtmlReader
from lint.extract.htmlsyntax import FOOTNOTE_SUP
from lint.extract.templates import FILLER, SPACE
from lint.compiled import compile as cached_regex

#: An inline link's destination and title after `]`: `(url "title")`, `(<url>)`; one level of parentheses.
_DESTINATION = cached_regex(
    r"""\(\s*(?P<dest><[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"""
    r"""(?:\s+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?\s*\)""",
    regex.DOTALL,
)
_REFERENCE = cached_regex(r"\[(?:[^\[\]\\]|\\.)*\]")
_SUP_OPEN = cached_regex(r"<sup\b[^>]*>$", regex.IGNORECASE)
#: Characters that start a markdown-it inline rule other than line breaks (escape, code, strikethrough,
#: emphasis, link, footnote reference, image, autolink, HTML, reference).
INLINE_MARKUP = "\\`~*_[!<&"


def has_inline_markup(content: str) -> bool:
    """False for content that parses to text and line breaks only (written without the parser).

    An `in` test per character of INLINE_MARKUP, written out: three times faster than a
    regex character class, and than the same tests in a generator (tests hold them equal)."""
    return ("\\" in content or "`" in content or "~" in content or "*" in content or "_" in content
            or "[" in content or "!" in content or "<" in content or "&" in content)


class InlineReader:
    """Walks the children of inline tokens for one document."""

    def __init__(self, flow: Flow, reader: HtmlReader, masked: str, original: str, starts: list[int],
                 parse: Callable[[str], list[Any]]) -> None:
        self.flow = flow
        self.html = reader
        self.masked = masked
        self.original = original
        self.starts = starts  # source offset of each line of `masked`
        self._parse = parse  # inline content → markdown-it's child tokens
        self._content = ""
        self._line_content: list[int] = []  # content offset where each content line starts
        self._line_source: list[int] = []  # its source offset, or -1 if it was not found verbatim
        self._hidden_until = 0
        self._row = (-1, 0)  # a table row's line start, and where its next cell may start
        self._links: list[tuple[int, str]] = []
        self._autolink = False
        self._handlers: dict[str, Callable[[Any, int], int]] = {
            "text": self._text, "text_special": self._special, "softbreak": self._newline,
            "hardbreak": self._newline, "code_inline": self._code, "html_inline": self._html,
            "link_open": self._link_open, "link_close": self._link_close, "image": self._image,
            "footnote_ref": self._footnote_ref,
        }

    def read(self, token: Any, *, cell: bool = False) -> None:
        """Write one inline token's prose; `cell` for table cells (several share a source line)."""
        self._content = token.content
        self._locate(token.content, token.map[0] if token.map else 0, cell)
        self._hidden_until = 0
        if has_inline_markup(token.content):
            self._walk(self._parse(token.content), 0)
        else:
            self._plain(token.content)
        while self._links:
            self.flow.link(*self._links.pop())

    # ------------------------------------------------------------------ content → source

    def _locate(self, content: str, first_line: int, cell: bool) -> None:
        self._line_content, self._line_source = [], []
        c = 0
        for i, piece in enumerate(content.split("\n")):
            line = first_line + i
            start = self.starts[line] if line < len(self.starts) else len(self.masked)
            end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.masked)
            source_line = self.masked[start:end]
            if cell:
                after = self._row[1] - start if self._row[0] == start else 0
                found = source_line.find(piece, after) if piece else -1
                self._row = (start, start + max(found, after) + len(piece))
            elif source_line.endswith(piece):
                found = len(source_line) - len(piece)
            elif source_line.rstrip().endswith(piece):
                found = len(source_line.rstrip()) - len(piece)
            else:
                found = source_line.find(piece)
            self._line_content.append(c)
            self._line_source.append(start + found if found >= 0 else -1 - start)
            c += len(piece) + 1

    def _source(self, c: int) -> tuple[int, bool]:
        """Source offset of content offset `c`, and whether it is exact."""
        i = bisect_right(self._line_content, c) - 1
        src = self._line_source[i]
        if src < 0:
            return -1 - src, False
        return src + c - self._line_content[i], True

    def _emit(self, start: int, end: int, text: str | None = None) -> None:
        """Write content[start:end] (or `text` standing for it) at its source position."""
        if start >= end or self._quiet(start):
            return
        src, exact = self._source(start)
        if text is None and exact:
            self.flow.verbatim(self._content[start:end], src)
            return
        src_end = self._source(end - 1)[0] + 1 if exact else self._line_end(src)
        self.flow.replacement(self._content[start:end] if text is None else text, src, src_end)

    def _line_end(self, src: int) -> int:
        i = bisect_right(self.starts, src)
        return self.starts[i] - 1 if i < len(self.starts) else len(self.masked)

    def _quiet(self, c: int) -> bool:
        return c < self._hidden_until or self._autolink or self.html.skipping

    def _plain(self, content: str) -> None:
        """Write content without inline markup as its tokens would be: each line's text, then its
        line break. As in markdown-it's newline rule, the spaces before a break are not text, nor
        are the spaces and tabs that start the next line."""
        lines = content.split("\n")
        start = 0
        for i, line in enumerate(lines):
            end = start + len(line)
            text_start = end - len(line.lstrip(" \t")) if i else start
            if i == len(lines) - 1:
                self._emit(text_start, end)
            else:
                self._emit(text_start, start + len(line.rstrip(" ")))
                self._emit(end, end + 1)
            start = end + 1

    # ------------------------------------------------------------------ children

    def _walk(self, children: list[Any], pos: int) -> int:
        for child in children:
            handler = self._handlers.get(child.type)
            if handler is not None:
                pos = handler(child, pos)
            elif child.markup:  # emphasis, strong, strikethrough: consume the delimiter
                i = self._content.find(child.markup, pos)
                pos = i + len(child.markup) if i >= 0 else pos
        return pos

    def _text(self, token: Any, pos: int) -> int:
        i = self._content.find(token.content, pos)
        if i < 0:
            return pos
        self._emit(i, i + len(token.content))
        return i + len(token.content)

    def _special(self, token: Any, pos: int) -> int:
        """An escape (`\\*`) or a reference (`&amp;`): its text stands for its markup."""
        i = self._content.find(token.markup, pos)
        if i < 0:
            return pos
        self._emit(i, i + len(token.markup), token.content)
        return i + len(token.markup)

    def _newline(self, token: Any, pos: int) -> int:
        i = self._content.find("\n", pos)
        if i < 0:
            return pos
        self._emit(i, i + 1)
        return i + 1

    def _code(self, token: Any, pos: int) -> int:
        """Inline code is not prose: skip the backtick run, the code, and the closing run."""
        i = self._content.find(token.markup, pos)
        if i < 0:
            return pos
        close = regex.compile(rf"(?<!`){regex.escape(token.markup)}(?!`)").search(self._content, i + len(token.markup))
        return close.end() if close else i + len(token.markup)

    def _html(self, token: Any, pos: int) -> int:
        i = self._content.find(token.content, pos)
        if i < 0:
            return pos
        end = i + len(token.content)
        if self._quiet(i):
            return end
        if _SUP_OPEN.match(token.content) and (sup := FOOTNOTE_SUP.match(self._content, i)):
            marker = "[" + "".join(sup.group("n").split()) + "]"
            self._emit(i, sup.end(), marker)
            self._hidden_until = sup.end()
            return end
        src, exact = self._source(i)
        src_end = self._source(end - 1)[0] + 1 if exact else src
        fragment = self.masked[src:src_end] if exact else token.content
        self.html.feed(fragment.replace(FILLER, SPACE), src)
        return end

    def _link_open(self, token: Any, pos: int) -> int:
        if token.markup == "autolink":
            self.flow.link(self.flow.next_start, token.attrGet("href") or "")
            self._autolink = True
            i = self._content.find("<", pos)
            return i + 1 if i >= 0 else pos
        i = self._content.find("[", pos)
        self._links.append((self.flow.next_start, str(token.attrGet("href") or "")))
        return i + 1 if i >= 0 else pos

    def _link_close(self, token: Any, pos: int) -> int:
        if self._autolink:
            self._autolink = False
            i = self._content.find(">", pos)
            return i + 1 if i >= 0 else pos
        start, href = self._links.pop() if self._links else (self.flow.next_start, "")
        i = self._content.find("]", pos)
        pos = i + 1 if i >= 0 else pos
        dest = _DESTINATION.match(self._content, pos)
        if dest is not None:
            if FILLER in dest.group("dest"):  # a template tag in the URL: keep it as written
                a, b = self._source(dest.start("dest"))[0], self._source(dest.end("dest") - 1)[0] + 1
                href = self.original[a:b].strip("<>")
            pos = dest.end()
        elif reference := _REFERENCE.match(self._content, pos):
            pos = reference.end()
        self.flow.link(start, href)
        return pos

    def _image(self, token: Any, pos: int) -> int:
        """An image's alt text is prose of its own (an aside); its URL and title are not."""
        i = self._content.find("![", pos)
        if i < 0:
            return pos
        self.flow.start_capture()
        pos = self._walk(token.children or [], i + 2)
        alt = self.flow.stop_capture()
        if not self._quiet(i):
            self.flow.aside(alt)
        i = self._content.find("]", pos)
        pos = i + 1 if i >= 0 else pos
        dest = _DESTINATION.match(self._content, pos) or _REFERENCE.match(self._content, pos)
        return dest.end() if dest else pos

    def _footnote_ref(self, token: Any, pos: int) -> int:
        """A footnote reference stays as written, `[^1]`, for the citation rule to read."""
        marker = f"[^{token.meta.get('label', '')}]"
        i = self._content.find(marker, pos)
        if i < 0:
            return pos
        self._emit(i, i + len(marker))
        return i + len(marker)
