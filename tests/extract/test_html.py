"""Verify the HTML extractor: source positions through markup, links, footnote markers, templates."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.extract import extract
from lint.extract.markdown import parser
from lint.models import SourceFile


def doc_for(text: str, kind: str = "html"):
    return extract(SourceFile(f"p.{kind}", f"p.{kind}", kind), text)


def links(text: str, kind: str = "html") -> list[tuple[str, str]]:
    doc = doc_for(text, kind)
    return [(doc.prose[link.start:link.end], link.href) for link in doc.links]


@pytest.mark.parametrize(
    ("src", "expect"),
    [
        ("<p>Our <b>ketamine</b> <i>cures</i> <em>fibromyalgia</em>.</p>", [(1, 27, "HL101")]),
        ("<div>\n  <p>\n    It is\n    non-addictive.\n  </p>\n</div>\n", [(4, 5, "HL112")]),
        ("<p>It&rsquo;s non&#8209;addictive</p>", [(1, 15, "HL112")]),
        ("<p title='Guaranteed relief'>x</p>", [(1, 11, "HL121")]),
        ('<meta name="description" content="A miracle treatment">', [(1, 37, "HL151")]),
        ("<title>Ketamine cures pain</title>", [(1, 17, "HL101")]),
        ("<p>cures</p><p>fibromyalgia</p>", []),
        ("<script>cures pain</script><style>/* cures pain */</style><!-- cures pain -->", []),
        ("<p>{{ x }} cures pain {% if y %}</p>", [(1, 12, "HL101")]),
    ],
)
def test_positions(assert_findings, src, expect):
    assert_findings(src, kind="html", expect=expect)


def test_crlf_positions(assert_findings):
    found = assert_findings("<p>\r\nOur infusions\r\n<b>cure</b>\r\nfibromyalgia</p>\r\n", kind="html", expect=[(3, 4, "HL101")])
    assert (found[0].end_line, found[0].end_column) == (4, 13)
    assert found[0].text == "cure</b>\r\nfibromyalgia"


def test_match_text_is_the_source_text(linter):
    (finding,) = linter.lint_text("<p>Our <b>cures</b>&nbsp;<i>fibromyalgia</i></p>", kind="html")
    assert finding.text == "cures</b>&nbsp;<i>fibromyalgia"
    assert "“cures fibromyalgia”" in finding.message


def test_links_carry_their_text_span_and_href():
    assert links('<p>See <a href="https://pubmed.ncbi.nlm.nih.gov/1/">Smith &amp; Lee</a>.</p>') == [
        ("Smith & Lee", "https://pubmed.ncbi.nlm.nih.gov/1/")]
    assert links('<a href="/a?x=1&amp;y=2">one<a href="/b">two</a>') == [("one", "/a?x=1&y=2"), ("two", "/b")]
    assert links('<a href="{{ site.url }}/p">templated</a>') == [("templated", "{{ site.url }}/p")]


def test_footnote_superscript_is_a_marker_and_a_link():
    doc = doc_for('<p>Pain fell.<sup><a href="#fn1">1</a></sup></p>')
    assert doc.prose == "Pain fell.[1]"
    assert [(doc.prose[link.start:link.end], link.href) for link in doc.links] == [("[1]", "#fn1")]
    start, end = doc.sourcemap.source_span(10, 13)
    assert doc.source[start:end] == '<sup><a href="#fn1">1</a></sup>'


def test_template_kinds_read_as_html(tmp_path, cli):
    (tmp_path / "page.njk").write_text("{% extends 'base.njk' %}\n<p>{{ name }} cures pain</p>\n")
    result = cli("page.njk")
    assert result.stdout.startswith("page.njk:2:15: HL101")


def test_markdown_parser_is_built_once():
    assert parser() is parser()


def test_example_site_page_reads_head_and_skips_scripts():
    page = Path(__file__).resolve().parents[2] / "examples" / "site" / "index.html"
    doc = doc_for(page.read_text(encoding="utf-8"))
    assert "dataLayer" not in doc.prose and "@context" not in doc.prose


def test_reading_resumes_after_skipped_and_replaced_markup():
    """Verify the reader goes on at the right place after markup it reads past the tag's end
    (raw text, skipped elements, <br> runs, footnote <sup>s), where it starts a new search."""
    page = ('<p>One<br> <BR/>Two <script>if (a<b) x("</p>")</script> three<sup>2</sup> four <code>a<b>c</b>'
            '<code>d</code></code> five</p><textarea><p>no</p></textarea><title>T &amp; U</title>'
            '<p>Six<sup><a href="#n">3</a></sup> <!-- c --> seven</p>')
    doc = doc_for(page)
    assert doc.prose == "One\n\nTwo \n\n three[2] four  five\n\nT & U\n\nSix[3]  seven"
    assert [doc.prose[link.start:link.end] for link in doc.links] == ["[3]"]
