"""Verify the copy-paste integration examples: valid YAML, real hook ids, and only options healthlint has."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from lint.cli import check
from lint.report import REPORTERS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "integrations"
FILES = sorted(EXAMPLES.glob("*.y*ml"))
COMMAND = re.compile(r"(?m)^\s*(?:-\s+|run:\s+|entry:\s+)healthlint\b(?P<args>[^\n#]*)")  # a command, not prose


def commands(text: str) -> list[list[str]]:
    return [shlex.split(m["args"]) for m in COMMAND.finditer(text)]


def test_there_are_examples():
    assert {p.name for p in FILES} >= {"pre-commit-config.yaml", "healthlint.yml", "gitlab-ci.yml"}


@pytest.mark.parametrize("path", [*FILES, ROOT / ".pre-commit-hooks.yaml"], ids=lambda p: p.name)
def test_commands_use_real_options(path: Path):
    known = {opt for param in check.params for opt in getattr(param, "opts", [])}
    for args in commands(path.read_text(encoding="utf-8")):
        for i, arg in enumerate(args):
            if arg.startswith("-"):
                assert arg in known, f"{path.name}: healthlint has no option {arg}"
            if arg == "--format":
                assert args[i + 1] in REPORTERS


def test_pre_commit_example_uses_hooks_we_ship():
    shipped = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text())
    used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert used and used <= shipped == {"healthlint", "healthlint-fix"}


def test_github_workflow_uploads_the_sarif_it_writes():
    workflow = yaml.safe_load((EXAMPLES / "healthlint.yml").read_text())
    steps = workflow["jobs"]["healthlint"]["steps"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    written = next(s["run"] for s in steps if "--format sarif" in s.get("run", ""))
    assert f"--output {upload['with']['sarif_file']}" in written
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_job_publishes_the_reports_it_writes():
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text())["healthlint"]
    script = "\n".join(job["script"])
    for report in job["artifacts"]["reports"].values():
        assert f"--output {report}" in script
