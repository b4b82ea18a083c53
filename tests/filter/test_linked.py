"""Verify disclosures on linked local pages: resolution of links, opt-in, and what counts."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lint.config import Settings
from lint.extract.base import DocumentBuilder
from lint.filter.linked import LinkedPages
from lint.models import SourceFile
from lint.pipeline import Linter

PAGE = "We offer ketamine infusions for depression. It is off-label. Book today. Read about risks and pricing."


def page_with_links(path: Path, *hrefs: str):
    builder = DocumentBuilder(SourceFile(str(path), path.name, "text"), PAGE)
    builder.add(PAGE, 0)
    for href in hrefs:
        builder.add_link(PAGE.index("risks"), PAGE.index("risks") + 5, href)
    return builder.build()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "treatments").mkdir()
    (tmp_path / "risks").mkdir()
    (tmp_path / "risks" / "index.txt").write_text("Side effects include nausea and dissociation.\n")
    (tmp_path / "pricing.txt").write_text("Each infusion costs $500.\n")
    return tmp_path


def open_codes(settings: Settings, doc, page: Path) -> list[str]:
    findings = Linter.from_settings(settings).lint_document(doc, page=page)
    return [f.code for f in findings if not f.suppressed and f.code.startswith("HL3")]


def test_off_by_default(site):
    page = site / "treatments" / "ketamine.txt"
    doc = page_with_links(page, "../risks/index.txt")
    assert "HL301" in open_codes(Settings(root=site), doc, page)


def test_linked_pages_make_their_disclosures(site):
    page = site / "treatments" / "ketamine.txt"
    doc = page_with_links(page, "../risks/index.txt", "/pricing.txt#fees")
    settings = Settings(root=site, linked_disclosures=True)
    codes = open_codes(settings, doc, page)
    assert "HL301" not in codes and "HL302" not in codes
    findings = Linter.from_settings(settings).lint_document(doc, page=page)
    assert {f.suppressed for f in findings if f.code in ("HL301", "HL302")} == {"linked-disclosure"}


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("../risks/", "risks/index.txt"),
        ("/risks", "risks/index.txt"),
        ("/pricing", "pricing.txt"),
        ("../pricing.txt?x=1#a", "pricing.txt"),
        ("https://example.com/risks", None),
        ("mailto:info@example.com", None),
        ("#risks", None),
        ("../../../../etc/passwd", None),
        ("/missing", None),
    ],
)
def test_resolve(site, href, expected):
    linked = LinkedPages(lambda p: None, site_root=site, project_root=site)
    found = linked.resolve(href, site / "treatments" / "ketamine.txt")
    assert (found.relative_to(site.resolve()).as_posix() if found else None) == expected


def test_site_root_for_root_relative_links(site):
    (site / "public").mkdir()
    (site / "public" / "safety.txt").write_text("Side effects include nausea.\n")
    linked = LinkedPages(lambda p: None, site_root=site / "public", project_root=site)
    assert linked.resolve("/safety", site / "public" / "index.txt") == (site / "public" / "safety.txt").resolve()


def test_cache_is_bounded(site):
    calls = []
    linked = LinkedPages(lambda p: calls.append(p) or "x", site_root=site, project_root=site, cache_size=1)
    a, b = site / "pricing.txt", site / "risks" / "index.txt"
    linked.prose(a), linked.prose(a), linked.prose(b), linked.prose(a)
    assert calls == [a, b, a]


def test_settings_replace_keeps_frozen(site):
    assert replace(Settings(), linked_disclosures=True).linked_disclosures
