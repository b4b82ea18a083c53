"""The records passed one way through the pipeline: files, documents, rules, findings.

No `from __future__ import annotations` here: NamedTuple would compile each string
annotation at import (68 compilations, a fifth of start-up time).

Immutable records are NamedTuples (cheap to define and to make: start-up time and the
number made per site both count); a Finding, which filters copy with a reason set, and
the run's summary, which counts, are dataclasses.
"""
import logging
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

if TYPE_CHECKING:
    from lint.extract.sourcemap import SourceMap

LOG = logging.getLogger(__name__)

#: The finding categories other tools rely on (DESIGN.md, fixed).
CATEGORIES: tuple[str, ...] = (
    "cure",
    "safety_overclaim",
    "guarantee",
    "uncited_efficacy",
    "approval_misrepresentation",
    "testimonial_typicality",
    "hype",
    "urgency",
    "comparative_superiority",
    "unsupported_mechanism",
    "missing_side_effects",
    "missing_cost",
    "missing_medical_supervision",
    "missing_off_label",
    "missing_evidence_limits",
)

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

JURISDICTIONS: tuple[str, ...] = ("us", "uk", "eu", "au")


class SourceFile(NamedTuple):
    """A file to lint: where it is, how to show it, and which extractor reads it."""

    path: str  # filesystem path, or "-" for stdin
    display: str  # the path as printed in findings
    kind: str  # extractor name: "text", "html", "markdown", ...


_EMPTY: Mapping[str, Any] = MappingProxyType({})  # the default of mapping fields: shared, so read-only
_AFTER = float("inf")  # sorts after any end offset: bisecting spans by their start


class Span(NamedTuple):
    """A half-open range of prose offsets (a tuple: millions are made per site)."""

    start: int
    end: int


class Link(NamedTuple):
    """A hyperlink in the prose: its visible text span and its target."""

    start: int
    end: int
    href: str


class Suppression(NamedTuple):
    """One code (or every code, when `code` is "") switched off by a directive in the file.

    The directive stands at `line`:`column`–`end_line`:`end_column`; it covers findings
    that start from `first` up to `last` (inclusive (line, column) pairs). One directive
    naming three codes gives three Suppressions, so each can be reported unused on its
    own. `error` says why a directive could not be read (then it covers nothing).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    first: tuple[int, int]
    last: tuple[int, int]
    form: str = "disable"  # disable | disable-next-line | disable-file | front-matter | enable
    reason: str = ""
    error: str = ""

    def covers(self, line: int, column: int) -> bool:
        return not self.error and self.first <= (line, column) <= self.last


#: Source lines longer than this are cut to EXCERPT characters either side of a finding.
LONG_LINE = 2000
EXCERPT = 150


class Document(NamedTuple):
    """What a visitor reads in one file, with everything needed to point back into it."""

    path: str  # display path
    kind: str
    source: str
    prose: str
    sourcemap: "SourceMap"  # lint.extract.sourcemap: models import no stage
    blocks: tuple[Span, ...]
    sentences: tuple[Span, ...]
    links: tuple[Link, ...] = ()
    suppressions: tuple[Suppression, ...] = ()

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding prose `offset` (the nearest one before it)."""
        return max(bisect_right(self.sentences, (offset, _AFTER)) - 1, 0)  # spans are (start, end) tuples

    def block_at(self, offset: int) -> Span:
        i = max(bisect_right(self.blocks, (offset, _AFTER)) - 1, 0)
        return self.blocks[i] if self.blocks else Span(0, len(self.prose))

    def source_line_text(self, line: int) -> str:
        return self.sourcemap.line_text(self.source, line)

    def line_excerpt(self, line: int, column: int, end_column: int | None = None) -> tuple[str, int]:
        """A source line for a finding from `column` to `end_column` (or the line's end), and the
        0-based offset in the line where the text starts. A line longer than LONG_LINE (a
        minified page) is cut to EXCERPT characters either side, so findings do not each
        carry megabytes."""
        text = self.source_line_text(line)
        if len(text) <= LONG_LINE:
            return text, 0
        start = max(column - 1 - EXCERPT, 0)
        return text[start:(end_column or len(text)) - 1 + EXCERPT], start


