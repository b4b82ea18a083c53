"""Verify claim context: denied, asked, supposed or attributed claims are set aside; claims stay."""
from __future__ import annotations

import pytest

from lint.extract import extract
from lint.filter.context import classify, load_triggers
from lint.models import SourceFile

TRIGGERS = load_triggers()


def contexts(sentence: str, claim: str) -> tuple[str, ...]:
    doc = extract(SourceFile("t", "t", "text"), sentence)
    start = doc.prose.index(claim)
    return classify(doc, start, start + len(claim), TRIGGERS)


@pytest.mark.parametrize(
    ("sentence", "claim", "expected"),
    [
        ("Ketamine does not cure fibromyalgia.", "cure fibromyalgia", ("negated",)),
        ("Ketamine doesn't cure fibromyalgia.", "cure fibromyalgia", ("negated",)),
        ("Can ketamine cure my fibromyalgia? No.", "cure my fibromyalgia", ("question",)),
        ("There is no cure for fibromyalgia.", "cure for fibromyalgia", ("negated",)),
        ("Anyone promising a cure for fibromyalgia is overstating the evidence.", "cure for fibromyalgia", ("attributed",)),
        ("Ketamine isn't without risks.", "without risks", ("negated",)),
        ("If larger studies confirm long-term safety, that may change.", "long-term safety", ("hypothetical",)),
        ("Be wary of clinics that promise guaranteed results.", "guaranteed results", ("attributed",)),
        ("Myth: ketamine cures fibromyalgia.", "cures fibromyalgia", ("attributed",)),
        ('Claims like "ketamine cures pain" are misleading.', "cures pain", ("attributed",)),
        ("The idea that ketamine cures depression is not supported.", "cures depression", ("negated", "attributed")),
        ("Nobody can promise no risk of addiction.", "no risk of addiction", ("negated",)),
        # claims that stay claims
        ("Ketamine won't just mask your pain — it cures it.", "cures it", ()),
        ("Why wait? Our infusions cure fibromyalgia.", "cure fibromyalgia", ()),
        ("No more pain: ketamine cures fibromyalgia.", "cures fibromyalgia", ()),
        ("Ready to be pain-free for life?", "pain-free for life", ()),
        ("Can ketamine cure fibromyalgia? Yes, for most patients.", "cure fibromyalgia", ()),
        ("Don't wait, ketamine cures fibromyalgia.", "cures fibromyalgia", ()),
        ("Not only is it fast, it cures fibromyalgia.", "cures fibromyalgia", ()),
        ("If you have tried everything, ketamine cures fibromyalgia.", "cures fibromyalgia", ()),
        ("No matter what you have tried, our infusions cure pain.", "cure pain", ()),
        ("Our infusions cure pain, not just symptoms.", "cure pain", ()),
    ],
)
def test_context(sentence, claim, expected):
    assert contexts(sentence, claim) == expected
