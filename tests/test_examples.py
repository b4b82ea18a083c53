"""Verify `healthlint examples/`: it fails with the findings the pages were written to show,
points at their exact source text, and reports nothing a visitor does not read."""
from __future__ import annotations

import json
from pathlib import Path

from tests.extract.test_properties import source_slice

ROOT = Path(__file__).resolve().parent.parent


def findings(cli) -> list[dict]:
    result = cli("--isolated", "--format", "json", "examples/", cwd=ROOT)
    assert result.exit_code == 1 and result.stderr == ""
    return json.loads(result.stdout)


def test_every_finding_points_at_its_source_text(cli):
    for f in findings(cli):
        source = (ROOT / f["path"]).read_text(encoding="utf-8")
        assert source_slice(source, f["line"], f["column"], f["end_line"], f["end_column"]) == f["text"]


def test_the_landing_page_findings(cli):
    found = {(f["line"], f["code"]) for f in findings(cli) if f["path"] == "examples/site/index.html"}
    assert found == {(5, "HL521"), (6, "HL121"), (8, "HL151"), (30, "HL101"), (31, "HL195"), (38, "HL501"), (39, "HL112"),
                     (40, "HL111"), (43, "HL121"), (43, "HL122")  # title, meta, og:description, claim split by tags,
                     # list items, a title attribute
                     } | {(5, code) for code in ("HL301", "HL302", "HL303", "HL305", "HL550")}  # what it omits


def test_nothing_from_head_scripts_styles_or_comments(cli):
    index = [f for f in findings(cli) if f["path"] == "examples/site/index.html"]
    assert not [f for f in index if 10 <= f["line"] <= 22 or f["line"] in (49, 50)]


def test_compliant_pages_are_clean_and_suppressions_are_used(cli):
    paths = [(f["path"], f["code"]) for f in findings(cli)]
    assert not [p for p in paths if p[0].endswith(("treatment.html", "what-the-research-says.md"))]
    assert ("examples/site/blog/patient-stories.md", "HL901") in paths  # the one stale directive, on purpose
    assert [p for p in paths if p[0].endswith("patient-stories.md")] == [("examples/site/blog/patient-stories.md", "HL901")]


def test_every_category_is_one_of_the_fixed_fifteen(cli):
    from lint.models import CATEGORIES

    assert {f["category"] for f in findings(cli)} <= set(CATEGORIES)
