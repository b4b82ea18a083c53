"""Page text is hostile input: keep control characters out of terminals, XML and links.

A page may hold ANSI escape sequences, bidi overrides or stray control bytes; printed
raw they can recolour or rewrite a terminal, break XML or reorder what a reviewer sees.
They are shown as visible escapes (`\\x1b`), so nothing is silently lost.
"""
from __future__ import annotations

import regex

from lint.compiled import compile as cached_regex

# C0 controls except tab/newline/return, DEL, C1 controls, bidi embeddings/overrides/isolates,
# lone surrogates and the XML non-characters U+FFFE/U+FFFF.
_CONTROLS = cached_regex(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
_LINE_CONTROLS = cached_regex(_CONTROLS.pattern[:-1] + r"\n\r]")
_WEB = cached_regex(r"(?i)https?://[^\s\"'<>`]+")


def _escape(m: regex.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(text: str) -> str:
    """Text with control characters made visible; newlines and tabs kept (XML, Markdown, HTML)."""
    return _CONTROLS.sub(_escape, text)


def printable(text: str) -> str:
    """One line for a terminal or a log: control characters and line breaks made visible."""
    return _LINE_CONTROLS.sub(_escape, text)


def web_url(url: str) -> str:
    """The URL if it is a plain http(s) link, else "" (a rule pack could carry `javascript:` links)."""
    return url if _WEB.fullmatch(url or "") else ""
