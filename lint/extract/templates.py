"""Template tags and MDX code inside pages: find them and mask them out, keeping every offset.

Jinja, Nunjucks, Liquid, Hugo and Handlebars tags (`{{ … }}`, `{% … %}`, `{{< … >}}`,
`{{% … %}}`, `{# … #}`, `{{!-- … --}}`) and MDX's `import`/`export` blocks and `{…}`
expressions are not prose. The extractors parse a *masked* copy of the source in which
each such span is overwritten with a filler character (line breaks kept), so the parser
never sees them and every offset still points at the same source character. Comments
among them are returned too: suppression directives may live there.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from lint.compiled import compile as cached_regex

#: What the HTML extractor writes over a template tag: HTML reads it as ordinary space.
SPACE = " "
#: What the Markdown extractor writes: a space at a line start could turn a paragraph into
#: indented code, so Markdown gets a private-use character that it treats as a letter and
#: the extractor turns back into a space.
FILLER = "\ue000"

class _Form(NamedTuple):
    """One kind of tag: how it opens, how it closes, and how far away its close may start."""

    prefix: str  # the opener's first two characters: a cheap test before the regex
    opener: regex.Pattern[str]  # matched at a `{`
    closer: regex.Pattern[str]  # the first match after the opener ends the tag
    reach: int  # the closer must start within this many characters of the opener's end
    comment: bool = False  # its body is a comment (suppression directives may live there)


def _form(opener: str, closer: str, reach: int, comment: bool = False) -> _Form:
    prefix = opener.replace("\\", "")[:2]
    return _Form(prefix, cached_regex(opener, regex.DOTALL), cached_regex(closer, regex.DOTALL), reach, comment)


#: Template tags, tried in this order at each `{`: comments, code blocks, then any tag.
_TEMPLATE = (
    _form(r"\{\{!--", r"--\}\}", 20000, comment=True),
    _form(r"\{\{!", r"\}\}", 20000, comment=True),
    _form(r"\{\{-?\s*/\*", r"\*/\s*-?\}\}", 20000, comment=True),
    _form(r"\{\#", r"\#\}", 20000, comment=True),
    _form(r"\{%-?\s*comment\s*-?%\}", r"\{%-?\s*endcomment\s*-?%\}", 20000, comment=True),
    _form(r"\{%-?\s*highlight\b", r"\{%-?\s*endhighlight\s*-?%\}", 200000),
    _form(r"\{\{[<%]\s*(?:highlight|code)\b", r"\{\{[<%]\s*/(?:highlight|code)\s*[>%]\}\}", 200000),
    _form(r"\{\{[<%]", r"[>%]\}\}", 2000),
    _form(r"\{\{", r"\}\}", 2000),
    _form(r"\{%", r"%\}", 2000),
)
_TEMPLATE_START = cached_regex(r"\{[{%#]")
#: MDX comments, then `import`/`export` blocks and `{…}` expressions (tried at each `{` or line start).
_MDX_COMMENT = (_form(r"\{/\*", r"\*/\}", 20000, comment=True),)
_MDX_START = cached_regex(r"\{|^(?=import\b|export\b)", regex.MULTILINE)
_MDX_CODE = cached_regex(
    r"""
    ^(?:import|export)\b.*?(?=\n[ \t]*(?:\r?\n|\Z)|\Z)
    | \{(?:[^{}\n]|\n(?![ \t]*\r?\n)|\{(?:[^{}]|\{[^{}]*\})*\})*\}
    """,
    regex.VERBOSE | regex.DOTALL | regex.MULTILINE,
)
_NOT_NEWLINE = cached_regex(r"[^\r\n]")


class Comment(NamedTuple):
    """The body of a template or MDX comment: text, and the source range of the whole comment."""

    body: str
    body_start: int
    start: int
    end: int


def mask(text: str, *, filler: str = SPACE, mdx: bool = False) -> tuple[str, list[Comment]]:
    """`text` with template tags (and, for MDX, ESM and expressions) overwritten by `filler`."""
    comments: list[Comment] = []
    if "{" in text:
        text = _overwrite(text, _tags(text, _TEMPLATE_START, _TEMPLATE, comments), filler)
    if mdx and ("{" in text or "import" in text or "export" in text):
        text = _overwrite(text, _tags(text, _MDX_START, _MDX_COMMENT, comments, other=_MDX_CODE), filler)
    return text, comments


def _tags(text: str, start: regex.Pattern[str], forms: tuple[_Form, ...], comments: list[Comment], *,
          other: regex.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Source ranges of the tags in `text`, left to right, none inside another.

    At each place `start` finds, the forms are tried in order, then `other`. Each opener
    looks for the first closer after it; lazy matching would scan up to `reach` characters
    from every opener where closers are missing (quadratic on a page of openers), while
    `_Closers` searches each stretch of text for a closer only once.
    """
    closers = _Closers(text)
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := start.search(text, pos)) is not None:
        at = m.start()
        span = _form_at(text, at, forms, closers, comments)
        if span is None and other is not None and (code := other.match(text, at)) is not None and code.end() > at:
            span = (at, code.end())
        if span is None:
            pos = at + 1
        else:
            spans.append(span)
            pos = span[1]
    return spans


def _form_at(text: str, at: int, forms: tuple[_Form, ...], closers: "_Closers",
             comments: list[Comment]) -> tuple[int, int] | None:
    """The range of the first form that opens at `at` and closes within its reach."""
    for form in forms:
        opened = form.opener.match(text, at) if text.startswith(form.prefix, at) else None
        if opened is None:
            continue
        close = closers.first(form.closer, opened.end())
        if close is not None and close[0] - opened.end() <= form.reach:
            if form.comment:
                comments.append(Comment(text[opened.end():close[0]], opened.end(), at, close[1]))
            return at, close[1]
    return None


class _Closers:
    """The first match of a closer at or after an offset, remembering the last answer per closer:
    queries only move forward, so each stretch of text is searched once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._last: dict[regex.Pattern[str], tuple[int, tuple[int, int] | None]] = {}

    def first(self, closer: regex.Pattern[str], pos: int) -> tuple[int, int] | None:
        last = self._last.get(closer)
        if last is not None and last[0] <= pos and (last[1] is None or last[1][0] >= pos):
            return last[1]
        m = closer.search(self.text, pos)
        found = (m.start(), m.end()) if m else None
        self._last[closer] = (pos, found)
        return found


def _overwrite(text: str, spans: list[tuple[int, int]], filler: str) -> str:
    """`text` with each span overwritten by `filler`, line breaks kept."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(_NOT_NEWLINE.sub(filler, text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)
