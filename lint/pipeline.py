"""Runs the stages in order, file by file: discover → read → extract → rules → filter → report.

The only module (besides cli) that knows every stage. Files stream through one at a
time; nothing from one file is kept once its findings are reported.
"""
import logging
import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator, NamedTuple, Sequence

from lint import filter as filters
from lint.config import Settings
from lint.discover import discover, display_path, kind_for, shown_name
from lint.errors import ConfigError, HealthlintError, InputError, InputNotice
from lint.extract import extract
from lint.filter import suppress
from lint.filter.context import Triggers, load_triggers
from lint.filter.select import PerFileIgnores, select_rules
from lint.models import Document, Finding, Rule, RunSummary, SourceFile
from lint.parallel import MIN_ITEMS_PER_JOB, ordered_map
from lint.read import read_source
from lint.report.base import Reporter
from lint.rules import RuleRunner
from lint.compiled import pattern_cache
from lint.rules.loader import DEFINITIONS_FILE, REFERENCES_FILE, builtin_dir, RuleSet, load_ruleset, with_own_rules

if TYPE_CHECKING:
    from lint.cache import ResultCache
    from lint.filter.baseline import Baseline
    from lint.filter.linked import LinkedPages

LOG = logging.getLogger(__name__)

#: Output formats that carry fingerprints (others skip computing them).
FINGERPRINT_FORMATS = frozenset({"sarif", "gitlab"})

Notify = Callable[[str, str], None]  # (level "error" | "warning" | "notice", message)


@dataclass(frozen=True)
class Linter:
    """Everything loaded once per run: settings, the selected rules, context triggers."""

    settings: Settings
    ruleset: RuleSet
    rules: tuple[Rule, ...]
    triggers: Triggers
    rules_by_code: dict[str, Rule]
    per_file_ignores: PerFileIgnores
    linked_pages: "LinkedPages | None" = None
    baseline: "Baseline | None" = None
    fingerprints: bool = True  # stamp findings with fingerprints (SARIF, GitLab and baselines read them)

    @classmethod
    def from_settings(cls, settings: Settings, *, ruleset: RuleSet | None = None,
                      fingerprints: bool | None = None) -> "Linter":
        ruleset = with_own_rules(ruleset or load_ruleset(settings.all_rulesets, base=Path.cwd()))
        _check_selectors(settings, ruleset)
        triggers = load_triggers([Path(p) for p in settings.extend_context])
        pattern_cache().save()  # every pattern is compiled by now: keep them for the next run
        return cls(
            settings=settings,
            ruleset=ruleset,
            rules=tuple(select_rules(ruleset.rules, settings)),
            triggers=triggers,
            rules_by_code=ruleset.by_code(),
            per_file_ignores=PerFileIgnores(settings),
            linked_pages=_linked_pages(settings) if settings.linked_disclosures else None,
            baseline=_baseline(settings.baseline) if settings.baseline else None,
            fingerprints=fingerprints if fingerprints is not None else settings.format in FINGERPRINT_FORMATS,
        )

    def lint_document(self, doc: Document, *, page: Path | None = None) -> list[Finding]:
        """All findings for one document, sorted; those a filter set aside carry the reason.

        `page` is the document's file, for resolving its links to other pages of the site.
        """
        raw = self.runner.run(doc)
        return filters.apply(
            raw,
            doc,
            rules=self.rules_by_code,
            triggers=self.triggers,
            per_file_ignores=self.per_file_ignores,
            page=page,
            linked_pages=self.linked_pages,
            baseline=self.baseline,
            root=self.settings.root,
            active=self.active_codes,
            fingerprints=self.fingerprints,
        )

    def result_cache(self) -> "ResultCache":
        """The cache of results for this run's settings and rule packs."""
        from lint.cache import ResultCache

        packs = [pack.path for pack in self.ruleset.packs]
        packs += [builtin_dir() / name for name in (REFERENCES_FILE, DEFINITIONS_FILE, "context.yaml")]
        packs += [Path(p) for p in self.settings.extend_context]
        packs += [Path(self.settings.baseline)] if self.settings.baseline else []
        return ResultCache.for_run(self.settings, packs, fingerprints=self.fingerprints)

    @cached_property
    def runner(self) -> RuleRunner:
        """The selected rules, with the anchor index that keeps them off paragraphs they cannot match."""
        return RuleRunner(self.rules, jurisdictions=self.settings.jurisdiction)

    @cached_property
    def active_codes(self) -> frozenset[str]:
        """Codes of the rules this run applies."""
        return frozenset(rule.code for rule in self.rules)

    def lint_source(self, source: SourceFile, *, stdin: BinaryIO | None = None,
                    warn: Callable[[str], None] | None = None) -> list[Finding]:
        """Findings for one file; `warn` hears about suppression directives it cannot use."""
        text = read_source(source, max_size=self.settings.max_file_size, stdin=stdin)
        return self.lint_read(source, text, warn=warn)

    def lint_read(self, source: SourceFile, text: str, *, warn: Callable[[str], None] | None = None) -> list[Finding]:
        """Findings for a source whose text is already read (--fix lints its edited text this way)."""
        doc = extract(source, text)
        if warn is not None:
            for message in suppress.problems(doc, self.rules_by_code):
                warn(message)
        page = Path(source.display if source.path == "-" else source.path)
        return self.lint_document(doc, page=page)

    def lint_text(self, text: str, *, kind: str = "text", path: str = "<text>") -> list[Finding]:
        """Findings for a string, as if it were a file of `kind`; set-aside findings are left out."""
        doc = extract(SourceFile(path=path, display=path, kind=kind), text)
        return [f for f in self.lint_document(doc) if not f.suppressed]


