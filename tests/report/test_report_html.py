"""Verify the HTML report: one self-contained, autoescaped page with filters, highlighted matches and links."""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest


class Page(HTMLParser):
    """Collects what the tests look at: tags, findings, marks, links, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[dict[str, str]] = []
        self.links: list[str] = []
        self.scripts: list[str] = []
        self.marks: list[str] = []
        self.external: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.findings.append(a)
        if tag == "a":
            self.links.append(a["href"])
        if tag in ("script", "mark"):
            self._in = tag
            (self.scripts if tag == "script" else self.marks).append("")
        if tag in ("img", "link", "iframe") or "src" in a:
            self.external.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "mark":
            self.marks[-1] += data


def page(text: str) -> Page:
    parser = Page()
    parser.feed(text)
    return parser


def test_one_self_contained_page(lint_site):
    out = lint_site("html").stdout
    p = page(out)
    assert out.startswith("<!doctype html>") and p.external == []
    assert len(p.scripts) == 1
    digest = base64.b64encode(hashlib.sha256(p.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in out  # only our own script may run
    assert "<title>healthlint report: 4 findings</title>" in out


def test_findings_carry_filters_highlights_and_links(lint_site):
    out = lint_site("html").stdout
    p = page(out)
    assert [(f["data-severity"], f["data-category"]) for f in p.findings] == [
        ("error", "cure"), ("warning", "hype"), ("warning", "hype"), ("error", "cure")]
    assert p.marks == ["wonder drug", "amazing treatment", "Amazing results", "wonder cure"]
    assert 'name="severity" value="error"' in out and 'name="category" value="hype"' in out
    assert "https://example.org/test-act?section=1&amp;part=2" in out
    assert all(link.startswith("https://") for link in p.links) and "javascript:" not in out
    assert "Test Act §1: claims &amp; &lt;disclosures&gt;" in out
    assert "automatic fix: <code>treatment</code>" in out


def test_hostile_text_is_escaped(lint_site):
    out = lint_site("html", "hostile.txt").stdout
    p = page(out)
    assert len(p.scripts) == 1 and "alert" not in p.scripts[0]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; ]]&gt; &amp; \\x1b[31mred" in out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out


def test_no_findings_page(lint_site, report_site):
    (report_site / "page.txt").write_text("Nothing to report.\n")
    out = lint_site("html").stdout
    assert '<p class="clean">No findings.</p>' in out and 'id="filters"' not in out


CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)


def chromium(page: Path, *args: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--disable-background-networking", "--disable-component-update", "--disable-sync",
                               f"--user-data-dir={profile}", *args, page.as_uri()],
                              capture_output=True, text=True, timeout=120, check=False).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium to render the page with")
def test_renders_in_headless_chromium_and_its_script_runs(lint_site, report_site):
    """Take the screenshot a reviewer would see (in the test's temporary folder), and check the filters came alive."""
    report = report_site / "report.html"
    report.write_text(lint_site("html", "page.txt", "hostile.txt", args=("--show-suppressed",)).stdout, encoding="utf-8")
    shot = report_site / "report.png"
    chromium(report, f"--screenshot={shot}", "--window-size=1280,1600")
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert re.match(rb"\x89PNG", shot.read_bytes()[:4])
    dom = chromium(report, "--dump-dom")
    assert "Showing 7 of 7." in dom  # written by the page's script: the CSP hash let it run
    assert '<form class="filters" id="filters">' in dom  # and it un-hid the filters


def test_jinja_is_imported_only_when_a_report_renders():
    """Start-up time is what a pre-commit user feels: importing the CLI must not load jinja2."""
    code = "import sys, lint.cli, lint.report; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
