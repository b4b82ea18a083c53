"""Extractors: source text of one file kind → Document (prose, source map, blocks, sentences)."""
from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Callable

from lint.models import Document, SourceFile

#: Extractor name → "module:function". Adding a file kind is adding a module and a line here;
#: a module is imported only when a file of its kind is read (start-up time counts).
EXTRACTORS: dict[str, str] = {
    "text": "lint.extract.text:extract",
    "html": "lint.extract.html:extract",
    "markdown": "lint.extract.markdown:extract",
    "mdx": "lint.extract.markdown:extract_mdx",
}


@lru_cache(maxsize=None)
def extractor(kind: str) -> Callable[[SourceFile, str], Document]:
    """The extract function for a file kind."""
    module, _, function = EXTRACTORS[kind].partition(":")
    return getattr(import_module(module), function)  # type: ignore[no-any-return]


def extract(source: SourceFile, text_: str) -> Document:
    """The Document for a file, read by the extractor its kind names."""
    return extractor(source.kind)(source, text_)
