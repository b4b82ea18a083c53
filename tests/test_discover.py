"""Verify file discovery: kinds by suffix, exclude globs, .gitignore rules, explicit paths."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lint.config import Settings
from lint.discover import discover, kind_for


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def found(root: Path, *paths: str, **settings) -> list[str]:
    options = Settings(root=root, **settings)
    return [f.display for f in discover(paths or (".",), options, cwd=root)]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"), ("a.md", "markdown"), ("a.markdown", "markdown"),
     ("a.mdx", "mdx"), ("a.txt", "text"), ("a.njk", "html"), ("a.liquid", "html"), ("a.hbs", "html"),
     ("a.jinja", "html"), ("a.j2", "html"), ("a.rst", "text")],
)
def test_kind_by_suffix(name, kind):
    assert kind_for(name) == kind


def test_walk_finds_known_kinds_only(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"a.html": "", "b.md": "", "c.txt": "", "d.py": "", "e.json": "", "sub/f.mdx": ""})
    assert found(tmp_path) == ["a.html", "b.md", "c.txt", "sub/f.mdx"]


def test_default_excludes_and_extend_exclude(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"node_modules/x.md": "", ".git/y.md": "", "_site/z.html": "", "public/build/a.html": "",
                    "public/ok.html": "", "drafts/d.md": "", "min/page.min.html": "", "blog/p.md": ""})
    assert found(tmp_path, extend_exclude=("drafts", "*.min.html")) == ["blog/p.md", "public/ok.html"]


def test_explicit_paths_are_always_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"node_modules/x.md": "", "notes.rst": "", ".gitignore": "*.md\n", "build/y.html": ""})
    assert found(tmp_path, "node_modules/x.md", "notes.rst", "build") == ["node_modules/x.md", "notes.rst", "build/y.html"]


GITIGNORE = {
    ".gitignore": "# comment\n*.log.md\n/top.md\ndrafts/\n**/generated/**\n!keep.log.md\n",
    "a.log.md": "", "keep.log.md": "", "top.md": "", "sub/top.md": "", "drafts/d.md": "", "sub/drafts/e.md": "",
    "x/generated/g.md": "", "ok.md": "",
    "sub/.gitignore": "*.html\n!keep.html\n",
    "sub/a.html": "", "sub/keep.html": "", "sub/deeper/b.html": "", "other/c.html": "",
}


def test_gitignore_rules(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, GITIGNORE)
    assert found(tmp_path) == ["keep.log.md", "ok.md", "other/c.html", "sub/keep.html", "sub/top.md"]


def test_gitignore_can_be_turned_off(tmp_path, monkeypatch, cli):
    tree(tmp_path, GITIGNORE)
    monkeypatch.chdir(tmp_path)
    assert "drafts/d.md" in found(tmp_path, respect_gitignore=False)
    (tmp_path / "top.md").write_text("It cures pain.\n")
    assert cli("--isolated").stdout == ""
    assert cli("--isolated", "--no-respect-gitignore").stdout.startswith("top.md:1:4: HL101")
    (tmp_path / ".healthlint.yaml").write_text("respect-gitignore: false\n")
    assert cli().stdout.startswith("top.md:1:4: HL101")


def test_gitignore_above_the_walked_folder_counts_inside_a_repository(tmp_path, monkeypatch):
    tree(tmp_path, {".git/HEAD": "", ".gitignore": "site/drafts/\n", "site/drafts/a.md": "", "site/b.md": "",
                    ".git/info/exclude": "site/private.md\n", "site/private.md": ""})
    monkeypatch.chdir(tmp_path)
    assert found(tmp_path, "site") == ["site/b.md"]


def test_a_negation_cannot_reach_into_an_ignored_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {".gitignore": "drafts/\n!drafts/keep.md\n", "drafts/keep.md": "", "a.md": ""})
    assert found(tmp_path) == ["a.md"]


def test_files_given_twice_are_linted_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"a.md": "", "sub/b.md": ""})
    assert found(tmp_path, ".", "a.md", "sub") == ["a.md", "sub/b.md"]


def test_display_paths_outside_the_working_folder(tmp_path, monkeypatch):
    tree(tmp_path, {"site/a.md": "", "work/.keep": ""})
    monkeypatch.chdir(tmp_path / "work")
    settings = replace(Settings(), root=tmp_path / "work")
    assert [f.display for f in discover(["../site"], settings, cwd=tmp_path / "work")] == ["../site/a.md"]


def test_suffixes_read_as_pathlib_reads_them():
    from pathlib import PurePosixPath

    from lint.discover import _suffix

    for name in ["a.md", "A.HTML", ".bashrc", "file.", "x.tar.gz", "dir/x.mdx", "noext", "..", "a..md", "dir.d/file"]:
        assert _suffix(name) == PurePosixPath(name).suffix.lower(), name
