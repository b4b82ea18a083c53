"""Verify hostile page text (markup, `]]>`, ANSI escapes, `::error`, line breaks) breaks no output format."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from lint.report import REPORTERS

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
