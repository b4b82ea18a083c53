"""Verify the dev-set script: its marker parser, its scoring, and the packs' figures on tests/devset."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("devset", ROOT / "scripts" / "devset.py")
devset = importlib.util.module_from_spec(_spec)
sys.modules["devset"] = devset
_spec.loader.exec_module(devset)


# --------------------------------------------------------------------------- parser


def test_markers_are_stripped_and_spans_point_into_the_clean_text():
    page = devset.parse_page("Our infusions [[cure|cure fibromyalgia]] fast. [[ok|No side effects? No.]]\n")
    assert page.text == "Our infusions cure fibromyalgia fast. No side effects? No.\n"
    cure, ok = page.labels
    assert cure.categories == ("cure",) and page.text[cure.start:cure.end] == "cure fibromyalgia"
    assert ok.is_ok and page.text[ok.start:ok.end] == "No side effects? No."


def test_a_label_may_carry_several_categories():
    page = devset.parse_page("A [[cure, guarantee|guaranteed cure]].")
    assert page.labels[0].categories == ("cure", "guarantee")
    assert page.text == "A guaranteed cure."


def test_metadata_lines_are_removed_and_read():
    page = devset.parse_page("%% expect: missing_cost, missing_off_label\n%% jurisdiction: uk\nWe offer [[hype|miracle cures]].\n")
    assert page.text == "We offer miracle cures.\n"
    assert page.expect == ("missing_cost", "missing_off_label")
    assert page.jurisdictions == ("uk",)
    assert page.text[page.labels[0].start:page.labels[0].end] == "miracle cures"


def test_offsets_stay_right_after_several_markers_on_several_lines():
    page = devset.parse_page("[[hype|Miracle]] one.\nTwo [[urgency|act now]].\n[[ok|Three.]]")
    assert [page.text[l.start:l.end] for l in page.labels] == ["Miracle", "act now", "Three."]
    assert page.line_of(page.labels[1].start) == 2


@pytest.mark.parametrize(
    "source",
    ["An [[ok|unclosed label.", "A stray ]] closer.", "[[ok,cure|mixed]]", "%% colour: blue\ntext"],
)
def test_bad_markup_is_an_error(source):
    with pytest.raises(devset.DevsetError):
        devset.parse_page(source)


# --------------------------------------------------------------------------- scoring


def _score(source, hits):
    page = devset.parse_page(source)
    report = devset.Report()
    devset.score(page, [devset.Hit(c, "HL0", page.text.index(t), page.text.index(t) + len(t), t) for c, t in hits], report)
    return report


def test_a_finding_of_the_labelled_category_overlapping_the_label_is_a_true_positive():
    report = _score("It [[cure|cures pain]] today.", [("cure", "cures")])
    t = report.tallies["cure"]
    assert (t.labels, t.found, t.fp, t.fn) == (1, 1, 0, 0)


def test_a_finding_of_another_category_is_a_false_positive_and_the_label_a_false_negative():
    report = _score("It [[cure|cures pain]] today.", [("hype", "cures")])
    assert report.tallies["cure"].fn == 1 and report.tallies["hype"].fp == 1


def test_a_finding_in_an_ok_sentence_is_a_false_positive():
    report = _score("[[ok|It does not cure pain.]]", [("cure", "cure pain")])
    assert report.tallies["cure"].fp == 1 and report.ok_violated == 1
    assert report.misses[0].note.startswith("inside an [[ok")


def test_document_level_findings_count_against_expect_lines():
    report = _score("%% expect: missing_cost\nBook now.", [("missing_cost", ""), ("missing_off_label", "")])
    assert report.tallies["missing_cost"].found == 1 and report.tallies["missing_cost"].fp == 0
    assert report.tallies["missing_off_label"].fp == 1
    report = _score("%% expect: missing_cost\nBook now.", [])
    assert report.tallies["missing_cost"].fn == 1


def test_check_fails_a_category_with_enough_labels_below_threshold():
    page = "".join(f"[[hype|miracle {i}]] " for i in range(5))
    report = _score(page, [])
    assert any(f.startswith("hype: recall") for f in report.failures())
    small = _score("[[hype|miracle]]", [])
    assert not any(f.startswith("hype") for f in small.failures())  # fewer than 5 labels: overall only


# --------------------------------------------------------------------------- the packs on the dev set


@pytest.fixture(scope="module")
def report():
    return devset.evaluate()


def test_devset_is_big_enough(report):
    claims = report.overall.labels
    assert claims >= 100, f"only {claims} labelled claims"
    assert report.ok_labels >= 50, f"only {report.ok_labels} [[ok|…]] sentences"
    categories = {c for c, t in report.tallies.items() if t.labels and not c.startswith("missing_")}
    assert len(categories) == 10, f"claim categories with labels: {sorted(categories)}"


def test_devset_precision_and_recall_hold(report):
    failures = report.failures()
    assert not failures, "\n".join(failures) + "\n\n" + devset.format_misses(report)


def test_readme_devset_table_is_current(report):
    match = devset.README_BLOCK.search(devset.README.read_text(encoding="utf-8"))
    assert match, "README lacks the devset-table markers"
    assert match.group(2) == devset.format_table(report) + "\n", "README dev-set table is stale: run `python scripts/devset.py --readme`"


def test_script_check_exit_status(capsys):
    assert devset.main(["--check"]) == 0
    assert "| **overall** |" in capsys.readouterr().out


def test_heldout_pages_keep_precision():
    """The held-out pages (tests/heldout) are not a tuning target; only their precision is guarded."""
    held = devset.evaluate(ROOT / "tests" / "heldout")
    assert held.pages >= 50 and held.overall.labels >= 450
    assert held.overall.precision >= 0.85, devset.format_misses(held)
