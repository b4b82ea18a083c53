"""Command line. `healthlint [PATHS]` lints (short for `healthlint check`); `rules`, `explain`
and `test-rules` describe and test the rule packs. Any HealthlintError is one line, exit 2."""
from __future__ import annotations

import atexit
import logging
import os
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterator, TextIO

import click

from lint import __version__, report
from lint.config import Settings, load_settings
from lint.errors import HealthlintError
from lint.models import JURISDICTIONS, Rule, RunSummary, SourceFile
from lint.parallel import available_cores
from lint.pipeline import Linter, exit_status, run, sources_for
from lint.progress import MIN_FILES, ClearingStream, Progress
from lint.rules.loader import RuleSet, load_ruleset, with_own_rules
from lint.rules.suppression import CATEGORY_LABEL

if TYPE_CHECKING:
    from lint.autofix import Fixer

LOG = logging.getLogger(__name__)

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
COMMANDS_HELP = """\
A content-compliance linter for health marketing: it reports claims a regulator would
object to and disclosures a treatment page leaves out, each with a fix, the rule it
breaks and what the evidence says.

\b
  healthlint [OPTIONS] [PATHS]...    lint files and folders (same as `healthlint check`)
  healthlint rules                   list the rules
  healthlint explain HL101           explain one rule: what, why, fix, evidence, sources
  healthlint test-rules [PACK]...    run the rule packs' own examples

Exit status: 0 nothing found, 1 findings, 2 usage, configuration or input error.
Run `healthlint check --help` for every linting option.
"""


