"""Every format's output for the fixture page, compared byte for byte with a reviewed snapshot.

A report change shows up here as a diff to review. To regenerate on purpose:

    HEALTHLINT_UPDATE_SNAPSHOTS=1 python -m pytest tests/report/test_report_snapshots.py

and read the diff of tests/fixtures/snapshots/ before committing it.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lint.report import REPORTERS

SNAPSHOTS = Path(__file__).resolve().parent.parent / "fixtures" / "snapshots"
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif.json", "github": "txt", "gitlab": "json",
          "junit": "xml", "markdown": "md", "html": "html"}


def test_every_format_has_a_snapshot():
    assert set(SUFFIX) == set(REPORTERS), "add the new format to SUFFIX and regenerate the snapshots"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_output_matches_snapshot(lint_site, fmt):
    result = lint_site(fmt, "page.txt", args=("--show-suppressed", "--show-source", "--show-fix", "--statistics"))
    snapshot = SNAPSHOTS / f"page.{fmt}.{SUFFIX[fmt]}"
    actual = result.stdout.encode("utf-8")
    if os.environ.get("HEALTHLINT_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(actual)
    assert snapshot.is_file(), f"no snapshot {snapshot.name}: run with HEALTHLINT_UPDATE_SNAPSHOTS=1"
    assert actual == snapshot.read_bytes(), f"{fmt} output changed; if on purpose, regenerate (see module docstring)"
