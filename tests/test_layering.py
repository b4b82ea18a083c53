"""Verify the one-way data flow: a stage imports only the stages before it."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import lint

PACKAGE = Path(lint.__file__).parent
STAGES = ["lint.models", "lint.errors", "lint.config", "lint.discover", "lint.read",
          "lint.extract", "lint.rules", "lint.filter", "lint.report"]
RANK = {"lint.models": 0, "lint.errors": 0, "lint.compiled": 0, "lint.safeyaml": 0, "lint.datafile": 0, "lint.parallel": 0, "lint.cache": 1, "lint.config": 1, "lint.discover": 2, "lint.gitignore": 2, "lint.read": 3,
        "lint.extract": 4, "lint.rules": 5, "lint.filter": 6, "lint.report": 7, "lint.explain": 7,
        "lint.progress": 7, "lint.rewrite": 3, "lint.fix": 7}
FREE = {"lint", "lint.__main__", "lint.cli", "lint.pipeline", "lint.selftest", "lint.autofix"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage(module: str) -> str | None:
    for name in sorted(RANK, key=len, reverse=True):
        if module == name or module.startswith(name + "."):
            return name
    return None


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # imports only for type checking do not run
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = []
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {name for name in found if name.startswith("lint.")}


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_stage_imports_only_earlier_stages(path):
    name = module_name(path)
    if name in FREE:
        return
    own = stage(name)
    assert own is not None, f"{name} belongs to no stage: add it to RANK or FREE"
    for imported in imports(path):
        other = stage(imported)
        if other is None:
            continue
        assert RANK[other] <= RANK[own], f"{name} ({own}) imports {imported} ({other}), a later stage"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_module_has_a_docstring(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{module_name(path)} needs a one-line docstring saying its job"