class DefaultGroup(click.Group):
    """A group whose default command is `check`, so `healthlint PATH` lints PATH."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except HealthlintError as exc:
            click.echo(f"healthlint: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:  # `healthlint … | head`
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=DefaultGroup, context_settings=CONTEXT, help=COMMANDS_HELP)
@click.version_option(__version__, "--version", prog_name="healthlint")
def main() -> None:
    pass


def console_main() -> None:
    """The installed `healthlint` command: `main`, then an exit that skips freeing the heap.

    Python frees every object at exit, one by one: the compiled rule packs make that ~30 ms,
    a fifth of a one-page run in a pre-commit hook. The exit handlers still run (they save
    the pattern cache and flush logging), the streams are flushed, and the operating system
    takes the memory back at once (mypy's `hard_exit` does the same).
    """
    try:
        main(prog_name="healthlint")
    except SystemExit as exc:
        if not isinstance(exc.code, (int, type(None))):
            raise  # a message to print: leave it to Python
        _exit_now(exc.code or 0)


def _exit_now(status: int) -> None:
    """Exit with `status` once the exit handlers ran and the output is out; 1 if it could not all go out."""
    atexit._run_exitfuncs()  # noqa: SLF001 - what a normal exit would run first
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`healthlint … | head`) or a closed stream
            status = status or 1
    os._exit(status)


# --------------------------------------------------------------------------- shared options


def config_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config/--isolated/--ruleset/--extend-ruleset: which settings and packs to use."""
    options = [
        click.option("--config", type=click.Path(dir_okay=False, path_type=Path),
                     help="Use this config file instead of the nearest .healthlint.yaml or pyproject.toml."),
        click.option("--isolated", is_flag=True, help="Ignore all configuration files."),
        click.option("--ruleset", "rulesets", multiple=True, metavar="NAME|PATH",
                     help="Rule pack to use instead of the defaults (core, ketamine); repeatable."),
        click.option("--extend-ruleset", "extend_rulesets", multiple=True, metavar="NAME|PATH",
                     help="Rule pack to use in addition to the configured ones; repeatable."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _joined(values: tuple[str, ...]) -> str | None:
    return ",".join(values) if values else None


def _settings(config: Path | None, isolated: bool, options: dict[str, Any]) -> Settings:
    cli_options = {key: (_joined(value) if isinstance(value, tuple) else value) for key, value in options.items()}
    return load_settings(cli_options, config=config, isolated=isolated)


def _load(settings: Settings) -> RuleSet:
    return with_own_rules(load_ruleset(settings.all_rulesets, base=Path.cwd()))


# --------------------------------------------------------------------------- check


@main.command("check", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, metavar="[PATHS]...")
@click.option("--select", multiple=True, metavar="CODES", help="Only these codes or prefixes (comma-separated; e.g. HL1,HL301).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Codes or prefixes to add to the selection.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Codes or prefixes to leave out.")
@click.option("--extend-ignore", multiple=True, metavar="CODES", help="Codes or prefixes to leave out, added to the configured ones.")
@click.option("--format", "format", type=click.Choice(sorted(report.REPORTERS)), default=None,
              help="Output format.  [default: text]")
@click.option("--show-source/--no-show-source", default=None, help="Show the source line and a caret under each match.")
@click.option("--show-fix/--no-show-fix", default=None, help="Show the suggested fix under each finding.")
@click.option("--statistics/--no-statistics", default=None, help="Count findings per code at the end.")
@click.option("--show-suppressed/--no-show-suppressed", default=None,
              help="Also show findings set aside (negated, question, suppression comment…), marked as such.")
@click.option("--exit-zero/--no-exit-zero", default=None, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet/--no-quiet", default=None, help="Only findings: no notices, progress or summaries.")
@click.option("--preview/--no-preview", default=None, help="Also run rules still in preview.")
@click.option("--linked-disclosures/--no-linked-disclosures", default=None,
              help="Count a disclosure made on a local page that the page links to.")
@click.option("--jurisdiction", multiple=True, type=click.Choice([*JURISDICTIONS, "all"]),
              help="Whose rules to apply and cite; repeatable.  [default: us]")
@click.option("--exclude", multiple=True, metavar="GLOBS", help="Globs to skip, replacing the default list.")
@click.option("--extend-exclude", multiple=True, metavar="GLOBS", help="Globs to skip, added to the default list.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip files that .gitignore files ignore when walking folders.  [default: respect]")
@click.option("--max-file-size", default=None, metavar="SIZE", help="Skip larger files (e.g. 10MB).  [default: 10MB]")
@click.option("--cache/--no-cache", default=None,
              help="Reuse results of unchanged files from .healthlint_cache.  [default: cache]")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Worker processes (0: one per core).  [default: 0]")
@click.option("--stdin-filename", default=None, metavar="NAME",
              help="Name (and so file kind) for text read from standard input with `-`.")
@click.option("-o", "--output", default=None, metavar="FILE", help="Write the report to FILE instead of standard output.")
@click.option("--fix", is_flag=True, help="Apply the rules' safe automatic fixes in place, then report what remains.")
@click.option("--diff", is_flag=True, help="Print the automatic fixes as a unified diff; change nothing (exit 1 if any).")
@click.option("--baseline", default=None, metavar="FILE", help="Set aside findings recorded in this baseline file.")
@click.option("--write-baseline", default=None, metavar="FILE",
              help="Record every current finding in FILE (for --baseline) instead of reporting them.")
@config_options
def check(paths: tuple[str, ...], config: Path | None, isolated: bool, stdin_filename: str | None,
          fix: bool, diff: bool, write_baseline: str | None, **options: Any) -> None:
    """Lint PATHS (files or folders; default: the current folder; `-` reads standard input)."""
    if sum(map(bool, (fix, diff, write_baseline))) > 1:
        raise click.UsageError("--fix, --diff and --write-baseline cannot be combined")
    settings = _settings(config, isolated, options)
    if write_baseline:  # record every finding, those in an older baseline too
        settings = replace(settings, baseline="")
    linter = Linter.from_settings(settings, ruleset=_load(settings), fingerprints=bool(write_baseline) or None)
    sources = sources_for(paths or (".",), settings, stdin_filename=stdin_filename)
    stdin = sys.stdin.buffer if "-" in paths else None
    with _report_stream(settings.output, sys.stderr if fix and stdin else sys.stdout) as stream:
        fixer = None
        if fix or diff:  # the diff goes where a report would; fixed standard input goes to stdout
            from lint.autofix import Fixer  # imported only when fixing: start-up time counts

            fixer = Fixer(linter, "fix" if fix else "diff", stream if diff else sys.stdout, stdin)
        if write_baseline:
            from lint.report.baseline import BaselineWriter

            reporter: report.Reporter = BaselineWriter(stream, settings, path=write_baseline)
        elif diff:
            reporter = report.Reporter(stream, settings)  # the diff is the output
        else:
            reporter = report.make(settings.format, stream, settings)
        summary = _run(linter, sources, reporter, stream, stdin=stdin, fixer=fixer)
    _closing_notice(settings, fixer, reporter)
    if summary.errors or not (diff or write_baseline):
        raise SystemExit(exit_status(summary, settings))
    raise SystemExit(1 if fixer and fixer.files_changed else 0)


@contextmanager
def _report_stream(output: str, default: TextIO) -> Iterator[TextIO]:
    """The file named by --output (opened only once the rules loaded), else `default`."""
    if not output:
        yield default
        return
    try:
        stream = open(output, "w", encoding="utf-8", newline="")  # written as is: a diff keeps \r\n
    except OSError as exc:
        raise HealthlintError(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    with stream:
        yield stream


def _run(linter: Linter, sources: list[SourceFile], reporter: report.Reporter, stream: TextIO, *,
         stdin: BinaryIO | None, fixer: Fixer | None) -> RunSummary:
    """pipeline.run with a progress line on a terminal, and notices on stderr."""
    settings = linter.settings
    progress = None
    if not settings.quiet and len(sources) >= MIN_FILES and sys.stderr.isatty():
        progress = Progress(len(sources), sys.stderr)
        if stream.isatty():
            reporter.stream = ClearingStream(stream, progress)  # type: ignore[assignment]

    def notify(level: str, message: str) -> None:
        if level == "error" or not settings.quiet:
            if progress:
                progress.clear()
            click.echo(f"healthlint: {level}: {message}", err=True)

    jobs = settings.jobs or available_cores()
    summary = run(linter, sources, reporter, stdin=stdin, notify=notify, progress=progress, lint=fixer, jobs=jobs)
    if progress:
        progress.clear()
    stream.flush()
    return summary


def _closing_notice(settings: Settings, fixer: Fixer | None, reporter: report.Reporter) -> None:
    """One line on stderr saying what --fix, --diff or --write-baseline did."""
    if settings.quiet:
        return
    if getattr(reporter, "name", "") == "baseline":
        click.echo(f"healthlint: wrote {_count(reporter.count, 'finding')} to {reporter.path}", err=True)
    elif fixer and fixer.edits_made:
        verb = "fixed" if fixer.mode == "fix" else "would fix"
        click.echo(f"healthlint: {verb} {_count(fixer.edits_made, 'finding')} in "
                   f"{_count(fixer.files_changed, 'file')}", err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --------------------------------------------------------------------------- rules, explain, test-rules


@main.command("rules", context_settings=CONTEXT)
@click.option("--format", "format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@config_options
def rules_command(format: str, config: Path | None, isolated: bool, **options: Any) -> None:
    """List the rules of the configured packs: code, name, category, severity, pack."""
    ruleset = _load(_settings(config, isolated, options))
    rules = ruleset.rules
    if format == "json":
        from lint import explain as explainer

        click.echo(_json([explainer.as_dict(r) for r in rules]))
    elif format == "markdown":
        click.echo(_rules_markdown(rules))
    else:
        click.echo(_rules_table(ruleset))


def _json(value: Any) -> str:
    """Indented JSON; the json module is imported only here, as a text-report run never needs it."""
    import json

    return json.dumps(value, indent=2, ensure_ascii=False)


def _rules_table(ruleset: RuleSet) -> str:
    lines = []
    for pack in ruleset.packs:
        pack_rules = [r for r in ruleset.rules if r.pack == pack.name]
        lines.append(f"{pack.name} ({len(pack_rules)} rules){': ' + pack.description if pack.description else ''}")
        for r in pack_rules:
            where = "" if len(r.jurisdictions) == len(JURISDICTIONS) else " [" + ",".join(r.jurisdictions) + "]"
            lines.append(f"  {r.code:<7}{r.name:<38}{r.category or CATEGORY_LABEL:<29}{r.severity:<8}"
                         f"{' preview' if r.preview else ''}{where}".rstrip())
        lines.append("")
    return "\n".join(lines).rstrip()


def _rules_markdown(rules: tuple[Rule, ...]) -> str:
    rows = ["| Code | Name | Category | Severity | What it catches |", "|---|---|---|---|---|"]
    for r in rules:
        what = " ".join(r.what.split()).replace("|", "\\|")
        rows.append(f"| {r.code} | `{r.name}` | {r.category or CATEGORY_LABEL} | {r.severity}{' (preview)' if r.preview else ''} | {what} |")
    return "\n".join(rows)


@main.command("explain", context_settings=CONTEXT)
@click.argument("code")
@click.option("--format", "format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@config_options
def explain_command(code: str, format: str, config: Path | None, isolated: bool, **options: Any) -> None:
    """Explain the rule CODE (or rule name): what it catches, why, fix, evidence, sources, examples."""
    from lint import explain as explainer

    ruleset = _load(_settings(config, isolated, options))
    wanted = code.strip()
    rule = next((r for r in ruleset.rules if wanted.upper() == r.code or wanted.lower() == r.name), None)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(wanted.upper(), [r.code for r in ruleset.rules], n=3) or \
            difflib.get_close_matches(wanted.lower(), [r.name for r in ruleset.rules], n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see `healthlint rules`)"
        raise HealthlintError(f"no rule {code!r}{hint}")
    if format == "json":
        click.echo(_json(explainer.as_dict(rule)))
    else:
        click.echo(explainer.as_text(rule), nl=False)


@main.command("test-rules", context_settings=CONTEXT)
@click.argument("packs", nargs=-1, metavar="[PACK|PATH]...")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help="Config file to read the packs from.")
@click.option("--isolated", is_flag=True, help="Ignore all configuration files.")
def test_rules_command(packs: tuple[str, ...], config: Path | None, isolated: bool) -> None:
    """Run each rule's examples: `flag` examples must be reported and `pass` examples must not.

    Tests the given packs (names or paths), or else the configured ones.
    """
    settings = load_settings({}, config=config, isolated=isolated)
    ruleset = load_ruleset(packs or settings.all_rulesets, base=Path.cwd())
    from lint import selftest

    result = selftest.run(ruleset, settings)
    for failure in result.failures:
        click.echo(str(failure))
    verdict = "all pass" if not result.failures else f"{len(result.failures)} failed"
    click.echo(f"{result.rules} rules, {result.examples} examples: {verdict}")
    raise SystemExit(1 if result.failures else 0)
