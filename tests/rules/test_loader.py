"""Verify that every kind of bad rule file is a one-line error naming file, line and rule."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.errors import RuleError
from lint.rules.loader import builtin_dir, load_ruleset

GOOD = """\
pack: mine
rules:
  - code: XY101
    name: wonder-claim
    kind: phrase
    category: hype
    severity: warning
    patterns:
      - wonder drug
    message: "“{{ match }}” is hype"
    fix: Say what it does.
    citations: [ftc-act-5]
    examples:
      flag: [a wonder drug]
      pass: [a drug]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str, *, before: tuple[str, ...] = ()) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        load_ruleset([*before, str(path)])
    message = str(info.value)
    assert "\n" not in message
    return message.replace(str(path), "mine.yaml")


def test_good_pack_loads(tmp_path):
    ruleset = load_ruleset([str(write(tmp_path, GOOD))])
    (rule,) = ruleset.rules
    assert (rule.code, rule.pack, rule.origin.endswith("mine.yaml:3")) == ("XY101", "mine", True)
    assert [c.id for c in rule.citations] == ["ftc-act-5"]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("    severity: warning\n", "    severity: warning\n    patern: x\n"),
         "mine.yaml:8: rule XY101: unknown key 'patern' (did you mean 'patterns'?)"),
        (("    fix: Say what it does.\n", ""), "mine.yaml:3: rule XY101: missing required key 'fix'"),
        (("      - wonder drug\n", "      - wonder (drug\n"), "mine.yaml:3: rule XY101: bad regex 'wonder (drug'"),
        (("      - wonder drug\n", "      - (?:x)*\n"), "mine.yaml:3: rule XY101: pattern '(?:x)*' matches empty text"),
        (("[ftc-act-5]", "[ftc-act-55]"),
         "mine.yaml:12: rule XY101: cites unknown reference 'ftc-act-55' (did you mean 'ftc-act-5'?)"),
        (("category: hype", "category: puffery"), "mine.yaml:6: rule XY101: category: expected one of cure,"),
        (("severity: warning", "severity: fatal"), "mine.yaml:7: rule XY101: severity: expected one of error, warning, info"),
        (("kind: phrase", "kind: regexp"), "mine.yaml:5: rule XY101: unknown or missing kind 'regexp'"),
        (("code: XY101", "code: cure1"), "mine.yaml:3: rule cure1: code: 'cure1' is not a valid rule code"),
        (("name: wonder-claim", "name: Wonder Claim"), "rule XY101: name: 'Wonder Claim' is not a valid rule name"),
        (("      pass: [a drug]\n", ""), "rule XY101: examples: missing examples.pass"),
        (("is hype", "is {{ match "), "mine.yaml:10: rule XY101: message: template error"),
        (("pack: mine\n", "pack: mine\nrulez: []\n"), "mine.yaml:2: unknown top-level key 'rulez' (did you mean 'rules'?)"),
        (("    patterns:\n      - wonder drug\n", "    patterns:\n      - wonder (?: any) drug\n"),
         "rule XY101: patterns: expected a list of non-empty strings (a YAML mapping crept in"),
        (("      - wonder drug\n", "      - no\n"), "patterns: expected a list of non-empty strings (False is not a string"),
    ],
)
def test_bad_rule(tmp_path, edit, expected):
    old, new = edit
    assert old in GOOD
    assert expected in load_error(tmp_path, GOOD.replace(old, new, 1))


def test_invalid_yaml_names_the_line(tmp_path):
    assert load_error(tmp_path, GOOD.replace("    kind: phrase\n", "    kind: [phrase\n")).startswith("mine.yaml:6: invalid YAML")


def test_not_a_mapping(tmp_path):
    assert load_error(tmp_path, "- a\n- b\n") == "mine.yaml:1: expected a mapping with 'rules' (and optionally 'pack', 'description', 'references')"


def test_rules_not_a_list(tmp_path):
    assert load_error(tmp_path, "rules: {}\n") .startswith("mine.yaml:1: 'rules' must be a list")


def test_duplicate_code(tmp_path):
    text = GOOD + GOOD.split("rules:\n")[1].replace("wonder-claim", "other-claim")
    assert "duplicate code 'XY101' (first at mine.yaml:3)" in load_error(tmp_path, text)


def test_duplicate_of_builtin_code(tmp_path):
    message = load_error(tmp_path, GOOD.replace("XY101", "HL101"), before=("core",))
    assert "duplicate code 'HL101'" in message and "core.yaml" in message


def test_yaml_tags_cannot_build_objects(tmp_path):
    message = load_error(tmp_path, "rules: !!python/object/apply:os.system ['echo hi']\n")
    assert "invalid YAML" in message


def test_not_utf8(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_bytes(b"rules: [\xff]\n")
    with pytest.raises(RuleError, match="not UTF-8"):
        load_ruleset([str(path)])


def test_missing_pack_file(tmp_path):
    with pytest.raises(RuleError, match="rule pack not found"):
        load_ruleset([str(tmp_path / "none.yaml")])


def test_pack_with_its_own_references(tmp_path):
    text = GOOD.replace("[ftc-act-5]", "[my-study]") + (
        "references:\n  - id: my-study\n    title: A study\n    kind: paper\n    pmid: 12345\n"
    )
    (rule,) = load_ruleset([str(write(tmp_path, text))]).rules
    assert rule.citations[0].url == "https://pubmed.ncbi.nlm.nih.gov/12345/"


def test_folder_of_packs(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD.replace("XY101", "XY102").replace("wonder-claim", "marvel-claim"))
    assert [r.code for r in load_ruleset([str(tmp_path)]).rules] == ["XY101", "XY102"]


def test_builtin_dir_has_packs():
    assert (builtin_dir() / "core.yaml").is_file() and (builtin_dir() / "references.yaml").is_file()


def test_pattern_sets_are_shared_across_packs(tmp_path):
    text = GOOD.replace("      - wonder drug\n", "      - '@wonders'\n      - marvel drug\n") + (
        "define:\n  wonders:\n    - wonder drug\n    - wonder cure\n"
    )
    (rule,) = load_ruleset([str(write(tmp_path, text))]).rules
    assert rule.options["patterns"] == ["wonder drug", "wonder cure", "marvel drug"]
    assert rule.compiled.pattern.search("a Wonder Cure")


def test_builtin_pattern_sets_are_available_to_user_packs(tmp_path):
    text = GOOD.replace("      - wonder drug\n", "      - '@promotion'\n")
    (rule,) = load_ruleset([str(write(tmp_path, text))]).rules
    assert rule.compiled.pattern.search("Book your session")


def test_unknown_pattern_set(tmp_path):
    message = load_error(tmp_path, GOOD.replace("      - wonder drug\n", "      - '@wonders'\n"))
    assert "mine.yaml:8: rule XY101: patterns: unknown pattern set '@wonders' (defined: @treatments, @promotion" in message


def test_duplicate_pattern_set(tmp_path):
    message = load_error(tmp_path, GOOD + "define:\n  promotion:\n    - buy now\n")
    assert "duplicate definition 'promotion'" in message
