"""The word index: which sentences hold which words, and the stretches a rule searches."""
from __future__ import annotations

import random
from pathlib import Path

from lint.extract import extract
from lint.models import SourceFile, Span
from lint.rules.words import WordIndex, bit_indices

TESTS = Path(__file__).resolve().parent.parent


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and span.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, span.end))
        else:
            out.append(span)
    return out


def test_spans_are_the_joined_stretches_of_the_sentences_in_the_mask():
    rng = random.Random(7)
    for page in sorted(TESTS.glob("devset/*.txt"))[:12] + [TESTS.parent / "examples" / "site" / "index.html"]:
        kind = "html" if page.suffix == ".html" else "text"
        index = WordIndex(extract(SourceFile(str(page), page.name, kind), page.read_text(encoding="utf-8")))
        n = len(index.sentences)
        for density in (0.05, 0.3, 0.9):
            mask = sum(1 << i for i in range(n) if rng.random() < density)
            assert index.spans(mask) == _merged([index.stretch(i) for i in bit_indices(mask)]), page.name


def test_a_stretch_is_a_sentence_and_the_next_one_of_its_block():
    text = "Cures pain. Feel better.\n\nBook now. Call us."
    doc = extract(SourceFile("p", "p", "text"), text)
    index = WordIndex(doc)
    assert [doc.prose[s.start:s.end] for s in map(index.stretch, range(4))] == [
        "Cures pain. Feel better.", "Feel better.", "Book now. Call us.", "Call us."]
    assert (index.masks["cures"], index.masks["better"], index.masks["us"]) == (0b1, 0b10, 0b1000)


def test_bit_indices_small_and_long_masks():
    for indices in ([], [0], [3, 64, 65, 4095], [0, 4096, 10_000]):
        assert bit_indices(sum(1 << i for i in indices)) == indices
