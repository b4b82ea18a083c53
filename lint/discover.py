"""Turn the paths on the command line into the files to lint, each with its file kind."""
from __future__ import annotations

import logging
import os
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from lint.config import Settings
from lint.models import SourceFile

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
    return KINDS.get(PurePosixPath(path).suffix.lower(), DEFAULT_KIND)


def display_path(path: Path, cwd: Path) -> str:
    """The path as findings print it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def is_excluded(path: Path, patterns: Iterable[str], root: Path) -> bool:
    """True if the path, or any directory above it, matches an exclude glob.

    A pattern without a slash matches a file or directory name anywhere (like
    .gitignore); a pattern with a slash matches the path relative to `root`.
    """
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    parts = rel.split("/")
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if "/" in pattern:
            anchored = pattern.lstrip("/")
            if any(fnmatch("/".join(parts[: i + 1]), anchored) for i in range(len(parts))):
                return True
        elif any(fnmatch(part, pattern) for part in parts):
            return True
    return False


def discover(paths: Iterable[str], settings: Settings, *, cwd: Path | None = None) -> Iterator[SourceFile]:
    """Files to lint, in sorted order per argument. Explicit files are always linted."""
    cwd = cwd or Path.cwd()
    excludes = settings.all_excludes
    seen: set[str] = set()
    for arg in paths:
        root = Path(arg)
        if root.is_dir():
            found = sorted(_walk(root, excludes, settings.root), key=lambda p: p.as_posix())
        else:
            found = [root]  # explicit (or missing: reading it reports the problem)
        for file in found:
            key = os.path.normcase(os.path.abspath(file))
            if key in seen:
                continue
            seen.add(key)
            yield SourceFile(path=str(file), display=display_path(file, cwd), kind=kind_for(file.name))


def _walk(root: Path, excludes: tuple[str, ...], config_root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=_log_walk_error):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if not is_excluded(here / d, excludes, config_root)]
        for name in filenames:
            if PurePosixPath(name).suffix.lower() in KINDS:
                file = here / name
                if not is_excluded(file, excludes, config_root):
                    yield file


def _log_walk_error(error: OSError) -> None:
    LOG.warning("cannot list %s: %s", error.filename, error.strerror)
