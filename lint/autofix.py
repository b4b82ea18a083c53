"""`--fix` and `--diff`: lint, make the safe replacements, lint again until nothing changes; then write or diff.

Sees every stage (like pipeline): it reads with the file's encoding, extracts, lints,
edits (`lint.fix`) and writes back (`lint.rewrite`). `pipeline.run` calls a Fixer in
place of `Linter.lint_source`, so reporting and exit status work as in a plain run.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from lint import fix
from lint.errors import InputError
from lint.models import Finding, SourceFile
from lint.pipeline import Linter
from lint.rewrite import read_encoded, write_atomic

LOG = logging.getLogger(__name__)

#: Fix passes per file. A pass only repeats when overlapping fixes were held back,
#: so real files settle in one or two; the cap guards against a replacement that recreates its match.
MAX_PASSES = 10


def fix_text(linter: Linter, source: SourceFile, text: str) -> tuple[str, list[Finding], int]:
    """The text with every safe replacement made, the findings that remain, and how many edits were made."""
    made = 0
    for _ in range(MAX_PASSES):
        findings = linter.lint_read(source, text)
        chosen = fix.edits(text, findings)
        if not chosen:
            return text, findings, made
        text = fix.apply(text, chosen)
        made += len(chosen)
    return text, linter.lint_read(source, text), made


@dataclass
class Fixer:
    """Lints one source for `pipeline.run`, fixing it on the way.

    mode "fix" rewrites changed files in place (standard input: prints the fixed text to
    `out`); mode "diff" writes a unified diff to `out` and touches nothing.
    """

    linter: Linter
    mode: str  # "fix" | "diff"
    out: TextIO
    stdin: BinaryIO | None = None
    files_changed: int = 0
    edits_made: int = 0

    def __call__(self, source: SourceFile) -> list[Finding]:
        original = read_encoded(source, max_size=self.linter.settings.max_file_size, stdin=self.stdin)
        text, findings, made = fix_text(self.linter, source, original.text)
        if source.path == "-" and self.mode == "fix":
            self.out.write(text)
        if text == original.text:
            return findings
        self.files_changed += 1
        self.edits_made += made
        if self.mode == "diff":
            self.out.write(fix.unified_diff(source.display, original.text, text))
        elif source.path != "-":
            try:
                write_atomic(source.path, original.encode(text))
            except OSError as exc:
                raise InputError(source.display, f"cannot write the fixes: {exc.strerror or exc}") from None
        return findings
