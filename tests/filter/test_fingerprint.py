"""Verify fingerprints: the same across line shifts and spacing, different when the claim or its path changes."""
from __future__ import annotations


import pytest

from lint.config import Settings
from lint.pipeline import Linter


@pytest.fixture(scope="module")
def linter() -> Linter:
    """Fingerprints are computed when a format or baseline needs them: ask for them."""
    return Linter.from_settings(Settings(), fingerprints=True)


def prints(linter, text: str, path: str = "p.txt") -> list[tuple[str, str]]:
    return [(f.code, f.fingerprint) for f in linter.lint_text(text, path=path)]


def test_moving_a_paragraph_keeps_the_fingerprint(linter):
    claim = "Our infusions cure fibromyalgia."
    assert prints(linter, claim) == prints(linter, "A new first paragraph.\n\nAnother one.\n\n" + claim)


def test_spacing_case_and_quote_style_do_not_matter(linter):
    assert prints(linter, "It cures fibromyalgia.") == prints(linter, "It CURES\n   fibromyalgia.")


def test_rewording_or_another_file_changes_it(linter):
    base = prints(linter, "It cures fibromyalgia.")
    assert base != prints(linter, "It cures fibromyalgia.", path="q.txt")
    assert base != prints(linter, "It cures chronic fibromyalgia.")


def test_repeated_claims_get_distinct_fingerprints_by_occurrence(linter):
    twice = prints(linter, "It cures fibromyalgia.\n\nIt cures fibromyalgia.")
    assert len({fp for _, fp in twice}) == 2
    assert twice[0] == prints(linter, "It cures fibromyalgia.")[0]


def test_set_aside_findings_still_count_as_occurrences(linter):
    """Negating the first copy of a claim must not renumber (and so resurface) the second."""
    both = prints(linter, "It cures fibromyalgia.\n\nIt cures fibromyalgia.")
    first_negated = prints(linter, "Nothing cures fibromyalgia.\n\nIt cures fibromyalgia.")
    assert first_negated == both[1:]


def test_text_output_skips_fingerprints():
    plain = Linter.from_settings(Settings())
    assert [f.fingerprint for f in plain.lint_text("It cures fibromyalgia.")] == [""]
    assert Linter.from_settings(Settings(format="sarif")).fingerprints is True
