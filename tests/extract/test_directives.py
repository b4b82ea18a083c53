"""Verify the directive grammar and how directives resolve into the ranges they cover."""
from __future__ import annotations

import pytest

from lint.extract.directives import Directives, parse


@pytest.mark.parametrize(
    ("body", "form", "codes", "reason"),
    [
        (" healthlint-disable ", "disable", (), ""),
        ("healthlint-disable HL101,HL112", "disable", ("HL101", "HL112"), ""),
        (" healthlint-disable-next-line hl101 HL112, HL101 -- quoting a patient ", "disable-next-line",
         ("HL101", "HL112"), "quoting a patient"),
        ("healthlint-disable-file HL151 -- archive page", "disable-file", ("HL151",), "archive page"),
        ("healthlint-enable", "enable", (), ""),
        ("healthlint-enable HL101", "enable", ("HL101",), ""),
    ],
)
def test_parses(body, form, codes, reason):
    directive = parse(body, 0, len(body))
    assert (directive.form, directive.codes, directive.reason, directive.error) == (form, codes, reason, "")


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("healthlint-disabel HL101", "unknown directive 'healthlint-disabel'"),
        ("healthlint: disable HL101", "unknown directive 'healthlint:'"),
        ("healthlint disable", "unknown directive 'healthlint'"),
        ("healthlint-disable HL10x", "'HL10x' is not a rule code"),
        ("healthlint-disable-next-line HL101 because quoted", "'because' is not a rule code"),
    ],
)
def test_malformed_directives_carry_an_error(body, error):
    assert error in parse(body, 0, len(body)).error


@pytest.mark.parametrize("body", [" a note ", "healthlint found these last year", "disable HL101"])
def test_other_comments_are_not_directives(body):
    assert parse(body, 0, len(body)) is None


def resolve(source: str) -> list[tuple]:
    directives = Directives(source)
    start = 0
    while (start := source.find("<!--", start)) >= 0:
        end = source.index("-->", start) + 3
        directives.comment(source[start + 4:end - 3], start, end)
        start = end
    return [(s.code, s.first, s.last, s.error) for s in directives.suppressions()]


def test_disable_enable_pairs_per_code():
    source = "a <!-- healthlint-disable HL101,HL112 -->\nb\n<!-- healthlint-enable HL101 -->\nc <!-- healthlint-enable -->"
    assert resolve(source) == [("HL101", (1, 42), (3, 1), ""), ("HL112", (1, 42), (4, 3), "")]


def test_unclosed_disable_runs_to_the_end_and_stray_enable_is_an_error():
    source = "<!-- healthlint-enable HL101 -->\n<!-- healthlint-disable -->"
    (stray, blanket) = resolve(source)
    assert "has no healthlint-disable HL101 before it" in stray[3]
    assert blanket == ("", (2, 28), (10**9, 10**9), "")


def test_next_line_and_file_forms():
    source = "x\n<!-- healthlint-disable-next-line HL101 -->\n<!-- healthlint-disable-file -->"
    assert resolve(source) == [("HL101", (3, 1), (3, 10**9), ""), ("", (1, 1), (10**9, 10**9), "")]


def test_next_line_counts_from_the_line_a_comment_ends_on():
    source = "<!--\n healthlint-disable-next-line HL101\n-->\nclaim"
    assert resolve(source) == [("HL101", (4, 1), (4, 10**9), "")]
