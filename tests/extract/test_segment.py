"""Verify sentence boundaries: abbreviations, decimals, questions, closing quotes."""
from __future__ import annotations

import pytest

from lint.extract.segment import sentences
from lint.models import Span


def split(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text, [Span(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ketamine helps. It is safe.", ["Ketamine helps.", "It is safe."]),
        ("Can it cure me? No.", ["Can it cure me?", "No."]),
        ("Why wait? our team is ready", ["Why wait?", "our team is ready"]),
        ("Dr. Smith treats pain. Book now!", ["Dr. Smith treats pain.", "Book now!"]),
        ("Use e.g. ice. Then rest.", ["Use e.g. ice.", "Then rest."]),
        ("Pain fell 2.5 points in the U.S. trial.", ["Pain fell 2.5 points in the U.S. trial."]),
        ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),
        ("Noppers et al. found no effect. Sad.", ["Noppers et al. found no effect.", "Sad."]),
        ("Relief lasts... Sometimes.", ["Relief lasts...", "Sometimes."]),
        ("It works. and so on", ["It works. and so on"]),
        ("", []),
    ],
)
def test_sentences(text, expected):
    assert split(text) == expected
