"""Verify JUnit XML: well formed, one testsuite, a testcase per file and a failure per finding."""
from __future__ import annotations

import xml.etree.ElementTree as ET


def parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_structure_and_content(lint_site, report_site):
    (report_site / "clean.txt").write_text("Nothing to report.\n")
    root = parse(lint_site("junit", "clean.txt", "page.txt").stdout)
    suites = root.findall("testsuite")
    assert root.tag == "testsuites" and len(suites) == 1
    suite = suites[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "4", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["clean.txt", "page.txt"]
    assert cases[0].findall("failure") == []
    failures = cases[1].findall("failure")
    assert [f.get("type") for f in failures] == ["XT101", "XT151", "XT151", "XT101"]
    assert failures[0].get("message") == "page.txt:3:5: XT101 “wonder drug” presents the treatment as a cure"
    assert "Fix: Say what the treatment may do" in failures[0].text
    assert "Source: Test Act §1: claims & <disclosures> <https://example.org/test-act?section=1&part=2>" in failures[0].text


def test_unreadable_files_are_counted_as_errors(lint_site):
    suite = parse(lint_site("junit", "page.txt", "missing.txt").stdout).find("testsuite")
    assert suite.get("errors") == "1" and suite.find("system-err").text == "missing.txt: no such file"


def test_hostile_text_keeps_the_xml_well_formed(lint_site):
    text = lint_site("junit", "hostile.txt").stdout
    failure = parse(text).find("testsuite/testcase/failure")
    assert '<script>alert("x")</script> ]]> & \\x1b[31mred' in failure.get("message")
    assert "\x1b" not in text and "\x07" not in text
