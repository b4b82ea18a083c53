"""Verify SARIF output: valid against the official 2.1.0 schema, with rules, results and stable fingerprints."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

VERSION, HOMEPAGE = "0.0.0+test", "https://example.org/healthlint"  # set by the report_site fixture (tests/conftest.py)
# The schema lives beside the repository in CI (../shared/schemas); it is not copied in.
SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (expected ../shared/schemas beside the repository)")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def sarif(lint_site, *files: str, args: tuple[str, ...] = (), status: int = 1) -> dict:
    result = lint_site("sarif", *files, args=args)
    assert result.exit_code == (2 if "missing.txt" in files else status), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("files", [("page.txt",), ("hostile.txt",), ("page.txt", "hostile.txt", "missing.txt")])
def test_valid_against_the_schema(lint_site, validator, files):
    log = sarif(lint_site, *files, args=("--show-suppressed",))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_driver_lists_every_rule_with_help(lint_site):
    driver = sarif(lint_site)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == ("healthlint", VERSION, HOMEPAGE)
    assert [r["id"] for r in driver["rules"]] == ["XT101", "XT151", "XT201", "HL901"]
    rule = driver["rules"][0]
    assert rule["name"] == "wonder-drug-claim"
    assert rule["shortDescription"]["text"] == "Calling a treatment a wonder drug."
    assert rule["helpUri"] == f"{HOMEPAGE}#rules"
    assert "Say what the treatment may do" in rule["help"]["text"]
    assert "No trial has shown a lasting cure" in rule["help"]["markdown"]
    assert "[Test Act §1: claims \\& \\<disclosures\\>](<https://example.org/test-act?section=1&part=2>)" in rule["help"]["markdown"]
    assert rule["properties"] == {"category": "cure", "tags": ["health-marketing", "compliance", "cure", "pack:report-fixture"],
                                  "problem.severity": "error"}
    assert "javascript:" not in json.dumps(driver)


def test_results_point_at_the_claims(lint_site):
    run = sarif(lint_site)["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("XT101", 0, "error"), ("XT151", 1, "warning"), ("XT151", 1, "warning"), ("XT101", 0, "error")]
    first = results[0]
    assert first["message"]["text"] == "“wonder drug” presents the treatment as a cure"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "page.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 16,
                                  "snippet": {"text": "wonder drug"}}
    assert run["columnKind"] == "unicodeCodePoints"
    assert results[1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"] == {"text": "treatment"}


def test_fingerprints_survive_line_shifts_but_not_rewording(lint_site, report_site):
    before = [r["partialFingerprints"] for r in sarif(lint_site)["runs"][0]["results"]]
    text = (report_site / "page.txt").read_text()
    (report_site / "page.txt").write_text("New heading\n\nA new first paragraph.\n\n" + text)
    after = [r["partialFingerprints"] for r in sarif(lint_site)["runs"][0]["results"]]
    assert after == before and len({json.dumps(p) for p in before}) == len(before)
    (report_site / "page.txt").write_text(text.replace("wonder drug", "wonder drugs"))
    reworded = [r["partialFingerprints"] for r in sarif(lint_site)["runs"][0]["results"]]
    assert reworded[0] != before[0] and reworded[1:] == before[1:]


def test_suppressed_findings_carry_a_suppression(lint_site, report_site):
    (report_site / "page.txt").write_text("Is it a wonder drug?\n")
    results = sarif(lint_site, args=("--show-suppressed",), status=0)["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "inSource", "status": "accepted", "justification": "question"}]


def test_unreadable_files_are_tool_notifications(lint_site, report_site):
    run = sarif(lint_site, "page.txt", "missing.txt")["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file"


@pytest.mark.parametrize(("path", "expected"), [
    ("site/a page.txt", {"uri": "site/a%20page.txt", "uriBaseId": "%SRCROOT%"}),
    ("/abs/page.txt", {"uri": "file:///abs/page.txt"}),
])
def test_artifact_uris(path, expected):
    from lint.report.sarif import artifact

    assert artifact(path) == expected
