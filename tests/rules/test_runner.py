"""The rule runner's shortcuts (anchor prefilter, long rules searched pattern by pattern) find
exactly what searching every rule's whole pattern list over every paragraph finds."""
from __future__ import annotations

from pathlib import Path

from lint.config import Settings
from lint.extract import extract
from lint.models import SourceFile
from lint.pipeline import Linter
from lint.rules import RuleRunner

TESTS = Path(__file__).resolve().parent.parent
PAGES = sorted(TESTS.glob("devset/*.txt"))[:24] + sorted(TESTS.glob("heldout/*.txt"))[::2]


def test_prefilter_and_parts_change_no_finding():
    rules = Linter.from_settings(Settings()).rules
    fast, plain = RuleRunner(rules), RuleRunner(rules, prefilter=False)
    for page in PAGES:
        doc = extract(SourceFile(str(page), page.name, "text"), page.read_text(encoding="utf-8"))
        key = lambda f: (f.start, f.end, f.code)  # noqa: E731
        assert sorted(map(key, fast.run(doc))) == sorted(map(key, plain.run(doc))), page.name


def test_warming_compiles_every_pattern_a_page_can_search(monkeypatch):
    """Workers fork after the parent warms the pattern cache; a pattern first compiled in a
    worker is compiled again in every worker and every run."""
    from lint import compiled

    linter = Linter.from_settings(Settings())
    linter.runner.warm_pattern_cache()
    built: list[str] = []
    original = compiled._compile_recording
    monkeypatch.setattr(compiled, "_compile_recording", lambda p, f: built.append(p) or original(p, f))
    for page in PAGES:
        linter.lint_text(page.read_text(encoding="utf-8"))
    assert built == []
