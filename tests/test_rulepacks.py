"""The bundled packs lint themselves: examples pass, docs are complete, citations resolve."""
from __future__ import annotations

import pytest

from lint import selftest
from lint.rules import KINDS
from lint.rules.loader import builtin_packs, load_ruleset
from lint.rules.render import check_template, render

RULESET = load_ruleset(builtin_packs())
DOC_FIELDS = ("what", "why", "example", "instead", "evidence")


def test_every_example_behaves():
    result = selftest.run(RULESET)
    assert not result.failures, "\n".join(map(str, result.failures))


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.code)
def test_rule_is_documented(rule):
    missing = [f for f in DOC_FIELDS if not getattr(rule, f)]
    assert not missing, f"{rule.code} lacks {missing}"
    assert rule.citations, f"{rule.code} cites nothing"
    assert len(rule.flag_examples) >= 3 and len(rule.pass_examples) >= 3, f"{rule.code} needs 3 flag and 3 pass examples"


@pytest.mark.parametrize("rule", RULESET.rules, ids=lambda r: r.code)
def test_templates_render(rule):
    assert check_template(rule.message) is None and check_template(rule.fix) is None
    variables = {"match": "x", **KINDS[rule.kind].VARIABLES}
    assert "template error" not in render(rule.message, variables)
    assert "template error" not in render(rule.fix, variables)


def test_codes_and_names_are_unique():
    codes = [r.code for r in RULESET.rules]
    names = [r.name for r in RULESET.rules]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)


def test_every_reference_is_cited():
    cited = {ref.id for rule in RULESET.rules for ref in rule.citations}
    unused = sorted(set(RULESET.references) - cited)
    assert not unused, f"references never cited: {unused}"


def test_evidence_mentions_only_known_references():
    import re

    for rule in RULESET.rules:
        for ref_id in re.findall(r"\(([a-z][a-z0-9-]+-\d{4}[a-z]?)\)", rule.evidence):
            assert ref_id in RULESET.references, f"{rule.code} evidence names unknown {ref_id}"
