"""Copy that hides a claim from a naive matcher is still caught, at its exact source position.

Rules match a normalised prose (invisible characters dropped, look-alike letters and
non-breaking or typographic punctuation folded, inline tags removed); findings point at the
source as written.
"""
from __future__ import annotations

import pytest

from tests.fuzzing import lines_of

CAUGHT = [
    # soft hyphens and zero-width characters inside words
    ("html", "<p>Ketamine cu&shy;res fibromyalgia.</p>", "HL101", "cu&shy;res fibromyalgia"),
    ("markdown", "Ketamine cu\u00adres fibromyalgia.", "HL101", "cu\u00adres fibromyalgia"),
    ("text", "Ketamine cu\u200bres fibromyalgia.", "HL101", "cu\u200bres fibromyalgia"),
    ("html", "<p>Ketamine cu&#8203;res fibro&zwj;myalgia.</p>", "HL101", "cu&#8203;res fibro&zwj;myalgia"),
    ("markdown", "Zero risk of depen\u00addence.", "HL112", "Zero risk of depen\u00addence"),
    # non-breaking spaces and hyphens
    ("html", "<p>Ketamine cures&nbsp;fibromyalgia.</p>", "HL101", "cures&nbsp;fibromyalgia"),
    ("markdown", "Our infusions are 100%\u00a0safe.", "HL111", "100%\u00a0safe"),
    ("html", "<p>Our infusions are non&#8209;addictive.</p>", "HL112", "non&#8209;addictive"),
    # curly apostrophes and typographic hyphens
    ("text", "Health Canada\u2013approved ketamine therapy for depression.", "HL501",
     "Health Canada\u2013approved ketamine therapy for depression"),
    ("text", "You\u2019ll be pain\u2011free for life.", "HL102", "pain\u2011free for life"),
    # homoglyphs: Cyrillic letters and full-width Latin
    ("text", "Ketamine \u0441ures fibromyalgia.", "HL101", "\u0441ures fibromyalgia"),
    ("html", "<p>Results are guar\u0430nteed.</p>", "HL121", "Results are guar\u0430nteed"),
    ("html", "<p>Ketamine is \uff26\uff24\uff21 approved for fibromyalgia.</p>", "HL501",
     "Ketamine is \uff26\uff24\uff21 approved for fibromyalgia"),
    # a claim split by inline markup
    ("html", "<p>Ketamine <b>cures</b> <i>fibromyalgia</i>.</p>", "HL101", "cures</b> <i>fibromyalgia"),
    ("markdown", "Ketamine **cures** _fibromyalgia_.", "HL101", "cures** _fibromyalgia"),
    ("html", "<p>There is <em>no</em> <strong>risk of addiction</strong>.</p>", "HL112",
     "no</em> <strong>risk of addiction"),
]


def _source_slice(source: str, f) -> str:
    starts, offset = [], 0
    for line in lines_of(source):
        starts.append(offset)
        offset = source.index(line, offset) + len(line)
        while offset < len(source) and source[offset] in "\r\n":
            offset += 1
    return source[starts[f.line - 1] + f.column - 1:starts[f.end_line - 1] + f.end_column - 1]


@pytest.mark.parametrize(("kind", "source", "code", "text"), CAUGHT, ids=[c[1][:40] for c in CAUGHT])
def test_disguised_claims_are_caught_at_their_source_position(linter, kind, source, code, text):
    found = [f for f in linter.lint_text(source, kind=kind) if f.code == code and not f.suppressed]
    assert [f.text for f in found] == [text]
    assert _source_slice(source, found[0]) == text


@pytest.mark.parametrize("source", [
    "Ketamine doesn\u2019t cure fibromyalgia.",
    "Ketamine does\u00a0not cure fibromyalgia.",
    "Ketamine isn\u2019t a c\u0443re for fibromyalgia.",
    "Ketamine does not <b>cure</b> fibromyalgia.",
])
def test_disguised_denials_are_still_denials(linter, source):
    kind = "html" if "<" in source else "text"
    assert [f.code for f in linter.lint_text(source, kind=kind) if not f.suppressed] == []
