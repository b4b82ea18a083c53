"""One rule, explained: what it catches, why, an example and what to write instead, the fix,
the evidence and the sources (the text behind `healthlint explain CODE`, like `ruff rule`)."""
from __future__ import annotations

import textwrap
from typing import Any

from lint.models import Rule


def as_dict(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "pack": rule.pack,
        "kind": rule.kind,
        "category": rule.category,
        "severity": rule.severity,
        "preview": rule.preview,
        "jurisdictions": list(rule.jurisdictions),
        "what": rule.what,
        "why": rule.why,
        "example": rule.example,
        "instead": rule.instead,
        "message": rule.message,
        "fix": rule.fix,
        "evidence": rule.evidence,
        "defused_by": sorted(rule.defused_by),
        "citations": [
            {k: v for k, v in {
                "id": r.id, "title": r.title, "url": r.url, "kind": r.kind, "issuer": r.issuer,
                "authors": r.authors, "year": r.year, "section": r.section,
                "jurisdiction": r.jurisdiction, "pmid": r.pmid, "doi": r.doi,
            }.items() if v}
            for r in rule.citations
        ],
        "examples": {"flag": list(rule.flag_examples), "pass": list(rule.pass_examples)},
    }


def _para(text: str, indent: str = "  ") -> str:
    return "\n".join(textwrap.fill(p, width=88, initial_indent=indent, subsequent_indent=indent)
                     for p in text.strip().split("\n\n") if p.strip())


def reference_line(ref: Any) -> str:
    bits = [ref.title]
    if ref.section and ref.section not in ref.title:
        bits.append(ref.section)
    if ref.pmid:
        bits.append(f"PMID {ref.pmid}")
    if ref.doi:
        bits.append(f"doi:{ref.doi}")
    where = f" ({ref.jurisdiction.upper()})" if ref.jurisdiction else ""
    return f"[{ref.id}] " + ", ".join(bits) + where + (f"\n      {ref.url}" if ref.url else "")


def _example(text: str) -> str:
    """An example as a list item: later lines of a multi-line example indented under the first."""
    return text.strip().replace("\n", "\n    ")


def as_text(rule: Rule) -> str:
    category = rule.category or "of the rule a finding is about"
    flags = f"{rule.pack} pack, {rule.severity}, category {category}" + (", preview" if rule.preview else "")
    out = [f"{rule.code} {rule.name} ({flags})", ""]
    sections = [
        ("What it catches", rule.what),
        ("Why it matters", rule.why),
        ("Example", rule.example),
        ("Use instead", rule.instead),
        ("Fix", rule.fix),
        ("What the evidence says", rule.evidence),
    ]
    for title, body in sections:
        if body:
            out += [title, _para(body), ""]
    if rule.citations:
        out.append("References")
        out += [f"  - {reference_line(r)}" for r in rule.citations]
        out.append("")
    if len(rule.jurisdictions) < 4:
        out += ["Applies in", "  " + ", ".join(j.upper() for j in rule.jurisdictions), ""]
    if rule.defused_by:
        out += ["Not reported when the claim is", "  " + ", ".join(sorted(rule.defused_by)), ""]
    out.append("Flags")
    out += [f"  - {_example(e)}" for e in rule.flag_examples]
    out.append("Does not flag")
    out += [f"  - {_example(e)}" for e in rule.pass_examples]
    return "\n".join(out) + "\n"
