"""Turn the paths on the command line into the files to lint, each with its file kind.

Walking is one `os.walk`: no per-file `stat` or `resolve()`; display paths are the
walked folder's, resolved once, joined with each file's relative path.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import logging
import os
from fnmatch import translate
from pathlib import Path
from typing import Iterable, Iterator

import regex

from lint.config import Settings
from lint.models import SourceFile

if TYPE_CHECKING:
    from lint.gitignore import GitIgnore

LOG = logging.getLogger(__name__)

#: File suffix → extractor name. Files found by walking a directory are linted only if listed here.
KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    # templates of static-site generators: HTML with template tags, which are not prose
    ".njk": "html",
    ".liquid": "html",
    ".hbs": "html",
    ".handlebars": "html",
    ".jinja": "html",
    ".jinja2": "html",
    ".j2": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "mdx",
}
DEFAULT_KIND = "text"


def kind_for(path: str) -> str:
    """The extractor for a file name; unknown suffixes are read as plain text."""
    return KINDS.get(_suffix(path), DEFAULT_KIND)


def _suffix(name: str) -> str:
    """The lower-cased suffix of a file name, as PurePosixPath(name).suffix says (cheaper: a
    site has thousands of files). A name ending in "." has none; a leading dot is not one."""
    suffix = os.path.splitext(name.rpartition("/")[2])[1].lower()
    return "" if suffix == "." else suffix


def display_path(path: Path, cwd: Path) -> str:
    """The path as findings print it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside, or a symlink loop (reading it will say so)
        return path.as_posix()


def shown_name(name: str) -> str:
    """A path as reports show it. A name that is not valid UTF-8 reaches Python with its bad
    bytes as lone surrogates, which no UTF-8 output can hold: they are shown as `\\xe9`, as git
    shows them (the file is still opened by its real name)."""
    if name.isascii():
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


class Excludes:
    """`exclude` globs, compiled once: a glob without a slash matches a file or folder name
    anywhere (like .gitignore); one with a slash matches the path relative to the config root."""

    def __init__(self, patterns: Iterable[str], root: Path) -> None:
        names = [p.rstrip("/") for p in patterns if "/" not in p.rstrip("/")]
        paths = [p.strip("/") for p in patterns if "/" in p.rstrip("/")]
        self._names = regex.compile("|".join(translate(p) for p in names)) if names else None
        self._paths = regex.compile("|".join(translate(p) for p in paths)) if paths else None
        self._root = os.path.abspath(root)

    def base(self, folder: str) -> str | None:
        """`folder` relative to the config root ("" for the root itself), or None if outside it."""
        rel = os.path.relpath(os.path.abspath(folder), self._root).replace(os.sep, "/")
        return None if rel == ".." or rel.startswith("../") else ("" if rel == "." else rel)

    def excluded(self, name: str, rel: str | None) -> bool:
        """True if a file or folder called `name`, at `rel` from the config root, is excluded."""
        if self._names is not None and self._names.fullmatch(name):
            return True
        return self._paths is not None and rel is not None and self._paths.fullmatch(rel) is not None


def discover(paths: Iterable[str], settings: Settings, *, cwd: Path | None = None) -> Iterator[SourceFile]:
    """Files to lint, in sorted order per argument. Explicit files are always linted.

    Walking a folder skips excluded names and paths and, with `respect-gitignore`, what
    .gitignore files ignore; the folder given is walked even if it would be excluded.
    """
    cwd = cwd or Path.cwd()
    excludes = Excludes(settings.all_excludes, settings.root)
    seen: set[str] = set()
    for arg in paths:
        root = Path(arg)
        if _is_dir(root):
            shown = display_path(root, cwd)
            prefix = "" if shown == "." else shown.rstrip("/") + "/"
            ignore = _gitignore_above(arg) if settings.respect_gitignore else None
            found = [(root / rel, prefix + rel or ".") for rel in sorted(_walk(arg, excludes, ignore))]
        else:
            found = [(root, display_path(root, cwd))]  # explicit (or missing: reading it reports the problem)
        for file, display in found:
            key = os.path.normcase(os.path.abspath(file))
            if key in seen:
                continue
            seen.add(key)
            yield SourceFile(path=str(file), display=shown_name(display), kind=kind_for(file.name))


def _is_dir(path: Path) -> bool:
    """True for a folder; a path that cannot be looked at is taken for a file (reading it says why)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _walk(root: str, excludes: Excludes, ignore: GitIgnore | None) -> Iterator[str]:
    """Paths of lintable files under `root`, relative to it, with "/" separators; then the
    folders that could not be listed (reading one reports why, like an unreadable file)."""
    base = excludes.base(root)
    layers: dict[str, GitIgnore] = {"": ignore} if ignore is not None else {}
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted.append):
        rel = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel = "" if rel == "." else rel
        here = rel + "/" if rel else ""
        config_rel = None if base is None else (base + "/" if base else "") + here
        gitignore = layers.pop(rel, None)
        if gitignore is not None:
            gitignore = gitignore.child(dirpath, rel, filenames)
        kept = []
        for d in dirnames:
            if excludes.excluded(d, None if config_rel is None else config_rel + d):
                continue
            if gitignore is not None:
                if gitignore.ignored(here + d, is_dir=True):
                    continue
                layers[here + d] = gitignore
            kept.append(d)
        dirnames[:] = kept
        for name in filenames:
            if _suffix(name) not in KINDS:
                continue
            if excludes.excluded(name, None if config_rel is None else config_rel + name):
                continue
            if gitignore is None or not gitignore.ignored(here + name):
                yield here + name
    for error in unlisted:
        rel = os.path.relpath(str(error.filename), root).replace(os.sep, "/")
        yield "" if rel == "." else rel + "/"


def _gitignore_above(arg: str) -> "GitIgnore":
    from lint.gitignore import GitIgnore  # imported only when a folder is walked

    return GitIgnore.above(arg)

