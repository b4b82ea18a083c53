"""Verify rule replacements: rendered from the match and its groups, offered only where an edit is safe."""
from __future__ import annotations

import pytest

from lint.errors import RuleError
from lint.rules.loader import load_ruleset
from lint.rules.render import render_replacement


@pytest.mark.parametrize(("template", "variables", "expected"), [
    ("{{ noun }}", {"match": "miracle treatment", "noun": "treatment"}, "treatment"),
    ("{{ noun }}", {"match": "Miracle treatment", "noun": "treatment"}, "Treatment"),
    ("{{ noun }}", {"match": "MIRACLE TREATMENT", "noun": "treatment"}, "TREATMENT"),
    ("{{ noun }}", {"match": "miracle cure"}, None),  # the group the template needs did not match
    ("{% if x is defined %}y{% endif %}", {"match": "z"}, None),  # renders empty: no fix
    ("same", {"match": "same"}, None),  # no change: no fix
    ("plain text", {"match": "old"}, "plain text"),
])
def test_render_replacement(template, variables, expected):
    assert render_replacement(template, variables) == expected


def test_shipped_replacements(linter):
    found = {f.text: f.replacement for f in linter.lint_text(
        "Try this miracle treatment. A miracle cure! Our protocol works for everyone. Guaranteed relief.")}
    assert found == {"miracle treatment": "treatment", "miracle cure": None,
                     "works for everyone": "works for some patients", "Guaranteed relief": None}


@pytest.mark.parametrize("text", [
    "Try this miracle\u00a0treatment.",  # a no-break space folds to a space: source and prose differ
    "Try this mira\u00adcle treatment.",  # a soft hyphen disappears from the prose
])
def test_no_replacement_where_source_and_prose_differ(linter, text):
    (finding,) = linter.lint_text(text)
    assert finding.code == "HL151" and finding.replacement is None


def test_every_replacement_fixes_its_own_examples(linter):
    """A replacement must leave text its rule no longer flags, or --fix would loop."""
    from lint.fix import apply, edits

    checked = 0
    for rule in linter.rules:
        if rule.replacement is None:
            continue
        for example in rule.flag_examples:
            findings = linter.lint_text(example)
            fixed = apply(example, edits(example, findings))
            if fixed != example:
                checked += 1
                assert rule.code not in {f.code for f in linter.lint_text(fixed)}, (rule.code, example, fixed)
    assert checked >= 2


def test_bad_replacement_template_names_file_and_line(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "rules:\n"
        "  - code: XY101\n    name: wonder-claim\n    kind: phrase\n    category: hype\n    severity: warning\n"
        "    patterns: [wonder drug]\n    message: hype\n    fix: say what it does\n"
        "    replacement: \"{{ match \"\n"
        "    examples:\n      flag: [A wonder drug!]\n      pass: [No wonder.]\n"
    )
    with pytest.raises(RuleError, match=r"pack.yaml:10.*replacement: template error"):
        load_ruleset([str(pack)])
