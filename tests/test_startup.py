"""What a lint run imports: start-up time is most of a one-page run in a pre-commit hook, so
modules a run does not need stay unimported (reports' templates, the gitignore matcher,
the worker pool)."""
from __future__ import annotations

import json
import subprocess
import sys

LATE = ("jinja2", "pathspec", "multiprocessing", "concurrent.futures")


def _imported_by_a_run(cwd, *args: str) -> dict[str, bool]:
    code = ("import json, sys\n"
            "from lint.cli import main\n"
            "try:\n"
            f"    main({['--isolated', '--no-cache', *args]!r})\n"
            "except SystemExit:\n"
            "    pass\n"
            f"print(json.dumps({{m: m in sys.modules for m in {LATE!r}}}))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout.splitlines()[-1])


def test_a_text_report_of_a_small_folder_imports_none_of_them(tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root: no ignore file above it
    (tmp_path / "page.md").write_text("Ketamine cures fibromyalgia.\n")
    assert _imported_by_a_run(tmp_path, ".") == dict.fromkeys(LATE, False)


def test_an_ignore_file_brings_in_its_matcher(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n")
    (tmp_path / "page.md").write_text("Ketamine cures fibromyalgia.\n")
    assert _imported_by_a_run(tmp_path, ".")["pathspec"]
