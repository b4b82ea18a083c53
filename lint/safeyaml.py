"""YAML from files we do not control (rule packs, front matter, config): safe loaders, and limits
on nesting and alias expansion checked before anything is built.

PyYAML's safe loaders construct no objects from tags, but they trust the shape of the
document: libyaml's composer recurses in C (a few ten thousand nested `[` crash the
process), and aliases share one object however often they are used, so a "billion laughs"
document loads in microseconds and then explodes in whatever walks it. `check` reads the
parser's events once, stopping at the first event past a limit, so a hostile document
costs next to nothing.
"""
from __future__ import annotations

import logging
from typing import Any

import regex
import yaml

LOG = logging.getLogger(__name__)

#: Collections inside collections; real packs and front matter stay under ten.
MAX_DEPTH = 100
#: Values the document holds with every alias expanded: the bundled packs hold about 5,000
#: together, a pack at the 2 MiB size limit some 50,000.
MAX_NODES = 200_000

_SURROGATE = regex.compile("[\ud800-\udfff]")

#: libyaml's parser when PyYAML was built with it.
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlLimitError(yaml.MarkedYAMLError):
    """A document refused for its shape, with the place where it went past the limit."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


def check(text: str, loader: type = SafeLoader) -> None:
    """Raise YamlLimitError if `text` nests too deep, expands too far or contains itself; or the
    parser's YAMLError if it is not YAML."""
    depth, nodes = 0, 0
    open_: list[tuple[str | None, int]] = []  # anchor and node count of each open collection
    sizes: dict[str, int] = {}  # anchor → its values with aliases expanded
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlLimitError(f"nests deeper than {MAX_DEPTH} levels", event.start_mark)
            open_.append((event.anchor, nodes))
            sizes.pop(event.anchor, None)  # from here on the anchor names this collection
            nodes += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, start = open_.pop()
            if anchor is not None:
                sizes[anchor] = nodes - start
        elif isinstance(event, yaml.ScalarEvent):
            nodes += 1
            if not event.value.isascii() and _SURROGATE.search(event.value):
                raise YamlLimitError("holds a lone surrogate escape (such as \\ud800), which no UTF-8 text can",
                                     event.start_mark)
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in sizes and any(anchor == event.anchor for anchor, _ in open_):
                raise YamlLimitError(f"alias *{event.anchor} refers to a collection that contains it", event.start_mark)
            nodes += sizes.get(event.anchor, 1)
        if nodes > MAX_NODES:
            raise YamlLimitError(f"holds more than {MAX_NODES:,} values once its aliases are expanded "
                                 "(a \"billion laughs\" document?)", event.start_mark)


def load(text: str, loader: type = SafeLoader) -> Any:
    """`yaml.load` with a safe loader, once `check` passed."""
    check(text, loader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def compose(text: str, loader: type = SafeLoader) -> yaml.Node | None:
    """`yaml.compose` (nodes with their marks), once `check` passed."""
    check(text, loader)
    return yaml.compose(text, Loader=loader)