def _linked_pages(settings: Settings) -> "LinkedPages":
    from lint.filter.linked import LinkedPages

    return LinkedPages(lambda path: _prose_of(path, settings), site_root=settings.site_root_path,
                       project_root=settings.root)


def _baseline(path: str) -> "Baseline":
    from lint.filter.baseline import Baseline

    return Baseline.load(path)


def _prose_of(path: Path, settings: Settings) -> str | None:
    """The prose of a linked page, or None if it cannot be read (that is the linking page's concern)."""
    source = SourceFile(path=str(path), display=str(path), kind=kind_for(path.name))
    try:
        return extract(source, read_source(source, max_size=settings.max_file_size)).prose
    except InputError:
        return None


def _check_selectors(settings: Settings, ruleset: RuleSet) -> None:
    """A --select entry that matches no loaded rule is almost always a typo: say so."""
    codes = [rule.code for rule in ruleset.rules]
    for key in ("select", "extend_select"):
        for prefix in getattr(settings, key):
            if prefix != "ALL" and not any(code.startswith(prefix) for code in codes):
                raise ConfigError(f"{key.replace('_', '-')}: {prefix!r} matches no rule code (see `healthlint rules`)")


def sources_for(paths: Sequence[str], settings: Settings, *, stdin_filename: str | None = None) -> list[SourceFile]:
    """The files a run lints, sorted by the path they print as; `-` is standard input."""
    files = [f for f in discover([p for p in paths if p != "-"], settings)]
    if "-" in paths:
        name = stdin_filename or "stdin"
        display = shown_name(display_path(Path(name), Path.cwd()) if stdin_filename else name)
        files.append(SourceFile(path="-", display=display, kind=kind_for(name)))
    return sorted(files, key=lambda f: f.display)


class FileResult(NamedTuple):
    """What linting one file produced: its findings, or why it could not be linted."""

    source: SourceFile
    findings: tuple[Finding, ...] = ()
    problem: str = ""  # "notice" (skipped on purpose) or "error" (could not be linted)
    message: str = ""
    warnings: tuple[str, ...] = ()  # suppression directives that could not be used


def lint_file(linter: Linter, source: SourceFile, *, stdin: BinaryIO | None = None,
              lint: Callable[[SourceFile], list[Finding]] | None = None) -> FileResult:
    """Lint one file; input problems become part of the result, never an exception."""
    warnings: list[str] = []
    try:
        findings = lint(source) if lint else linter.lint_source(source, stdin=stdin, warn=warnings.append)
    except InputNotice as notice:
        return FileResult(source, problem="notice", message=str(notice))
    except InputError as error:
        return FileResult(source, problem="error", message=str(error))
    except HealthlintError:
        raise  # a broken rule or setting: the run stops (pipeline.run)
    except Exception as exc:  # noqa: BLE001 - a bug met in one file must not stop the others
        if os.environ.get("HEALTHLINT_DEBUG"):
            raise
        message = f"{source.display}: internal error ({type(exc).__name__}: {exc}); please report it"
        return FileResult(source, problem="error", message=message)
    return FileResult(source, tuple(findings), warnings=tuple(warnings))


