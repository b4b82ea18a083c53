"""Extractors: source text of one file kind → Document (prose, source map, blocks, sentences)."""
from __future__ import annotations

from typing import Callable

from lint.extract import html, markdown, text
from lint.models import Document, SourceFile

#: Extractor name → function. Adding a file kind is adding a module and a line here.
EXTRACTORS: dict[str, Callable[[SourceFile, str], Document]] = {
    text.KIND: text.extract,
    html.KIND: html.extract,
    markdown.KIND: markdown.extract,
    markdown.MDX_KIND: markdown.extract_mdx,
}


def extract(source: SourceFile, text_: str) -> Document:
    """The Document for a file, read by the extractor its kind names."""
    return EXTRACTORS[source.kind](source, text_)
