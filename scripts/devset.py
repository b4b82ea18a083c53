#!/usr/bin/env python3
"""Precision and recall of the bundled rule packs on the labelled dev set (tests/devset/*.txt).

    python scripts/devset.py [--verbose] [--check] [--readme] [DIR]

A page is plain text with inline labels:

    [[cure|cures fibromyalgia]]           a claim finding of category `cure` must overlap this text
    [[cure,guarantee|guaranteed cure]]    one finding of each category must overlap it
    [[ok|Ketamine does not cure it.]]     no claim finding may overlap this text
    %% expect: missing_cost, missing_off_label    document-level findings the page must get
    %% jurisdiction: uk                   lint the page with this jurisdiction too (besides us)

Lines starting with `%%` are metadata and are removed before linting; the markers are
stripped and the labelled spans kept as offsets in the clean text. The clean text is
linted with the default settings. A claim finding is a true positive when a label of its
category overlaps it; any other finding is a false positive of its category (a finding of a
`missing_*` category is a true positive when the page's `%% expect:` names it). A label no
finding matches is a false negative. Precision counts findings, recall counts labels.

`--check` exits 1 when precision or recall is below 0.9 overall or for any category with at
least 5 labels. `--readme` writes the table into README.md (between the devset-table markers).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Sequence

import regex

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "tests" / "devset"
THRESHOLD = 0.9
MIN_LABELS = 5  # a category is checked on its own from this many labels

README = ROOT / "README.md"
README_BLOCK = regex.compile(r"(<!-- devset-table:start -->\n)(.*?)(<!-- devset-table:end -->)", regex.S)
_MARKER = regex.compile(r"\[\[([a-z_]+(?:\s*,\s*[a-z_]+)*)\|(.+?)\]\]", regex.S)
_META = regex.compile(r"%%\s*([a-z_]+)\s*:\s*(.*)")


class DevsetError(ValueError):
    """A page whose markup cannot be read."""


@dataclass(frozen=True)
class Label:
    categories: tuple[str, ...]  # ("ok",) for a sentence that must stay clean
    start: int
    end: int
    text: str

    @property
    def is_ok(self) -> bool:
        return self.categories == ("ok",)


@dataclass(frozen=True)
class Page:
    name: str
    text: str  # the clean text that is linted
    labels: tuple[Label, ...]
    expect: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


def parse_page(source: str, *, name: str = "<page>") -> Page:
    """Strip metadata lines and label markers; labels keep their offsets in the clean text."""
    expect: list[str] = []
    jurisdictions: list[str] = []
    kept: list[str] = []
    for line in source.splitlines(keepends=True):
        if line.startswith("%%"):
            m = _META.match(line.strip())
            if not m:
                raise DevsetError(f"{name}: unreadable metadata line {line.strip()!r}")
            key, values = m.group(1), [v.strip() for v in m.group(2).split(",") if v.strip()]
            if key == "expect":
                expect.extend(values)
            elif key == "jurisdiction":
                jurisdictions.extend(values)
            else:
                raise DevsetError(f"{name}: unknown metadata key {key!r} (expected expect or jurisdiction)")
            continue
        kept.append(line)
    body = "".join(kept)

    out: list[str] = []
    labels: list[Label] = []
    position = 0  # in body
    length = 0  # of the clean text so far
    for m in _MARKER.finditer(body):
        before = body[position:m.start()]
        out.append(before)
        length += len(before)
        categories = tuple(c.strip() for c in m.group(1).split(","))
        if "ok" in categories and len(categories) > 1:
            raise DevsetError(f"{name}: 'ok' cannot be combined with categories: {m.group(0)!r}")
        text = m.group(2)
        labels.append(Label(categories, length, length + len(text), text))
        out.append(text)
        length += len(text)
        position = m.end()
    out.append(body[position:])
    clean = "".join(out)
    if "[[" in clean or "]]" in clean:
        line = clean.count("\n", 0, clean.find("[[" if "[[" in clean else "]]")) + 1
        raise DevsetError(f"{name}:{line}: unbalanced or malformed label marker")
    return Page(name, clean, tuple(labels), tuple(expect), tuple(jurisdictions))


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Hit:
    """A finding reduced to what scoring needs: category, code and span in the clean text."""

    category: str
    code: str
    start: int
    end: int
    text: str


@dataclass
class Tally:
    labels: int = 0
    found: int = 0  # labels matched by a finding (recall numerator)
    findings: int = 0
    matched: int = 0  # findings that match a label (precision numerator)

    @property
    def fp(self) -> int:
        return self.findings - self.matched

    @property
    def fn(self) -> int:
        return self.labels - self.found

    @property
    def precision(self) -> float:
        return self.matched / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0


@dataclass(frozen=True)
class Miss:
    kind: str  # "FP" or "FN"
    page: str
    line: int
    category: str
    code: str
    text: str
    note: str = ""


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    pages: int = 0
    ok_labels: int = 0
    ok_violated: int = 0

    def tally(self, category: str) -> Tally:
        return self.tallies.setdefault(category, Tally())

    @property
    def overall(self) -> Tally:
        total = Tally()
        for t in self.tallies.values():
            total.labels += t.labels
            total.found += t.found
            total.findings += t.findings
            total.matched += t.matched
        return total

    def failures(self, threshold: float = THRESHOLD, min_labels: int = MIN_LABELS) -> list[str]:
        """Why --check fails: categories (with enough labels) or the overall figures below threshold."""
        out = []
        rows = [(c, t) for c, t in sorted(self.tallies.items()) if t.labels >= min_labels]
        for name, t in [*rows, ("overall", self.overall)]:
            for metric in ("precision", "recall"):
                value = getattr(t, metric)
                if value < threshold:
                    out.append(f"{name}: {metric} {value:.2f} < {threshold}")
        return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(page: Page, hits: Iterable[Hit], report: Report) -> None:
    """Add one page's findings to the report."""
    hits = list(hits)
    claims = [label for label in page.labels if not label.is_ok]
    oks = [label for label in page.labels if label.is_ok]
    report.pages += 1
    report.ok_labels += len(oks)

    for label in claims:
        for category in label.categories:
            tally = report.tally(category)
            tally.labels += 1
            if any(h.category == category and _overlaps(h.start, h.end, label.start, label.end) for h in hits):
                tally.found += 1
            else:
                report.misses.append(Miss("FN", page.name, page.line_of(label.start), category, "", label.text))

    expected = set(page.expect)
    for category in expected:
        tally = report.tally(category)
        tally.labels += 1
        if any(h.category == category for h in hits):
            tally.found += 1
        else:
            report.misses.append(Miss("FN", page.name, 1, category, "", "(document-level, declared by %% expect)"))

    for hit in hits:
        tally = report.tally(hit.category)
        tally.findings += 1
        if hit.category.startswith("missing_"):
            ok = hit.category in expected
        else:
            ok = any(hit.category in label.categories and _overlaps(hit.start, hit.end, label.start, label.end)
                     for label in claims)
        if ok:
            tally.matched += 1
            continue
        in_ok = any(_overlaps(hit.start, hit.end, label.start, label.end) for label in oks)
        report.misses.append(Miss("FP", page.name, page.line_of(hit.start), hit.category, hit.code, hit.text,
                                  "inside an [[ok|…]] sentence" if in_ok else ""))

    report.ok_violated += sum(
        1 for label in oks
        if any(not h.category.startswith("missing_") and _overlaps(h.start, h.end, label.start, label.end) for h in hits)
    )


