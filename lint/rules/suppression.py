"""Kind `suppression`: healthlint's own rules about suppression directives (the HL9xx family).

These rules find nothing in the prose: whether a directive was needed is only known once
every other rule has run, so `filter/suppress.py` makes their findings. What they say
(message, fix, docs, examples) is data, here, in the same shape as a rule pack's YAML.
Their findings carry the category of the rule the directive names (the 15 categories are
fixed), so the rule itself has none: `category` is "" and listings say "named rule's".
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Sequence

from lint.models import JURISDICTIONS, Document, Hit, Rule, Span

KIND = "suppression"
FIELDS: dict[str, Any] = {}
DEFUSED_BY: frozenset[str] = frozenset()
ANCHORED_BY = None  # no patterns: nothing to prefilter
PACK = "healthlint"
PACK_DESCRIPTION = "healthlint's own checks of its suppression directives."
CATEGORY_LABEL = "(named rule's)"  # what listings show for a rule whose findings borrow a category
UNUSED = "HL901"

RULES: tuple[dict[str, Any], ...] = (
    {
        "code": UNUSED,
        "name": "unused-suppression",
        "severity": "warning",
        "message": "unused suppression: {{ code }} ({{ name }}) reports nothing {{ scope }}",
        "fix": "Remove the unused code from the directive (or the whole directive, if it names nothing else).",
        "what": "A healthlint-disable directive, or a front-matter healthlint key, naming a code that "
                "reports nothing where the directive applies. The finding takes the category of the "
                "rule the directive names. A directive that names no code is never reported.",
        "why": "A stale suppression hides the next problem claim written where it applies, and tells a "
               "reviewer that a claim was accepted when it is no longer there.",
        "example": "<!-- healthlint-disable-next-line HL101 -->\n<p>Ketamine may ease pain for a while.</p>",
        "instead": "<p>Ketamine may ease pain for a while.</p>",
        "evidence": "Not a health claim: this rule keeps healthlint's own directives honest, as ruff's "
                    "RUF100 does for unused noqa comments.",
        "flag": (
            "healthlint-disable-next-line HL101\nKetamine may ease pain for some patients.",
            "healthlint-disable-next-line HL112\nKetamine does not cure fibromyalgia.",
            "healthlint-disable-next-line HL101 -- a negated claim needs no directive\n"
            "Ketamine does not cure fibromyalgia.",
        ),
        "pass": (
            "healthlint-disable-next-line HL101\nOur infusions cure fibromyalgia.",
            "healthlint-disable-next-line\nKetamine may ease pain for some patients.",
            "healthlint-disable-next-line HL101, HL112\nOur non-addictive infusions cure fibromyalgia.",
        ),
    },
)


def rules() -> tuple[Rule, ...]:
    """The built-in HL9xx rules, as Rule objects like any pack's."""
    return tuple(_rule(raw) for raw in RULES)


def _rule(raw: Mapping[str, Any]) -> Rule:
    return Rule(
        code=raw["code"], name=raw["name"], kind=KIND, category="", severity=raw["severity"],
        message=raw["message"], fix=raw["fix"], what=raw["what"], why=raw["why"],
        example=raw["example"], instead=raw["instead"], evidence=raw["evidence"],
        citations=(), jurisdictions=JURISDICTIONS, flag_examples=raw["flag"], pass_examples=raw["pass"],
        defused_by=DEFUSED_BY, preview=False, pack=PACK, origin=f"{__name__}:{raw['code']}",
    )


def compile(options: Mapping[str, Any]) -> None:  # noqa: A001 - the kind interface
    return None


def check(compiled: None, doc: Document, blocks: Sequence[Span] | None = None) -> Iterator[Hit]:
    """Nothing: the suppress filter reports these rules' findings."""
    return iter(())