# The linter of a worker process (forked with it, or set up by the initializer), or of this one.
_worker: tuple[Linter, BinaryIO | None, Callable[[SourceFile], list[Finding]] | None] | None = None
# The error that stopped this worker (a rule over its time budget): files still queued to it fail at once.
_stopped: HealthlintError | None = None


def _start_worker(linter: Linter | Settings, stdin: BinaryIO | None = None,
                  lint: Callable[[SourceFile], list[Finding]] | None = None) -> None:
    global _worker, _stopped
    _worker = (linter if isinstance(linter, Linter) else Linter.from_settings(linter), stdin, lint)
    _stopped = None


def _lint_in_worker(source: SourceFile) -> FileResult:
    global _stopped
    assert _worker is not None
    if _stopped is not None:
        raise _stopped
    linter, stdin, lint = _worker
    try:
        return lint_file(linter, source, stdin=stdin, lint=lint)
    except HealthlintError as exc:
        _stopped = exc
        raise


def run(
    linter: Linter,
    sources: Sequence[SourceFile],
    reporter: Reporter,
    *,
    stdin: BinaryIO | None = None,
    notify: Notify | None = None,
    progress: Callable[[SourceFile], None] | None = None,
    lint: Callable[[SourceFile], list[Finding]] | None = None,  # in place of lint_source: --fix, --diff
    jobs: int = 1,
) -> RunSummary:
    """Lint every source and feed the reporter, in order; input problems are reported and the run goes on.

    With `jobs` > 1 files are linted in worker processes; reading standard input or
    fixing files stays in this process.
    """
    settings = linter.settings
    summary = RunSummary()
    reporter.start(linter.rules)
    serial = stdin is not None or lint is not None
    cache = linter.result_cache() if settings.cache and not serial and not settings.linked_disclosures else None
    results = _results(linter, sources, stdin=stdin, lint=lint, jobs=1 if serial else jobs, cache=cache)
    for result in results:
        if progress:
            progress(result.source)
        if notify:
            for warning in result.warnings:
                notify("warning", warning)
        if result.problem:
            (summary.notices if result.problem == "notice" else summary.errors).append(result.message)
            if notify:
                notify(result.problem, result.message)
            continue
        findings = list(result.findings)
        if cache is not None:
            cache.put(result.source, findings, result.warnings)
        summary.add(findings)
        shown = findings if settings.show_suppressed else [f for f in findings if not f.suppressed]
        reporter.file(result.source.display, shown)
    reporter.stop(summary)
    if cache is not None:
        cache.save()
    return summary


def _results(linter: Linter, sources: Sequence[SourceFile], *, stdin: BinaryIO | None,
             lint: Callable[[SourceFile], list[Finding]] | None, jobs: int,
             cache: "ResultCache | None") -> Iterator[FileResult]:
    """FileResults in source order: unchanged files from the cache, the others linted (in workers)."""
    cached: dict[int, FileResult] = {}
    if cache is not None:
        for index, source in enumerate(sources):
            if (hit := cache.get(source)) is not None:
                cached[index] = FileResult(source, tuple(hit[0]), warnings=hit[1])
    todo = [source for index, source in enumerate(sources) if index not in cached]
    serial = stdin is not None or lint is not None
    worker_arg: Linter | Settings = linter if sys.platform.startswith("linux") or serial else linter.settings
    if jobs > 1 and len(todo) >= 2 * MIN_ITEMS_PER_JOB:
        linter.runner.warm_pattern_cache()  # workers then compile from the cache, not from scratch
    linted = ordered_map(_lint_in_worker, todo, jobs=jobs, initializer=_start_worker, initargs=(worker_arg, stdin, lint))
    for index in range(len(sources)):
        yield cached[index] if index in cached else next(linted)


def exit_status(summary: RunSummary, settings: Settings) -> int:
    """2 if a file could not be linted, 1 if anything was found (unless --exit-zero), else 0."""
    if summary.errors:
        return 2
    if summary.findings and not settings.exit_zero:
        return 1
    return 0
