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


def test_rule_can_opt_out_of_a_context(tmp_path):
    from lint.config import Settings
    from lint.pipeline import Linter
    from lint.rules.loader import load_ruleset

    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n  - code: XY101\n    name: relief-offer\n    kind: phrase\n    category: guarantee\n"
        "    severity: error\n    patterns: [guaranteed relief]\n    defused_by: [negated]\n"
        "    message: m\n    fix: f\n    examples:\n      flag: [x]\n      pass: [y]\n"
    )
    linter = Linter.from_settings(Settings(), ruleset=load_ruleset([str(pack)]))
    assert [f.code for f in linter.lint_text("Tired of pain? Want guaranteed relief?")] == ["XY101"]
    assert linter.lint_text("We offer no guaranteed relief.") == []


def test_users_extend_the_trigger_lists(cli, tmp_path):
    (tmp_path / "triggers.yaml").write_text("attributed:\n  pre:\n    - a fairy tale that\n")
    (tmp_path / ".healthlint.yaml").write_text("extend-context: [triggers.yaml]\n")
    (tmp_path / "p.txt").write_text("It is a fairy tale that ketamine cures fibromyalgia.\n")
    assert cli("p.txt").exit_code == 0
    assert cli("--isolated", "p.txt").exit_code == 1


def test_missing_trigger_file_is_a_config_error(cli, tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("extend-context: [nope.yaml]\n")
    (tmp_path / "p.txt").write_text("hello\n")
    result = cli("p.txt")
    assert result.exit_code == 2 and "nope.yaml: context trigger file not found" in result.stderr


# Triggers added for real clinic copy; each line is the case that made the trigger necessary.
ADDED_TRIGGERS = [
    # negation: "rarely", "seldom" deny as "not" does (NegEx lists them too)
    ("Insurance rarely covers ketamine infusions for depression.", "covers ketamine infusions", ("negated",)),
    ("Off-label infusions are seldom covered by insurance.", "covered by insurance", ("negated",)),
    ("A pill that works instantly does not exist.", "works instantly", ("negated",)),
    ("Treating the root cause of fibromyalgia is not possible.", "Treating the root cause", ("negated",)),
    # pseudo-trigger: "no one else" boasts, it does not deny
    ("No one else offers guaranteed results like ours.", "guaranteed results", ()),
    ("Nobody else gives you lasting relief.", "lasting relief", ()),
    # hypothetical: looking for something is not having it; uncertainty is not a claim
    ("Many patients come to us looking for a cure for fibromyalgia.", "cure for fibromyalgia", ("hypothetical",)),
    ("People seeking permanent relief should talk to their doctor first.", "permanent relief", ("hypothetical",)),
    ("Patients pay thousands, with uncertainty about long-term benefits.", "long-term benefits", ("hypothetical",)),
    # attributed: reported speech in news copy
    ("One clinic's website told visitors that its infusions could cure fibromyalgia.", "cure fibromyalgia", ("attributed",)),
    ('Another clinic promised relief that was "100% guaranteed".', "100% guaranteed", ("attributed",)),
    ("Several clinics described the drug as non-addictive.", "non-addictive", ("attributed",)),
    ("Be careful with any provider that claims its treatment works for everyone.", "works for everyone", ("attributed",)),
    ("If a clinic tells you that stem cells can cure Parkinson's disease, be careful.", "cure Parkinson's", ("attributed",)),
    ("Clinics have opened around the country promising nearly instant relief with ketamine.", "instant relief", ("attributed",)),
    ("People book drips for a quick pick-me-up or a supposed immune boost.", "immune boost", ("attributed",)),
    # a one-word answer denies the question, not the next sentence: "No." is not "no"
    ("Will I hallucinate? No. You stay fully alert the whole time.", "stay fully alert", ()),
    # "and" + a new verb starts a new clause: the negation before it does not reach past it
    ("It has no severe side effects and is very safe.", "very safe", ()),
    ("Ketamine is not addictive and it works fast.", "works fast", ()),
    # ... but a plain "and" inside one clause keeps the scope
    ("Nobody can promise safety and guaranteed results.", "guaranteed results", ("negated",)),
    # reported speech: words in quotes that the sentence says are an ad's or a clinic's;
    # a testimonial in the page's own voice stays a claim
    ('A clinic told visitors its drips are "100% safe," according to the complaint.', "100% safe", ("attributed",)),
    ("The clinic\u2019s homepage said it \u201crewires the brain in an hour.\u201d", "rewires the brain", ("attributed",)),
    ('Watch for phrases such as "clinically proven" on clinic sites.', "clinically proven", ("attributed",)),
    ('"Ketamine cured my fibromyalgia," says Jane, one of our patients.', "cured my fibromyalgia", ()),
    ('Our patients tell us "the pain is gone for good".', "the pain is gone for good", ()),
    ('"Ketamine resets your nervous system" is a phrase you may see online.', "resets your nervous system",
     ("attributed",)),
    ('You may have read that "one infusion fixes depression forever".', "fixes depression forever", ("attributed",)),
    ("Headlines calling ketamine a miracle drug do not help patients.", "miracle drug", ("attributed",)),
    ('Peptides are often called "the miracle molecules" online.', "miracle molecules", ("attributed",)),
    ('Our patients called it "a miracle drug".', "miracle drug", ()),
    # negation: a denial after the quote, and a list joined by "or" (not by "and")
    ('"Ketamine works for everyone" is simply not true.', "works for everyone", ("negated",)),
    ("No pill, injection or therapy works for everyone.", "works for everyone", ("negated",)),
    ("No waiting, and ketamine cures fibromyalgia.", "cures fibromyalgia", ()),
    # question: a rhetorical opener that starts the claim keeps it a claim
    ("Why wait until your options run out?", "Why wait until your options run out", ()),
    ("Is ketamine a cure for fibromyalgia?", "cure for fibromyalgia", ("question",)),
    # the regulator's disclaimer: its commas do not end the negation
    ("This product has not been approved by the FDA to diagnose, treat, cure or prevent any disease.",
     "cure or prevent any disease", ("negated",)),
    ("It is not intended to diagnose, treat, cure, or prevent any disease.", "cure, or prevent any disease", ("negated",)),
]


@pytest.mark.parametrize(("sentence", "claim", "expected"), ADDED_TRIGGERS)
def test_added_triggers(sentence, claim, expected):
    assert contexts(sentence, claim) == expected
