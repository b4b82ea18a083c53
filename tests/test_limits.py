"""Verify that hostile or huge pages take time in proportion to their size, never quadratic time,
and that findings on a megabyte-long line do not each carry the line."""
from __future__ import annotations

import time

import pytest
import regex

from lint.models import EXCERPT
from lint.rules import patterns, words
from lint.rules.words import WordIndex
from lint.extract import extract, templates
from lint.models import SourceFile

# (name, file kind, text before, text repeated, repeats in the small run): each page is run
# at n and 4n repeats; linear time is about 4 times as long, quadratic time 16 times.
HOSTILE = [
    ("unclosed <pre> starts", "html", "<pre>", "<pre ", 20_000),
    ("</script without >", "html", "<script>", "</script ", 12_000),
    ("unclosed <code> starts", "html", "<code>", "<code ", 15_000),
    ("a run of question marks", "text", "", "?", 100_000),
    ("a directive on every line", "text", "", "healthlint-disable-next-line HL101 -- why\n", 2_500),
    ("a directive comment on every line", "html", "", "<!-- healthlint-disable-next-line HL101 -->\n", 2_500),
    ("claims in one endless sentence", "text", "", "cures fibromyalgia and ", 300),
]
#: Template tags that never close: each opener used to scan as far as its closer could be
#: (20,000 to 200,000 characters), minutes on half a megabyte of openers.
UNCLOSED_TAGS = [("{{!--", False), ("{% highlight ", False), ("{{< highlight ", False), ("{/*", True)]


def _seconds(linter, text: str, kind: str) -> float:
    started = time.perf_counter()
    linter.lint_text(text, kind=kind)
    return time.perf_counter() - started


@pytest.mark.parametrize(("name", "kind", "head", "unit", "n"), HOSTILE, ids=[case[0] for case in HOSTILE])
def test_hostile_pages_take_linear_time(linter, name, kind, head, unit, n):
    small = _seconds(linter, head + unit * n, kind)
    big = _seconds(linter, head + unit * 4 * n, kind)
    assert big < max(8 * small, 0.5), f"{name}: {small:.2f}s for n, {big:.2f}s for 4n"


@pytest.mark.parametrize(("opener", "mdx"), UNCLOSED_TAGS)
def test_unclosed_template_tags_are_masked_in_linear_time(opener, mdx):
    text = opener * (500_000 // len(opener))
    started = time.perf_counter()
    masked, comments = templates.mask(text, mdx=mdx)
    assert (masked, comments) == (text, [])
    assert time.perf_counter() - started < 5.0


def test_sentence_bitmasks_are_built_and_read_in_linear_time():
    indices = list(range(0, 1_000_000, 3))
    started = time.perf_counter()
    assert words.bit_indices(words._mask(indices)) == indices
    text = "Cures pain. " * 100_000
    index = WordIndex(extract(SourceFile("p", "p", "text"), text))
    assert [index.stretch(i).end for i in (0, 99_999)] == [len("Cures pain. Cures pain."), len(text) - 1]
    assert time.perf_counter() - started < 5.0


def test_the_time_budget_counts_the_search_not_the_callers_work(monkeypatch):
    """The regex module charges a finditer for the CPU time its caller spends between matches;
    `patterns.finditer` gives each search its own budget, so a long page is not a slow rule."""
    monkeypatch.setattr(patterns, "TIMEOUT_SECONDS", 0.2)
    pattern, text = regex.compile("a"), ("a" + "b" * 100_000) * 5

    def busy(matches) -> int:
        count = 0
        for _ in matches:
            count += 1
            stop = time.process_time() + 0.1
            while time.process_time() < stop:
                pass
        return count

    with pytest.raises(TimeoutError):
        busy(pattern.finditer(text, timeout=0.2))
    assert busy(patterns.finditer(pattern, text)) == 5


@pytest.mark.parametrize("newline", ["", "\n"])
def test_findings_on_a_huge_line_carry_an_excerpt(linter, newline):
    page = "<p>Our clinic is open on weekdays.</p>" * 3000 + "<p>Ketamine cures fibromyalgia.</p>" * 50 + newline
    findings = [f for f in linter.lint_text(page, kind="html") if f.code == "HL101"]
    assert len(findings) == 50
    for f in findings:
        assert len(f.source_line) <= 2 * EXCERPT + len(f.text)
        start = f.column - 1 - f.source_line_start
        assert f.source_line[start:start + len(f.text)] == f.text == "cures fibromyalgia"
