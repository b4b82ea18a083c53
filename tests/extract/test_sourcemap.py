"""Verify prose offsets map back to exact source line:column, through replacements and deletions."""
from __future__ import annotations

from lint.extract.base import DocumentBuilder, normalise
from lint.extract.sourcemap import SourceMap, line_starts
from lint.models import SourceFile

SOURCE = SourceFile("x", "x", "text")


def test_line_starts_count_every_newline_style():
    assert line_starts("a\nb\r\nc\rd") == [0, 2, 5, 7]


def test_verbatim_positions():
    text = "one\r\ntwo three\n"
    b = DocumentBuilder(SOURCE, text)
    b.add(text, 0)
    doc = b.build()
    start = doc.prose.index("three")
    s, e = doc.sourcemap.source_span(start, start + 5)
    assert text[s:e] == "three"
    assert doc.sourcemap.line_col(s) == (2, 5)
    assert doc.sourcemap.end_line_col(e) == (2, 10)


def test_replacement_maps_to_whole_source_range():
    text = "it&rsquo;s cured"
    b = DocumentBuilder(SOURCE, text)
    b.add("it", 0)
    b.add_replacement("\u2019", 2, 9)
    b.add("s cured", 9)
    doc = b.build()
    assert doc.prose.startswith("it's cured")
    s, e = doc.sourcemap.source_span(0, 4)
    assert text[s:e] == "it&rsquo;s"
    s, e = doc.sourcemap.source_span(2, 3)
    assert text[s:e] == "&rsquo;"


def test_invisible_characters_are_dropped_but_positions_kept():
    text = "ketamine cu\u00adres pain"
    b = DocumentBuilder(SOURCE, text)
    b.add(text, 0)
    doc = b.build()
    assert doc.prose == "ketamine cures pain"
    start = doc.prose.index("cures")
    s, e = doc.sourcemap.source_span(start, start + 5)
    assert text[s:e] == "cu\u00adres"


def test_normalise_folds_lookalikes_quotes_and_spaces():
    assert normalise("\u0441ures\u00a0pain \u2014 it\u2019s \u201cnon\u2011addictive\u201d") == 'cures pain \u2014 it\'s "non-addictive"'


def test_blocks_do_not_touch():
    b = DocumentBuilder(SOURCE, "Heading\nBody text.")
    b.add("Heading", 0)
    b.end_block()
    b.add("Body text.", 8)
    doc = b.build()
    assert [doc.prose[s.start:s.end] for s in doc.blocks] == ["Heading", "Body text."]
    assert [doc.prose[s.start:s.end] for s in doc.sentences] == ["Heading", "Body text."]


def test_empty_document():
    doc = DocumentBuilder(SOURCE, "").build()
    assert doc.prose == "" and doc.blocks == () and doc.sentences == ()
    assert SourceMap([], "").source_span(0, 0) == (0, 0)
