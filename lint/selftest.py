"""Run every rule's own examples: each `flag` example must raise the rule, each `pass` must not.

The harness behind `healthlint test-rules` and tests/test_rulepacks.py (semgrep's
`--test`, proselint's example table).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from lint.config import Settings
from lint.extract import extract
from lint.models import JURISDICTIONS, Finding, Rule, SourceFile
from lint.pipeline import Linter
from lint.rules.loader import RuleSet


@dataclass(frozen=True)
class Failure:
    rule: Rule
    expected: str  # "flag" or "pass"
    example: str
    detail: str

    def __str__(self) -> str:
        verb = "should flag" if self.expected == "flag" else "should not flag"
        return f"{self.rule.origin}: {self.rule.code} {verb}: {self.example!r} ({self.detail})"


@dataclass(frozen=True)
class Result:
    rules: int
    examples: int
    failures: tuple[Failure, ...]


def run(ruleset: RuleSet, settings: Settings | None = None) -> Result:
    """Lint each example with every rule of the set on (preview and all jurisdictions included)."""
    base = settings or Settings()
    linter = Linter.from_settings(
        replace(base, select=(), extend_select=(), ignore=(), extend_ignore=(), per_file_ignores=(),
                preview=True, jurisdiction=JURISDICTIONS),
        ruleset=ruleset,
    )
    lint = _cached(linter)
    failures: list[Failure] = []
    examples = 0
    for rule in ruleset.rules:
        for text in rule.flag_examples:
            examples += 1
            found = [f for f in lint(text) if f.code == rule.code]
            if not any(not f.suppressed for f in found):
                detail = f"set aside as {found[0].suppressed}" if found else "no match"
                failures.append(Failure(rule, "flag", text, detail))
        for text in rule.pass_examples:
            examples += 1
            found = [f for f in lint(text) if f.code == rule.code and not f.suppressed]
            if found:
                failures.append(Failure(rule, "pass", text, f"matched {found[0].text!r}"))
    return Result(rules=len(ruleset.rules), examples=examples, failures=tuple(failures))


def _cached(linter: Linter) -> Callable[[str], list[Finding]]:
    @lru_cache(maxsize=None)
    def lint(text: str) -> list[Finding]:
        return linter.lint_document(extract(SourceFile("<example>", "<example>", "text"), text))

    return lint
