"""SARIF rule descriptors: a rule's what, why, fix, evidence and references, as code scanning shows them."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from lint.models import Reference, Rule
from lint.report.escape import web_url
from lint.report.templating import md

PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@lru_cache(maxsize=None)
def homepage() -> str:
    """The project's Homepage URL from the installed package metadata; "" while it has none."""
    from importlib import metadata

    try:
        urls = metadata.metadata("healthlint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return ""
    found = [u.split(",", 1)[1].strip() for u in urls if u.lower().startswith("homepage,")]
    return web_url(found[0]) if found else ""


def _sections(rule: Rule) -> list[tuple[str, str]]:
    return [(title, body) for title, body in (
        ("What it catches", rule.what), ("Why it matters", rule.why), ("Example", rule.example),
        ("Use instead", rule.instead), ("Fix", rule.fix), ("What the evidence says", rule.evidence),
    ) if body]


def _reference(ref: Reference, *, markdown: bool) -> str:
    extra = ", ".join(bit for bit in (ref.section if ref.section not in ref.title else "",
                                      f"PMID {ref.pmid}" if ref.pmid else "", f"doi:{ref.doi}" if ref.doi else "") if bit)
    title = md(ref.title) if markdown else ref.title
    url = web_url(ref.url)
    if markdown:
        head = f"[{title}](<{url}>)" if url else title
    else:
        head = f"{title} <{url}>" if url else title
    return head + (f" ({md(extra) if markdown else extra})" if extra else "")


def help_text(rule: Rule, *, markdown: bool) -> str:
    """The rule's documentation, as plain text or Markdown."""
    parts = []
    for title, body in _sections(rule):
        parts.append(f"**{title}**\n\n{md(body)}" if markdown else f"{title}:\n{body}")
    if rule.citations:
        refs = [_reference(r, markdown=markdown) for r in rule.citations]
        parts.append(("**References**\n\n" if markdown else "References:\n") + "\n".join(f"- {r}" for r in refs))
    return "\n\n".join(parts) or rule.message


def descriptor(rule: Rule, *, help_uri: str = "") -> dict[str, Any]:
    """One reportingDescriptor for tool.driver.rules."""
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.what or rule.name},
        "fullDescription": {"text": " ".join(bit for bit in (rule.what, rule.why) if bit) or rule.name},
        "help": {"text": help_text(rule, markdown=False), "markdown": help_text(rule, markdown=True)},
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {
            "category": rule.category,
            "tags": [t for t in ("health-marketing", "compliance", rule.category, f"pack:{rule.pack}") if t],
            "problem.severity": PROBLEM_SEVERITY.get(rule.severity, "warning"),
        },
    }
    if help_uri:
        out["helpUri"] = help_uri
    return out
