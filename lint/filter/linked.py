"""Disclosures made on a linked page of the same site (opt-in with `linked-disclosures`).

A treatment page that links to the site's own "risks" or "pricing" page has made the
disclosure that page makes. Only local links count (relative, or root-relative against
`site-root`), and only files inside the project; linked pages are read once and cached.
This is off by default: regulators expect a disclosure close to the claim, and a link in
the site's navigation is not that.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Callable, Mapping
from urllib.parse import unquote, urlsplit

from lint.models import Document, Finding, Rule
from lint.rules import requires

LOG = logging.getLogger(__name__)

REASON = "linked-disclosure"
_CANDIDATES = ("", ".html", ".htm", ".md", ".markdown", ".mdx", ".txt",
               "/index.html", "/index.htm", "/index.md", "/_index.md", "/index.txt", "/README.md")


class LinkedPages:
    """Resolves local links to files and keeps the prose of recently linked pages."""

    def __init__(self, load: Callable[[Path], str | None], *, site_root: Path, project_root: Path,
                 cache_size: int = 256) -> None:
        self._load = load
        self._site_root = site_root.resolve()
        self._project_root = project_root.resolve()
        self._cache: OrderedDict[Path, str | None] = OrderedDict()
        self._cache_size = cache_size

    def resolve(self, href: str, page: Path) -> Path | None:
        """The file a link points to, if it is a page of this project."""
        try:
            parts = urlsplit(href.strip())
        except ValueError:
            return None
        if parts.scheme not in ("", "file") or parts.netloc or not parts.path:
            return None
        path = unquote(parts.path)
        base = self._site_root / path.lstrip("/") if path.startswith("/") else page.resolve().parent / path
        for suffix in _CANDIDATES:
            candidate = Path(str(base).rstrip("/") + suffix) if suffix else base
            if candidate.is_file():
                resolved = candidate.resolve()
                inside = self._project_root in resolved.parents or self._site_root in resolved.parents
                return resolved if inside and resolved != page.resolve() else None
        return None

    def prose(self, path: Path) -> str | None:
        if path in self._cache:
            self._cache.move_to_end(path)
            return self._cache[path]
        text = self._load(path)
        self._cache[path] = text
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return text


def apply(findings: list[Finding], doc: Document, *, page: Path | None, rules: Mapping[str, Rule],
          linked: LinkedPages | None) -> list[Finding]:
    """Set aside missing-disclosure findings whose disclosure a linked local page makes."""
    if linked is None or page is None or not doc.links:
        return findings
    targets: list[Path] | None = None
    out = []
    for finding in findings:
        rule = rules.get(finding.code)
        if finding.suppressed or rule is None or rule.kind != requires.KIND:
            out.append(finding)
            continue
        if targets is None:
            targets = list(dict.fromkeys(t for link in doc.links if (t := linked.resolve(link.href, page))))
        disclosed = any(
            (text := linked.prose(target)) is not None and requires.discloses(rule.compiled, text)
            for target in targets
        )
        out.append(replace(finding, suppressed=REASON) if disclosed else finding)
    return out
