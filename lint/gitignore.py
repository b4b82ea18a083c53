""".gitignore rules for the folder walk: nested files, `!` negation, anchoring, `dir/`, `**`.

Pattern semantics are pathspec's `GitIgnoreSpec`, which follows git's own matcher
(including its quirks); this module adds what git adds around it: a `.gitignore` applies
to paths relative to its folder, a deeper file overrides a shallower one, the last
matching line wins, and an ignored folder is not entered (nothing inside it can be
re-included). Files above the walked folder count up to the repository root, as does
`.git/info/exclude`.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

LOG = logging.getLogger(__name__)

FILE = ".gitignore"


@dataclass(frozen=True)
class _Layer:
    """One ignore file: its patterns, and how to turn a walk-relative path into a path relative to it."""

    spec: GitIgnoreSpec
    strip: int  # characters of the walk-relative path to drop (the folder the file is in)
    prefix: str  # path of the walk root relative to the file's folder, "" or ending in "/"


class GitIgnore:
    """The ignore layers in effect in one folder of a walk; `child` adds a subfolder's own file."""

    def __init__(self, layers: tuple[_Layer, ...] = ()) -> None:
        self._layers = layers

    @classmethod
    def above(cls, root: str) -> "GitIgnore":
        """The layers that apply to the walk root `root`: ignore files from the repository root down."""
        layers: list[_Layer] = []
        here = os.path.abspath(root)
        chain = [here]
        while not os.path.exists(os.path.join(chain[-1], ".git")):
            parent = os.path.dirname(chain[-1])
            if parent == chain[-1]:
                chain = [here]  # not in a repository: only the walked folder's own files count
                break
            chain.append(parent)
        for folder in reversed(chain[1:] if len(chain) > 1 else []):
            prefix = os.path.relpath(here, folder).replace(os.sep, "/") + "/"
            for path in (os.path.join(folder, ".git", "info", "exclude"), os.path.join(folder, FILE)):
                spec = _read(path)
                if spec is not None:
                    layers.append(_Layer(spec, 0, prefix))
        return cls(tuple(layers))

    def child(self, folder: str, rel: str, names: Iterable[str]) -> "GitIgnore":
        """The layers for walk-relative folder `rel` (real path `folder`), whose entries are `names`."""
        if FILE not in names:
            return self
        spec = _read(os.path.join(folder, FILE))
        if spec is None:
            return self
        return GitIgnore((*self._layers, _Layer(spec, len(rel) + 1 if rel else 0, "")))

    def ignored(self, rel: str, *, is_dir: bool = False) -> bool:
        """True if the walk-relative path is ignored; the deepest file with a matching line decides."""
        suffix = "/" if is_dir else ""
        for layer in reversed(self._layers):
            result = layer.spec.check_file(layer.prefix + rel[layer.strip:] + suffix).include
            if result is not None:
                return result
        return False


def _read(path: str) -> GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec  # imported only when there is an ignore file (10 ms of start-up)

    try:
        return GitIgnoreSpec.from_lines(lines)
    except (ValueError, TypeError) as exc:  # a pattern pathspec cannot compile: skip that file
        LOG.warning("cannot read %s: %s", path, exc)
        return None