class Reference(NamedTuple):
    """A source that rules cite: a regulation, guidance, enforcement action or paper."""

    id: str
    title: str
    url: str = ""
    kind: str = "regulation"  # regulation | guidance | enforcement | paper
    issuer: str = ""
    authors: str = ""
    year: str = ""
    section: str = ""
    jurisdiction: str = ""  # us | uk | eu | au | "" (papers: everywhere)
    pmid: str = ""
    doi: str = ""


class Citation(NamedTuple):
    """A reference as a finding shows it (DESIGN.md: id, title, url)."""

    id: str
    title: str
    url: str


class Rule(NamedTuple):
    """One rule from a pack, validated, with its kind-specific part compiled once."""

    code: str
    name: str
    kind: str
    category: str
    severity: str
    message: str
    fix: str
    what: str
    why: str
    example: str
    instead: str
    evidence: str
    citations: tuple[Reference, ...]
    jurisdictions: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    defused_by: frozenset[str]
    preview: bool
    pack: str
    origin: str  # "file:line" where the rule is defined
    options: Mapping[str, Any] = _EMPTY
    compiled: Any = None
    replacement: str | None = None  # jinja2 template for a mechanical fix (`replacement:`), if any
    anchors: tuple[tuple[frozenset[str], ...], ...] | None = None  # see rules/anchors.py (None: run everywhere)

    def citations_for(self, jurisdictions: tuple[str, ...]) -> tuple[Citation, ...]:
        """Citations to show: papers always, regulations only for the chosen jurisdictions."""
        return tuple(
            Citation(r.id, r.title, r.url)
            for r in self.citations
            if not r.jurisdiction or not jurisdictions or r.jurisdiction in jurisdictions
        )


class Hit(NamedTuple):
    """A raw match from a rule kind, in prose offsets, before it becomes a Finding."""

    start: int
    end: int
    variables: Mapping[str, Any] = _EMPTY


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, with everything a reporter needs (no reporter opens a file)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    category: str
    severity: str
    message: str
    fix: str
    citations: tuple[Citation, ...]
    evidence: str
    text: str  # the matched source text; "" for document-level findings
    source_line: str = ""  # the source line the finding starts on (cut around the match when very long)
    source_line_start: int = 0  # 0-based column in the line where `source_line` starts
    start: int = 0  # prose offsets (for context and suppression filters)
    end: int = 0
    suppressed: str = ""  # why a filter set it aside ("negated", "comment", "baseline"…)
    replacement: str | None = None  # text that may replace `text` verbatim (--fix), when that is safe
    fingerprint: str = ""  # stable across line shifts: path, code, claim text, occurrence (filter.fingerprint)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)

    def __reduce__(self) -> tuple[type["Finding"], tuple[Any, ...]]:
        """Pickled as the constructor's arguments (workers send findings to the parent): a
        frozen slots dataclass otherwise restores itself field by field in Python, a third slower."""
        return (Finding, tuple(getattr(self, name) for name in _FINDING_FIELDS))

    def as_dict(self) -> dict[str, Any]:
        """The JSON object fixed by DESIGN.md."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "fix": self.fix,
            "citations": [{"id": c.id, "title": c.title, "url": c.url} for c in self.citations],
            "evidence": self.evidence,
            "text": self.text,
        }


_FINDING_FIELDS = tuple(Finding.__dataclass_fields__)


@dataclass
class RunSummary:
    """What a run did, for the reporters' last words and the exit status."""

    files: int = 0
    findings: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)  # code → rule name, for statistics
    suppressed: Counter[str] = field(default_factory=Counter)  # reason → count
    errors: list[str] = field(default_factory=list)  # files that could not be linted
    notices: list[str] = field(default_factory=list)  # files skipped on purpose

    def add(self, findings: list[Finding]) -> None:
        self.files += 1
        for finding in findings:
            if finding.suppressed:
                self.suppressed[finding.suppressed] += 1
            else:
                self.findings += 1
                self.by_code[finding.code] += 1
                self.names.setdefault(finding.code, finding.name)
