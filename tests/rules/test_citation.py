"""Verify the citation kind: which efficacy statements count as cited, and unresolved markers."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from lint.config import Settings
from lint.pipeline import Linter
from lint.rules.loader import load_ruleset
from lint.rules.sources import is_paper_link, marker_numbers

LINTER = Linter.from_settings(Settings(), ruleset=load_ruleset([str(FIXTURES / "packs" / "kinds.yaml")]))


def uncited(text: str, kind: str = "text") -> list[str]:
    return [f.message for f in LINTER.lint_text(text, kind=kind) if f.code == "XT201"]


@pytest.mark.parametrize(
    "text",
    [
        "Studies show ketamine relieves pain.",
        "Research proves it works. Book today.",
        "In our clinic, 80% of patients improve.",
        "Studies show it works.\n\nSmith et al. (2020) looked at something else entirely.",
        "Studies show it works (Ask Our Team, we will explain).",
        "Studies show it works (New Patients, 2024 special).",
        "80% of patients improve. In a separate trial of a different drug, pain scores fell over a month (Lee et al., 2020).",
    ],
)
def test_uncited(text):
    assert uncited(text)


@pytest.mark.parametrize(
    "text",
    [
        "Studies show ketamine relieves pain [1].\n\nReferences\n\n1. Smith J. Pain 2020.",
        "Studies show ketamine relieves pain.[2]\n\n[1] Lee A. A study. 2019.\n\n[2] Smith J. Pain. 2020.",
        "Studies show ketamine relieves pain (Orhurhu et al., 2019).",
        "Studies show ketamine relieves pain (Orhurhu 2019; Michelet et al. 2018).",
        "In one trial, 64% of patients responded a day later (Murrough et al., Am J Psychiatry, 2013).",
        "Weight fell by 15% on average (Wilding et al., 2021, N Engl J Med).",
        "Orhurhu et al. (2019) found a small effect, and studies show it fades.",
        "Studies show a short effect. See PMID 31082965.",
        "Studies show a short effect. This was a randomised trial of 60 adults with chronic pain (Lee et al., 2020).",
        "Studies show a short effect (doi:10.1213/ANE.0000000000004185).",
        "Studies show a short effect.¹\n\n1. Orhurhu V, et al. Anesth Analg. 2019;129(1):241-254.",
        "Research found 80% of patients improve [^1].\n\n[^1]: Smith J. Pain. 2020.",
        "Studies show a 64% response rate [2].\n\nREFERENCES\n[1] Lee A. A trial. 2019.\n[2] Smith J. Pain. 2020;1:2.",
        "No studies show that ketamine cures fibromyalgia.",
        "Do studies show that ketamine works?",
    ],
)
def test_cited_or_defused(text):
    assert uncited(text) == []


def test_unresolved_marker_is_named():
    (message,) = uncited("Studies show it works [3].\n\nReferences\n\n1. Lee A. 2019.\n\n2. Kim B. 2020.")
    assert message == "“Studies show” cites no source: [3] has no entry on the page"


def test_paper_link_counts_but_other_links_do_not():
    from lint.extract.base import DocumentBuilder
    from lint.models import SourceFile

    for href, expected in (("https://pubmed.ncbi.nlm.nih.gov/31082965/", []), ("https://example.com/blog", ["x"])):
        builder = DocumentBuilder(SourceFile("p", "p", "text"), "Studies show it works.")
        builder.add("Studies show it works.", 0)
        builder.add_link(0, 12, href)
        findings = [f for f in LINTER.lint_document(builder.build()) if f.code == "XT201" and not f.suppressed]
        assert bool(findings) == bool(expected), href


@pytest.mark.parametrize(
    ("href", "paper"),
    [
        ("https://doi.org/10.1213/ANE.0000000000004185", True),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC10630893/", True),
        ("https://journals.lww.com/anesthesia-analgesia/abstract/2019/07000/x.aspx", True),
        ("https://example.org/doi/10.1000/xyz", True),
        ("https://clinicaltrials.gov/study/NCT04436250", True),
        ("https://ourclinic.com/ketamine", False),
        ("/risks", False),
        ("mailto:a@b.c", False),
    ],
)
def test_is_paper_link(href, paper):
    assert is_paper_link(href) is paper


@pytest.mark.parametrize(("marker", "numbers"), [("1", [1]), ("1, 3", [1, 3]), ("2-4", [2, 3, 4]), ("¹²", [12])])
def test_marker_numbers(marker, numbers):
    assert marker_numbers(marker) == numbers


def test_named_markdown_footnotes():
    assert uncited("Trials found pain eased.[^trials]\n\n[^trials]: Small randomised trials.") == []
    (message,) = uncited("Trials found pain eased.[^trials]\n\nNo definitions here.")
    assert message.endswith("[^trials] has no entry on the page")


def test_a_papers_title_in_the_reference_list_is_no_claim(linter):
    text = ("Relief was short-lived [1].\n\n[1] Sigtermans MJ, et al. Ketamine produces effective and long-term "
            "pain relief in CRPS. Pain. 2009;145(3):304-311.\n")
    assert [f.code for f in linter.lint_text(text)] == []
