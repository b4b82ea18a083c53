"""Verify hostile page text, file names and rule-pack texts (markup, `]]>`, ANSI escapes, `::error`,
`%`, quotes, line breaks) break no output format."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from lint.report import REPORTERS

from tests.conftest import FIXTURES
from tests.report.test_report_sarif import SCHEMA

MACHINE = {"json", "sarif", "gitlab"}  # JSON keeps page text exact, with control characters \u-escaped


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_survives_a_hostile_page(lint_site, fmt):
    result = lint_site(fmt, "hostile.txt", "page.txt", args=("--show-suppressed",))
    out = result.stdout
    assert result.exit_code == 1, result.stderr
    assert "\x1b" not in out and "\x07" not in out, f"{fmt} lets a control character through"
    if fmt in MACHINE:
        assert "\\u001b[31mred" in out and json.loads(out)
        return
    assert "\u202e" not in out, f"{fmt} lets a bidi override through"
    if fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    elif fmt in ("text", "github"):
        assert len(out.splitlines()) == 7  # one line per finding: nothing forged
    elif fmt in ("html", "markdown"):
        assert "<script>alert" not in out


#: A file name with a line break, a workflow command, %-escapes, quotes and markup.
NAME = "evil\n::error file=a.txt::forged %0A \"q\" 'q' <b>.txt"
RAW = ("\x1b", "\x07", "\u202e")


@pytest.fixture
def hostile_site(tmp_path, report_site):
    shutil.copy(FIXTURES / "hostile" / "pack.yaml", tmp_path / "evil.yaml")
    (tmp_path / NAME).write_text("A miracle.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_every_format_survives_a_hostile_file_name_and_pack(cli, hostile_site, fmt):
    result = cli("--isolated", "--no-cache", "--ruleset", "evil.yaml", "--format", fmt, NAME)
    out = result.stdout
    assert (result.exit_code, result.stderr) == (1, ""), result.stderr
    raw = RAW[:2] if fmt in MACHINE else RAW  # JSON keeps a bidi override as it is: it is not markup there
    assert not any(ch in out for ch in raw), f"{fmt} lets a control character through"
    CHECKS[fmt](out)


def _json(out: str) -> None:
    items = json.loads(out)
    assert items[0]["path"] == NAME and items[0]["message"].startswith("<script>")


def _gitlab(out: str) -> None:
    assert json.loads(out)[0]["location"]["path"] == NAME


def _sarif(out: str) -> None:
    log = json.loads(out)
    assert log["runs"][0]["results"][0]["message"]["text"].startswith("<script>")
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        validator = jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
        assert not list(validator.iter_errors(log))


def _junit(out: str) -> None:
    case = ET.fromstring(out.encode("utf-8")).find("testsuite/testcase")
    assert case.get("name") == NAME and case.find("failure").get("message").startswith(NAME + ":1:3: XE101 <script>")


def _text(out: str) -> None:
    assert out.count("\n") == 1 and out.startswith("evil\\x0a::error file=a.txt::forged %0A")


def _github(out: str) -> None:
    assert out.count("\n") == 1 and out.startswith("::error file=evil%0A%3A%3Aerror file=a.txt%3A%3Aforged %250A")
    assert "::forged %250A" in out and "::warning::forged-fix %2525" in out  # inside the one command's message


def _html(out: str) -> None:
    assert out.count("<script") == 1 and "<img" not in out and "<iframe" not in out and "<b>" not in out
    assert 'href="javascript' not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out


def _markdown(out: str) -> None:
    prose = re.sub(r"`[^`\n]*`", "", out)  # code spans show markup as text
    assert not re.search(r"(?<!\\)<(?:script|img|iframe|b>)", prose), "unescaped markup"
    assert "javascript:" not in out and not any(line.startswith("::") for line in out.splitlines())


CHECKS = {"json": _json, "gitlab": _gitlab, "sarif": _sarif, "junit": _junit, "text": _text, "github": _github,
          "html": _html, "markdown": _markdown}


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, fmt):
    """Such a name reaches Python with lone surrogates; every report stays valid UTF-8."""
    (tmp_path / "caf\udce9.txt").write_bytes(b"It cures pain.\n")
    result = subprocess.run([sys.executable, "-m", "lint", "--isolated", "--no-cache", "--format", fmt, "."],
                            cwd=tmp_path, capture_output=True, timeout=60, env={**os.environ, "GITHUB_STEP_SUMMARY": ""})
    assert (result.returncode, result.stderr) == (1, b"")
    out = result.stdout.decode("utf-8")  # strict: no raw byte 0xe9 and no surrogate slipped through
    assert fmt == "sarif" or "caf\\xe9.txt" in out.replace("\\\\", "\\")  # SARIF makes a URI of it
    if fmt in MACHINE:
        json.loads(out)
