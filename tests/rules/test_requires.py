"""Verify the requires kind: promotion detection, disclosures, `when`, position of the finding."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from lint.config import Settings
from lint.pipeline import Linter
from lint.rules.loader import load_ruleset

LINTER = Linter.from_settings(Settings(), ruleset=load_ruleset([str(FIXTURES / "packs" / "kinds.yaml")]))


def codes(text: str) -> list[str]:
    return [f.code for f in LINTER.lint_text(text) if f.code.startswith("XT3")]


def test_promoting_page_without_disclosures():
    text = "Ketamine explained\n\nKetamine is an anaesthetic.\n\nWe offer ketamine infusions for fibromyalgia. Book today.\n"
    findings = [f for f in LINTER.lint_text(text) if f.code.startswith("XT3")]
    assert [(f.code, f.line) for f in findings] == [("XT304", 1), ("XT301", 5)]  # the title names ketamine
    side = findings[1]
    assert (side.line, side.column, side.text) == (5, 10, "")
    assert side.message == "Page promotes “ketamine infusions” but names no side effect"


def test_educational_page_promotes_nothing():
    assert codes("Ketamine infusions are studied for fibromyalgia. Effects are short-lived.\n") == []


def test_a_page_titled_with_the_treatment_that_offers_anything_promotes_it():
    assert codes("Ketamine Infusions | Harbor Clinic\n\nAbout us.\n\nOpening hours.\n\nBook today.\n") == ["XT301"]


def test_heading_over_an_offer_is_promotion():
    text = "Ketamine Infusions\n\nBook your first session today.\n"
    assert codes(text) == ["XT301"]


def test_a_price_alone_offers_nothing():
    """A news story reports what a clinic charged; a price beside an offer still promotes."""
    assert codes("Clinics under scrutiny\n\nOne ketamine clinic charged $450 per infusion.\n") == []
    assert codes("Ketamine infusions\n\nAn infusion is $450. Book today.\n") == ["XT301"]
    assert codes("Fees\n\nA ketamine infusion is $475. We work with two lenders.\n") == ["XT301"]  # the seller's voice


def test_offer_in_another_block_is_not_promotion():
    text = "Our team\n\nDr. Lee has given ketamine for surgery for many years.\n"
    assert codes(text) == []


def test_offer_far_from_the_treatment_is_not_promotion():
    text = "About us\n\nKetamine infusions are studied for pain. One. Two. Three. Four.\n\nBook today for a massage.\n"
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We offer ketamine infusions for depression. Side effects include nausea. It is off-label.", []),
        ("We offer ketamine infusions for depression. There are no side effects. It is off-label.", ["XT301"]),
        ("We offer ketamine infusions. Side effects may include dissociation.", []),
        ("We offer ketamine infusions for depression, which is not FDA-approved for that use. Nausea can occur.", []),
        ("Our clinic offers ketamine infusions for anaesthesia only. Nausea is common.", []),
    ],
)
def test_disclosures(text, expected):
    assert codes(text) == expected


def test_a_section_about_the_treatment_on_a_page_that_sells_it_promotes_it():
    about = ("Harbor Health\n\nWho we are and how we work, in a few plain words.\n\nKetamine therapy\n\n"
             "Many people ask about our work. Ketamine therapy is one option we discuss. "
             "A ketamine treatment takes an hour.\n\nParking is free.\n\n")
    assert codes(about + "Book today.\n") == ["XT301"]  # a call to action, far from the mentions
    assert codes(about + "Our clinic is on Main Street.\n") == []  # offering language, but nothing to book