# --------------------------------------------------------------------------- linting


def _offset(line_starts: Sequence[int], line: int, column: int) -> int:
    return line_starts[line - 1] + column - 1


def lint_page(page: Page) -> list[Hit]:
    """Lint the clean text with the default settings (and the page's jurisdictions besides us)."""
    jurisdictions = tuple(dict.fromkeys(("us", *page.jurisdictions)))
    linter = _linter(jurisdictions)
    line_starts = [0] + [i + 1 for i, ch in enumerate(page.text) if ch == "\n"]
    hits = []
    for f in linter.lint_text(page.text, kind="text", path=page.name):
        start = _offset(line_starts, f.line, f.column)
        end = _offset(line_starts, f.end_line, f.end_column) if f.text else start
        hits.append(Hit(f.category, f.code, start, max(end, start), f.text))
    return hits


_LINTERS: dict[tuple[str, ...], object] = {}


def _linter(jurisdictions: tuple[str, ...]):  # -> Linter
    if jurisdictions not in _LINTERS:
        from lint.config import Settings
        from lint.pipeline import Linter

        _LINTERS[jurisdictions] = Linter.from_settings(replace(Settings(), jurisdiction=jurisdictions, root=ROOT))
    return _LINTERS[jurisdictions]


def load_pages(directory: Path) -> list[Page]:
    files = sorted(directory.glob("*.txt"))
    if not files:
        raise DevsetError(f"{directory}: no .txt pages")
    return [parse_page(p.read_text(encoding="utf-8"), name=p.name) for p in files]


def evaluate(directory: Path = DEFAULT_DIR) -> Report:
    report = Report()
    for page in load_pages(directory):
        score(page, lint_page(page), report)
    return report


# --------------------------------------------------------------------------- output


def format_table(report: Report) -> str:
    head = f"| category | labels | TP | FP | FN | precision | recall |\n|---|---:|---:|---:|---:|---:|---:|"
    rows = []
    for name, t in sorted(report.tallies.items()):
        rows.append(f"| {name} | {t.labels} | {t.found} | {t.fp} | {t.fn} | {t.precision:.2f} | {t.recall:.2f} |")
    o = report.overall
    rows.append(f"| **overall** | {o.labels} | {o.found} | {o.fp} | {o.fn} | {o.precision:.2f} | {o.recall:.2f} |")
    tail = (f"\n{report.pages} pages; {o.labels} labelled claims; {report.ok_labels} [[ok|…]] sentences, "
            f"{report.ok_violated} of them flagged.")
    return "\n".join([head, *rows]) + "\n" + tail


def format_misses(report: Report) -> str:
    lines = []
    for m in sorted(report.misses, key=lambda m: (m.kind, m.category, m.page, m.line)):
        code = f" {m.code}" if m.code else ""
        note = f"  ({m.note})" if m.note else ""
        text = regex.sub(r"\s+", " ", m.text).strip()
        lines.append(f"{m.kind} {m.category}{code} {m.page}:{m.line}: {text!r}{note}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR, help="folder of labelled pages")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every false positive and false negative")
    parser.add_argument("--check", action="store_true", help="exit 1 when precision or recall is below 0.9")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    try:
        report = evaluate(args.directory)
    except DevsetError as exc:
        print(f"devset: error: {exc}", file=sys.stderr)
        return 2
    table = format_table(report)
    print(table)
    if args.readme:
        text = README.read_text(encoding="utf-8")
        README.write_text(README_BLOCK.sub(lambda m: m.group(1) + table + "\n" + m.group(3), text), encoding="utf-8")
    if args.verbose and report.misses:
        print()
        print(format_misses(report))
    if args.check:
        failures = report.failures()
        for failure in failures:
            print(f"devset: below threshold: {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
