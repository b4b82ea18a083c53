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

_TEMPLATE = cached_regex(
    r"""
    (?P<comment>
        \{\{!--(?P<c1>.{0,20000}?)--\}\}
      | \{\{!(?P<c2>.{0,20000}?)\}\}
      | \{\{-?\s*/\*(?P<c3>.{0,20000}?)\*/\s*-?\}\}
      | \{\#(?P<c4>.{0,20000}?)\#\}
      | \{%-?\s*comment\s*-?%\}(?P<c5>.{0,20000}?)\{%-?\s*endcomment\s*-?%\}
    )
    | (?P<code>
        \{%-?\s*highlight\b.{0,200000}?\{%-?\s*endhighlight\s*-?%\}
      | \{\{[<%]\s*(?:highlight|code)\b.{0,200000}?\{\{[<%]\s*/(?:highlight|code)\s*[>%]\}\}
    )
    | \{\{[<%].{0,2000}?[>%]\}\}
    | \{\{.{0,2000}?\}\}
    | \{%.{0,2000}?%\}
    """,
    regex.VERBOSE | regex.DOTALL,
)
_MDX = cached_regex(
    r"""
    (?P<comment>\{/\*(?P<c1>.{0,20000}?)\*/\})
    | ^(?:import|export)\b.*?(?=\n[ \t]*(?:\r?\n|\Z)|\Z)
    | \{(?:[^{}\n]|\n(?![ \t]*\r?\n)|\{(?:[^{}]|\{[^{}]*\})*\})*\}
    """,
    regex.VERBOSE | regex.DOTALL | regex.MULTILINE,
)
_NOT_NEWLINE = cached_regex(r"[^\r\n]")
_BODIES = ("c1", "c2", "c3", "c4", "c5")


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
        text = _overwrite(text, _TEMPLATE, filler, comments)
        if mdx:
            text = _overwrite(text, _MDX, filler, comments)
    return text, comments


def _overwrite(text: str, pattern: regex.Pattern[str], filler: str, comments: list[Comment]) -> str:
    out: list[str] = []
    pos = 0
    for m in pattern.finditer(text):
        if m.group("comment"):
            body = next(g for g in _BODIES if g in pattern.groupindex and m.group(g) is not None)
            comments.append(Comment(m.group(body), m.start(body), m.start(), m.end()))
        out.append(text[pos:m.start()])
        out.append(_NOT_NEWLINE.sub(filler, m.group()))
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)
