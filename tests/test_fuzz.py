"""A short fuzzing run in every test run (scripts/fuzz.py runs the same targets for longer).

Hostile markup, arbitrary text and arbitrary bytes go through every extractor and the rules:
nothing may raise, every finding must lie inside its file, and the same input must give the
same findings. Inputs that once broke a run are kept in fixtures/regressions and replayed here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import KINDS, lint_both_ways, lint_bytes, pages

REGRESSIONS = Path(__file__).parent / "fixtures" / "regressions"
KIND_OF = {".txt": "text", ".html": "html", ".md": "markdown", ".mdx": "mdx"}

SHORT = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("kind", KINDS)
@SHORT
@given(data=st.data())
def test_hostile_pages(linter, kind, data):
    lint_both_ways(linter, kind, data.draw(pages(scale=0.05)))


@pytest.mark.parametrize("kind", KINDS)
@SHORT
@given(text=st.text(st.characters(codec=None), max_size=300))
def test_arbitrary_text_surrogates_included(linter, kind, text):
    lint_both_ways(linter, kind, text)


@pytest.mark.parametrize("kind", KINDS)
@SHORT
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_as_files_are_read(linter, kind, data):
    lint_bytes(linter, kind, data)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.*")), ids=lambda p: p.name)
def test_saved_regressions(linter, path):
    lint_bytes(linter, KIND_OF[path.suffix], path.read_bytes())
