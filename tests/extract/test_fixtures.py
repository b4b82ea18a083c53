"""Verify each extractor on fixture files: a title line, then input and expected blocks between `.` lines.

The shape of markdown-it-py's `tests/test_port/fixtures/*.md`. Expected output is one
line per block of the Document, whitespace collapsed.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.extract import extract
from lint.models import SourceFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extract"
KINDS = {"html.txt": "html", "markdown.txt": "markdown", "mdx.txt": "mdx"}


def read_fixture_file(path: Path) -> list[tuple[int, str, str, str]]:
    """(line, title, input, expected) for each case in a fixture file."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cases, i = [], 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i + 1].rstrip("\n") == ".":
            title, start = lines[i].strip(), i
            parts, j, current = [], i + 2, []
            while j < len(lines) and len(parts) < 2:
                if lines[j].rstrip("\n") == ".":
                    parts.append("".join(current))
                    current = []
                else:
                    current.append(lines[j])
                j += 1
            cases.append((start + 1, title, parts[0], parts[1]))
            i = j
        else:
            i += 1
    return cases


CASES = [
    pytest.param(KINDS[path.name], source, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.txt"))
    for line, title, source, expected in read_fixture_file(path)
]


def blocks(kind: str, source: str) -> str:
    doc = extract(SourceFile(f"page.{kind}", f"page.{kind}", kind), source)
    return "".join(" ".join(doc.prose[b.start:b.end].split()) + "\n" for b in doc.blocks)


@pytest.mark.parametrize(("kind", "source", "expected"), CASES)
def test_fixture(kind, source, expected):
    assert blocks(kind, source) == expected
