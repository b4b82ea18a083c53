"""Finding fingerprints that survive line shifts: path, code, the claim's words and which occurrence it is.

One implementation for the baseline filter and the SARIF/GitLab reporters, which read
`Finding.fingerprint`. Line numbers are left out on purpose: moving a paragraph keeps
the fingerprint, editing the claim's words changes it.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import regex

from lint.extract.base import normalise
from lint.models import Document, Finding
from lint.compiled import compile as cached_regex

_SPACES = cached_regex(r"\s+")


def claim_text(text: str) -> str:
    """The matched words as fingerprints compare them: folded quotes, one space, case ignored."""
    return _SPACES.sub(" ", normalise(text)).strip().casefold()


def fingerprint(path: str, code: str, text: str, occurrence: int) -> str:
    """A short stable hash of what identifies a finding; `text` is already `claim_text`."""
    import hashlib  # imported on first use: most runs print no fingerprints

    key = "\0".join((path, code, text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def stamp(findings: list[Finding], doc: Document, *, root: Path | None = None) -> list[Finding]:
    """Findings (sorted by position) with their fingerprint set.

    The path is taken relative to `root` (the config file's folder), so running from a
    subfolder gives the same fingerprints. The occurrence index counts earlier findings
    of the same code and words in the file, set-aside ones included, so a suppression
    comment elsewhere does not renumber them.
    """
    path = _project_path(doc.path, root)
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        text = claim_text(doc.prose[f.start:f.end]) if f.text else ""
        out.append(replace(f, fingerprint=fingerprint(path, f.code, text, seen[f.code, text])))
        seen[f.code, text] += 1
    return out


def _project_path(path: str, root: Path | None) -> str:
    if root is None:
        return path
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        return path
