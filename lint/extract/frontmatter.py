"""Front matter of a Markdown page (YAML `---` or TOML `+++`): the values a visitor reads, and
the `healthlint:` key that switches codes off for the whole page.

Only string values under title-like keys are prose (title, description, summary, excerpt,
subtitle, lead, intro…, also nested or prefixed: `seo.description`, `og_title`); dates,
tags, layouts and the rest are data. Values map back to the source exactly unless they
contain escapes, in which case the whole value stands for its decoded text.
"""
from __future__ import annotations

import sys
from typing import Any, NamedTuple

import regex
import yaml

from lint import safeyaml
from lint.extract.directives import Directive
from lint.extract.flow import Flow
from lint.compiled import compile as cached_regex

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PROSE_KEYS = frozenset({
    "title", "subtitle", "description", "summary", "excerpt", "lead", "intro", "introduction",
    "abstract", "tagline", "teaser", "headline", "subheadline", "heading", "subheading", "caption",
    "alt", "blurb",
})
KEY = "healthlint"
#: libyaml's parser when PyYAML was built with it (marks are character offsets either way).
_LOADER = safeyaml.SafeLoader

_FENCES = cached_regex(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^(?:(?P=fence)|\.\.\.)[ \t]*(?:\r?\n|\Z)",
    regex.DOTALL | regex.MULTILINE,
)
_KEY_WORDS = cached_regex(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_TOML_VALUE = cached_regex(
    r"""^[ \t]*(?P<key>[A-Za-z0-9_-]+|"[^"\n]*")[ \t]*=[ \t]*(?P<value>
        \"\"\"(?P<ml>.*?)\"\"\" | '''(?P<mll>.*?)''' | "(?P<basic>(?:[^"\\\n]|\\.)*)" | '(?P<lit>[^'\n]*)' )""",
    regex.VERBOSE | regex.DOTALL | regex.MULTILINE,
)
_TOML_KEY = cached_regex(r"^[ \t]*(?:\[[ \t]*healthlint[ \t]*\]|healthlint[ \t]*=)", regex.MULTILINE)


class FrontMatter(NamedTuple):
    """Where the front matter is: the whole block [0, end) and its body (between the fences)."""

    kind: str  # "yaml" | "toml"
    end: int
    body: str
    body_start: int


def find(text: str) -> FrontMatter | None:
    """The front matter at the very start of `text`, if any."""
    if not text.startswith(("---", "+++")):
        return None
    m = _FENCES.match(text)
    if m is None:
        return None
    return FrontMatter("yaml" if m.group("fence") == "---" else "toml", m.end(), m.group("body"), m.start("body"))


def is_prose_key(key: Any) -> bool:
    """True for title-like keys, alone or as the last word of a longer one (seo_title, metaDescription)."""
    if not isinstance(key, str):
        return False
    words = _KEY_WORDS.findall(key)
    return bool(words) and words[-1].lower() in PROSE_KEYS


def read(front: FrontMatter, flow: Flow) -> list[Directive]:
    """Write the prose values into `flow`, each a block; return the `healthlint` key as directives."""
    if front.kind == "yaml":
        return _read_yaml(front, flow)
    return _read_toml(front, flow)


# --------------------------------------------------------------------------- YAML


def _read_yaml(front: FrontMatter, flow: Flow) -> list[Directive]:
    try:
        root = safeyaml.compose(front.body, _LOADER)  # refuses bombs and deep nesting
        if not isinstance(root, yaml.MappingNode):
            return []
        directives = [
            directive(yaml.load(front.body, Loader=_LOADER).get(KEY),  # noqa: S506 - a safe loader
                      front.body_start + key.start_mark.index, front.body_start + value.end_mark.index)
            for key, value in root.value if key.value == KEY
        ]
    except (yaml.YAMLError, RecursionError, AttributeError):
        return []  # broken front matter: the site generator will say so; none of it is prose
    _yaml_prose(root, front, flow)
    return directives


def _yaml_prose(node: yaml.Node, front: FrontMatter, flow: Flow, *, prose: bool = False) -> None:
    """Walk mappings and lists; write string scalars that sit under a prose key."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value != KEY:
                _yaml_prose(value, front, flow, prose=is_prose_key(key.value))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _yaml_prose(item, front, flow, prose=prose)
    elif prose and isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        _yaml_scalar(node, front, flow)


def _yaml_scalar(node: yaml.ScalarNode, front: FrontMatter, flow: Flow) -> None:
    start, end = node.start_mark.index, node.end_mark.index
    raw = front.body[start:end]
    base = front.body_start + start
    style = node.style or ""  # plain scalars: None from PyYAML's parser, "" from libyaml's
    if style in ("|", ">"):
        newline = raw.find("\n")
        if newline >= 0:
            flow.verbatim(raw[newline + 1:], base + newline + 1)
    elif not style or (style == "'" and "''" not in raw) or (style == '"' and "\\" not in raw):
        inner = 1 if style else 0
        flow.verbatim(raw[inner:len(raw) - inner], base + inner)
    else:
        flow.replacement(node.value, base, base + len(raw))
    flow.end_block()


# --------------------------------------------------------------------------- TOML


def _read_toml(front: FrontMatter, flow: Flow) -> list[Directive]:
    for m in _TOML_VALUE.finditer(front.body):
        if not is_prose_key(m.group("key").strip('"')):
            continue
        group = next(g for g in ("ml", "mll", "basic", "lit") if m.group(g) is not None)
        text, start = m.group(group), front.body_start + m.start(group)
        if group in ("ml", "basic") and "\\" in text:
            try:
                decoded = tomllib.loads("v = " + m.group("value"))["v"]
            except tomllib.TOMLDecodeError:
                continue
            flow.replacement(decoded, front.body_start + m.start("value"), front.body_start + m.end("value"))
        else:
            flow.verbatim(text, start)
        flow.end_block()
    where = _TOML_KEY.search(front.body)
    if where is None:
        return []
    try:
        data = tomllib.loads(front.body).get(KEY)
    except tomllib.TOMLDecodeError:
        data = None
    start = front.body_start + where.start()
    return [directive(data, start, front.body_start + where.end())]


# --------------------------------------------------------------------------- the healthlint key


def directive(data: Any, start: int, end: int) -> Directive:
    """`healthlint: {disable: [HL151], reason: …}` (or `disable: all`) → a whole-page directive."""
    usage = "expected healthlint: {disable: [CODES] or all, reason: text}"
    if not isinstance(data, dict) or set(data) - {"disable", "reason"} or "disable" not in data:
        return Directive("front-matter", (), "", start, end, usage)
    codes = data["disable"]
    if isinstance(codes, str):
        codes = [] if codes.strip().lower() == "all" else [c for c in regex.split(r"[\s,]+", codes) if c]
        if not codes and data["disable"].strip().lower() != "all":
            return Directive("front-matter", (), "", start, end, usage)
    if not isinstance(codes, list) or not all(isinstance(c, str) and regex.fullmatch(r"[A-Za-z]{1,5}[0-9]{2,4}", c)
                                              for c in codes):
        return Directive("front-matter", (), "", start, end, f"disable: {usage}")
    reason = data.get("reason", "")
    return Directive("front-matter", tuple(c.upper() for c in codes), str(reason or ""), start, end)
