"""Verify, on generated pages, that findings point at exactly the claim's source text and
never at text a visitor does not read (hypothesis).

Each page is built from blocks: a claim shown to the reader in some piece of markup
(split by inline tags, entities, comments, template tags, line breaks…), a claim hidden
where no reader sees it (script, style, code, comments, URLs, attributes, front matter
keys that are data…), or filler. The generator records where every claim's words
stand. For each raw finding (rules applied, no filter): (a) the source text at its
line:col–end_line:end_col, with markup removed, has the letters of the matched prose, and
starts and ends on the match's first and last letters; (b) no prose character of the
match comes from a hidden region; (c) nothing raises. Every shown claim is found.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint import rules as engine
from lint.extract import extract
from lint.extract.base import normalise
from lint.config import Settings
from lint.models import SourceFile
from lint.pipeline import Linter

RULES = Linter.from_settings(Settings()).rules

CLAIMS = [("cures", "fibromyalgia"), ("non-addictive",), ("guaranteed", "relief"), ("miracle", "treatment"),
          ("no", "side effects")]  # the pattern has `side[- ]effects`: a space there, not any whitespace
FILLER = ["Our clinic is open on weekdays.", "Parking is behind the building.", "Call us to book a visit.",
          "The team has worked here for years."]
HTML_SEPARATORS = [" ", "\n", "&nbsp;", "&#160;", " <!-- note --> ", " {{ site.x }} ", "  \n  ", "<b></b> ", "<br>",
                   "\n<BR/>", " <wbr>"]
MD_SEPARATORS = [" ", "\n", "&nbsp;", " <!-- note --> ", " {{ site.x }} ", "   "]


@dataclass
class Page:
    """Source text under construction, with the ranges of shown and hidden claim words."""

    newline: str
    parts: list[str] = field(default_factory=list)
    shown: list[tuple[int, int]] = field(default_factory=list)
    hidden: list[tuple[int, int]] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, record: list[tuple[int, int]] | None = None) -> None:
        text = text.replace("\n", self.newline)
        if record is not None:
            record.append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _claim_text(draw, claim: tuple[str, ...], separators: list[str], wrap: list[tuple[str, str]],
                hyphens: tuple[str, ...] = ("-", "&#8209;", "&shy;", "&#x2011;")) -> str:
    words = []
    for word in claim:
        if word == "non-addictive":
            word = "non" + draw(st.sampled_from(hyphens)) + "addictive"
        before, after = draw(st.sampled_from(wrap))
        words.append(before + word + after)
    out = words[0]
    for word in words[1:]:
        out += draw(st.sampled_from(separators)) + word
    return out


HTML_WRAP = [("", ""), ("<b>", "</b>"), ("<i>", "</i>"), ("<span class=\"a\">", "</span>"), ("<em>", "</em>"),
             ("<a href=\"/x\">", "</a>"), ("<strong>", "</strong>")]
MD_WRAP = [("", ""), ("**", "**"), ("_", "_"), ("[", "](http://example.org/p)"), ("<b>", "</b>")]
PLAIN = ([" "], [("", "")])
ATTRIBUTE = ([" ", "&nbsp;", "\n"], [("", "")])
MD_ONE_LINE = ([s for s in MD_SEPARATORS if "\n" not in s], MD_WRAP)


@dataclass(frozen=True)
class Markup:
    """How to write a page of one kind: where claims are shown (with the separators and
    wrappings allowed there) and where they are hidden."""

    head: str  # up to a hidden claim
    middle: str  # from there to a shown claim
    body: str  # from there to the body
    tail: str
    filler: str
    end: str
    hyphens: tuple[str, ...]
    shown: list[tuple[str, str, tuple[list[str], list[tuple[str, str]]]]]
    hidden: list[tuple[str, str]]


HTML = Markup(
    head='<!DOCTYPE html>\n<html><head><title>Clinic</title>\n<script type="application/ld+json">{"name": "',
    middle='"}</script>\n<meta property="og:description" content="We offer ', body=' today">\n</head><body>\n',
    tail="</body></html>\n", filler="<p>{}</p>", end="\n", hyphens=("-", "&#8209;", "&shy;", "&#x2011;"),
    shown=[("<p>Our infusions ", " today.</p>", (HTML_SEPARATORS, HTML_WRAP)), ("<li>", "</li>", (HTML_SEPARATORS, HTML_WRAP)),
           ("<h2>", "</h2>", (HTML_SEPARATORS, HTML_WRAP)), ("<td>", "</td>", (HTML_SEPARATORS, HTML_WRAP)),
           ("<div>We offer ", "</div>", (HTML_SEPARATORS, HTML_WRAP)), ('<img alt="', '">', ATTRIBUTE),
           ('<span title="', '">x</span>', ATTRIBUTE), ('<meta name="description" content="', '">', ATTRIBUTE)],
    hidden=[("<script>var s = '", "';</script>"), ("<style>/* ", " */</style>"), ("<!-- ", " -->"),
            ("<p>Run <code>", "</code> now.</p>"), ("<pre>", "</pre>"), ("<template><p>", "</p></template>"),
            ('<a href="/', '">Read more</a>'), ('<p data-note="', '">Hi</p>'), ("<textarea>", "</textarea>"),
            ("{# ", " #}"), ("{{ '", "' }}"), ("<p>Text {% if '", "' %}shown{% endif %}</p>")],
)
MARKDOWN = Markup(
    head="---\ntitle: Clinic\ntags: ", middle="\nseo:\n  description: We offer ", body=" today\nlayout: post\n---\n\n",
    tail="", filler="{}", end="\n\n", hyphens=("-", "\\-", "&#8209;", "&shy;"),
    shown=[("Our infusions ", " today.", (MD_SEPARATORS, MD_WRAP)), ("- ", "", (MD_SEPARATORS, MD_WRAP)),
           ("## ", "", MD_ONE_LINE), ("> We offer ", ".", (MD_SEPARATORS, MD_WRAP)), ("| A |\n|---|\n| ", " |", PLAIN),
           ("![", "](photo.png)", PLAIN), ("See [", "](http://example.org/p).", PLAIN)],
    hidden=[("```\n", "\n```"), ("## Code\n\n    ", ""), ("Run `", "` now."), ("<!-- ", " -->"),
            ('See [here](/u "', '").'), ("<script>\nvar s = '", "';\n</script>"), ("{# ", " #}"), ("[ref]: /u '", "'")],
)


@st.composite
def pages(draw, markup: Markup) -> Page:
    page = Page(newline=draw(st.sampled_from(["\n", "\r\n"])))
    page.add(markup.head)  # JSON-LD in HTML, a front matter key that is data in Markdown: hidden
    page.add(" ".join(draw(st.sampled_from(CLAIMS))), page.hidden)
    page.add(markup.middle)  # a social card description, a front matter description: shown
    page.add(" ".join(draw(st.sampled_from(CLAIMS))), page.shown)
    page.add(markup.body)
    for _ in range(draw(st.integers(1, 8))):
        choice = draw(st.sampled_from(["shown", "shown", "hidden", "filler"]))
        claim = draw(st.sampled_from(CLAIMS))
        if choice == "filler":
            page.add(markup.filler.format(draw(st.sampled_from(FILLER))) + markup.end)
        elif choice == "shown":
            open_, close, (separators, wraps) = draw(st.sampled_from(markup.shown))
            page.add(open_)
            page.add(_claim_text(draw, claim, separators, wraps, markup.hyphens), page.shown)
            page.add(close + markup.end)
        else:
            open_, close = draw(st.sampled_from(markup.hidden))
            page.add(open_)
            page.add(" ".join(claim), page.hidden)
            page.add(close + markup.end)
    page.add(markup.tail)
    return page


# --------------------------------------------------------------------------- checks

_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_MARKUP = re.compile(r"<!--.*?-->|\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}|<[^>]*>|\]\([^)]*\)", re.S)


def source_slice(source: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The source text between two 1-based line:column positions, counted independently of lint."""
    starts, pos = [], 0
    for m in _LINES.finditer(source):
        starts.append(pos)
        pos = m.end()
        if m.end() == len(source):
            break
    return source[starts[line - 1] + column - 1:starts[end_line - 1] + end_column - 1]


def letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", normalise(text).lower())


def check_page(kind: str, page: Page) -> None:
    source = page.text
    doc = extract(SourceFile(f"page.{kind}", f"page.{kind}", kind), source)
    findings = engine.apply(RULES, doc)
    for f in findings:
        if not f.text:
            continue
        piece = source_slice(source, f.line, f.column, f.end_line, f.end_column)
        prose = doc.prose[f.start:f.end]
        assert piece == f.text
        assert letters(htmllib.unescape(_MARKUP.sub(" ", piece))) == letters(prose), (piece, prose)
        assert piece[0].lower() == prose[0].lower() and piece[-1].lower() == prose[-1].lower(), (piece, prose)
        for i in range(f.start, f.end):
            offset = doc.sourcemap.source_offset(i)
            assert not any(a <= offset < b for a, b in page.hidden), (f.code, prose, source[offset - 20:offset + 20])
    for a, b in page.shown:
        assert any(doc.sourcemap.source_span(f.start, f.end)[0] < b and a < doc.sourcemap.source_span(f.start, f.end)[1]
                   for f in findings), ("claim not found", source[a:b])


GARBAGE = [*"<>/!-&;#{}%*_[]()`|\\\"'=: \n\rabcpsx1", "cures pain", "<p>", "<script>", "</script>", "<!--", "-->",
           "---\n", "```", "&amp;", "<code>", "</code>", "<sup>", "</sup>", "{{", "}}", "{%", "%}", "<br>", "<a href=",
           "[^1]", "[^1]: ", "    ", "> ", "- ", "| ", "\t", "healthlint-disable ", "<!-- healthlint-enable -->"]
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(page=pages(HTML))
def test_html_positions_and_hidden_text(page):
    check_page("html", page)


@PROPERTY
@given(page=pages(MARKDOWN))
def test_markdown_positions_and_hidden_text(page):
    check_page("markdown", page)


@pytest.mark.parametrize("kind", ["html", "markdown", "mdx", "text"])
@settings(max_examples=150, deadline=None)
@given(text=st.lists(st.sampled_from(GARBAGE)).map("".join))
def test_any_text_extracts_without_error(kind, text):
    doc = extract(SourceFile("p", "p", kind), text)
    for f in engine.apply(RULES, doc):
        assert 1 <= f.line <= f.end_line and f.text == source_slice(text, f.line, f.column, f.end_line, f.end_column)
