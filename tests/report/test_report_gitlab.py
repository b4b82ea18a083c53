"""Verify the GitLab Code Quality report: parses, carries the required fields, unique stable fingerprints."""
from __future__ import annotations

import json


def test_required_fields_and_content(lint_site):
    result = lint_site("gitlab")
    issues = json.loads(result.stdout)
    assert result.exit_code == 1 and len(issues) == 4
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int)
    first = issues[0]
    assert first["check_name"] == "XT101 wonder-drug-claim"
    assert first["description"] == "XT101 “wonder drug” presents the treatment as a cure"
    assert (first["severity"], first["location"]) == ("major", {"path": "page.txt", "lines": {"begin": 3, "end": 3}})
    assert "Fix: Say what the treatment may do" in first["content"]["body"]
    assert [i["severity"] for i in issues] == ["major", "minor", "minor", "major"]


def test_fingerprints_are_unique_even_for_repeated_claims(lint_site, report_site):
    (report_site / "page.txt").write_text("An amazing treatment.\n\nAn amazing treatment.\n")
    issues = json.loads(lint_site("gitlab").stdout)
    assert len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_clean_run_is_an_empty_array(lint_site, report_site):
    (report_site / "page.txt").write_text("Nothing to report.\n")
    result = lint_site("gitlab")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
