"""Rule packs and references from YAML → validated Rule objects; every error names file:line and rule."""
import difflib
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Sequence


import lint
from lint.compiled import pattern_cache
from lint.errors import RuleError
from lint.models import JURISDICTIONS, Reference, Rule
from lint.rules import KINDS, suppression
from lint.rules.anchors import required_anchors
from lint.rules.render import check_template
from lint.rules.schema import PACK_FIELDS, REFERENCE_FIELDS, REFERENCE_ID, RULE_FIELDS, Check, string_list

LOG = logging.getLogger(__name__)

MAX_PACK_BYTES = 2 * 1024 * 1024
REFERENCES_FILE = "references.yaml"
DEFINITIONS_FILE = "definitions.yaml"
NOT_PACKS = (REFERENCES_FILE, DEFINITIONS_FILE, "context.yaml")


def builtin_dir() -> Path:
    """Where the bundled packs are: inside the installed package, or beside it in a checkout."""
    package = Path(lint.__file__).resolve().parent
    installed = package / "rulesets"
    return installed if installed.is_dir() else package.parent / "rulesets"


def builtin_packs() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml") if p.name not in NOT_PACKS)


class Pack(NamedTuple):
    name: str
    description: str
    path: Path


class RuleSet(NamedTuple):
    """Every rule of the loaded packs, in pack order, with the references they cite."""

    rules: tuple[Rule, ...]
    references: Mapping[str, Reference]
    packs: tuple[Pack, ...]

    def by_code(self) -> dict[str, Rule]:
        return {rule.code: rule for rule in self.rules}


# --------------------------------------------------------------------------- YAML with line numbers


class _Mapping(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line of itself and of each key."""

    line = 0
    key_lines: dict[str, int]


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """A safe loader (no object construction from tags) that records line numbers; libyaml's
    parser when PyYAML has it. Built on first use: PyYAML is not imported when the packs come
    from the cache."""
    import yaml

    from lint.safeyaml import SafeLoader as base

    def construct_mapping(loader: Any, node: Any) -> _Mapping:
        mapping = _Mapping(loader.construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
        return mapping

    loader = type("LineLoader", (base,), {})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    return loader


def read_yaml(path: Path, *, cached: bool = False) -> Any:
    """Parse one YAML file safely; any problem is a RuleError naming file and line.

    With `cached`, a file seen before with the same bytes comes from the on-disk cache,
    line numbers included, without PyYAML.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read rule file: {exc.strerror or exc}", origin=str(path)) from None
    if len(data) > MAX_PACK_BYTES:
        raise RuleError(f"rule file is larger than {MAX_PACK_BYTES // 1024} KiB; split it into packs", origin=str(path))
    if cached:
        return _unplain(pattern_cache().for_content("yaml", str(path), data, lambda: _plain(_parse(data, path))))
    return _parse(data, path)


def _parse(data: bytes, path: Path) -> Any:
    import yaml

    from lint import safeyaml

    try:
        return safeyaml.load(data.decode("utf-8"), _line_loader())
    except UnicodeDecodeError:
        raise RuleError("rule file is not UTF-8", origin=str(path)) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        what = "refused" if isinstance(exc, safeyaml.YamlLimitError) else "invalid YAML"
        raise RuleError(f"{what}: {exc.problem or exc}", origin=f"{path}:{line}") from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise RuleError(f"invalid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}", origin=str(path)) from None


def _plain(value: Any) -> Any:
    """Parsed YAML in types the cache can store: a mapping becomes (line, key lines, items)."""
    if isinstance(value, _Mapping):
        return (value.line, value.key_lines, {k: _plain(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _unplain(value: Any) -> Any:
    if isinstance(value, tuple):
        line, key_lines, items = value
        mapping = _Mapping({k: _unplain(v) for k, v in items.items()})
        mapping.line, mapping.key_lines = line, key_lines
        return mapping
    if isinstance(value, list):
        return [_unplain(v) for v in value]
    return value


# --------------------------------------------------------------------------- loading


def resolve(spec: str, *, base: Path | None = None) -> list[Path]:
    """Files for a `--ruleset` value: a built-in pack name, a YAML file, or a folder of them."""
    if "/" not in spec and "\\" not in spec and not spec.endswith((".yaml", ".yml")):
        path = builtin_dir() / f"{spec}.yaml"
        if not path.is_file():
            raise RuleError(f"unknown rule pack {spec!r} (built-in: {', '.join(builtin_packs())}; or give a path)")
        return [path]
    path = Path(spec)
    if base is not None and not path.is_absolute():
        path = base / path
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.name not in NOT_PACKS)
        if not files:
            raise RuleError("folder has no .yaml rule packs", origin=str(path))
        return files
    if not path.is_file():
        raise RuleError("rule pack not found", origin=str(path))
    return [path]


def load_ruleset(specs: Sequence[str], *, base: Path | None = None) -> RuleSet:
    """Load the bundled references, then each pack in order; codes and names must be unique.

    Packs seen before come from the on-disk cache; if anything is wrong, they are read
    again from the YAML itself, so the error names the file and line.
    """
    try:
        return _load_ruleset(specs, base=base, cached=True)
    except RuleError:
        return _load_ruleset(specs, base=base, cached=False)


def _load_ruleset(specs: Sequence[str], *, base: Path | None, cached: bool) -> RuleSet:
    files: list[Path] = []
    for spec in specs:
        for path in resolve(spec, base=base):
            if path not in files:
                files.append(path)
    bundled = [builtin_dir() / REFERENCES_FILE, builtin_dir() / DEFINITIONS_FILE]
    documents = [(path, _pack_mapping(path, cached=cached)) for path in [*bundled, *files]]

    references: dict[str, Reference] = {}
    definitions: dict[str, tuple[str, ...]] = {}
    for path, doc in documents:
        for raw in _list(doc, "references", path):
            ref = _reference(raw, path)
            if ref.id in references:
                raise RuleError(f"duplicate reference id {ref.id!r}", origin=_origin(path, raw))
            references[ref.id] = ref
        _collect_definitions(doc, path, definitions)

    rules: list[Rule] = []
    packs: list[Pack] = []
    seen: dict[str, str] = {}
    for path, doc in documents[len(bundled):]:
        pack = Pack(name=str(doc.get("pack") or path.stem), description=str(doc.get("description") or ""), path=path)
        packs.append(pack)
        for raw in _list(doc, "rules", path):
            rule = _rule(raw, path, pack.name, references, definitions)
            for key in (rule.code, rule.name):
                if key in seen:
                    raise RuleError(f"duplicate {'code' if key == rule.code else 'name'} {key!r} (first at {seen[key]})",
                                    origin=rule.origin, rule=rule.code)
                seen[key] = rule.origin
            rules.append(rule)
    return RuleSet(rules=tuple(rules), references=references, packs=tuple(packs))


def with_own_rules(ruleset: RuleSet) -> RuleSet:
    """The set plus healthlint's own HL9xx rules, which exist whatever packs are loaded."""
    own = [rule for rule in suppression.rules() if rule.code not in ruleset.by_code()]
    if not own:
        return ruleset
    pack = Pack(name=suppression.PACK, description=suppression.PACK_DESCRIPTION, path=Path(suppression.__file__))
    return RuleSet(rules=(*ruleset.rules, *own), references=ruleset.references, packs=(*ruleset.packs, pack))


def _pack_mapping(path: Path, *, cached: bool = False) -> Mapping[str, Any]:
    doc = read_yaml(path, cached=cached)
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise RuleError("expected a mapping with 'rules' (and optionally 'pack', 'description', 'references')",
                        origin=f"{path}:1")
    _reject_unknown(doc, PACK_FIELDS, path, "top-level key", extensions="x-")
    return doc


def _list(doc: Mapping[str, Any], key: str, path: Path) -> list[Any]:
    value = doc.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RuleError(f"'{key}' must be a list", origin=_origin(path, doc, key))
    return value


def _origin(path: Path, node: Any, key: str | None = None) -> str:
    if isinstance(node, _Mapping):
        line = node.key_lines.get(key, node.line) if key else node.line
        return f"{path}:{line}"
    return str(path)


def _reject_unknown(raw: Mapping[str, Any], allowed: Iterable[str], path: Path, what: str, rule: str = "",
                    extensions: str = "") -> None:
    """Closed schema: any key not allowed is an error (keys starting with `extensions` hold YAML anchors)."""
    allowed = list(allowed)
    for key in raw:
        if key not in allowed and not (extensions and str(key).startswith(extensions)):
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RuleError(f"unknown {what} {key!r}{hint}", origin=_origin(path, raw, key), rule=rule)


def _validate(raw: Mapping[str, Any], fields: Mapping[str, tuple[Check, bool]], path: Path, rule: str = "") -> None:
    for key, (check, required) in fields.items():
        if key not in raw:
            if required:
                raise RuleError(f"missing required key {key!r}", origin=_origin(path, raw), rule=rule)
            continue
        problem = check(raw[key])
        if problem:
            raise RuleError(f"{key}: {problem}", origin=_origin(path, raw, key), rule=rule)


def _reference(raw: Any, path: Path) -> Reference:
    if not isinstance(raw, dict):
        raise RuleError("each reference must be a mapping", origin=str(path))
    _reject_unknown(raw, REFERENCE_FIELDS, path, "reference key", str(raw.get("id", "")))
    _validate(raw, REFERENCE_FIELDS, path, str(raw.get("id", "")))
    values = {k: str(v) for k, v in raw.items() if k != "note"}
    if not values.get("url"):  # a paper with an identifier still gets a link
        if values.get("pmid"):
            values["url"] = f"https://pubmed.ncbi.nlm.nih.gov/{values['pmid']}/"
        elif values.get("doi"):
            values["url"] = f"https://doi.org/{values['doi']}"
    return Reference(**values)


def _collect_definitions(doc: Mapping[str, Any], path: Path, definitions: dict[str, tuple[str, ...]]) -> None:
    """Named pattern sets (`define:`), usable as "@name" in any pattern list of any later pack."""
    defined = doc.get("define")
    if defined is None:
        return
    if not isinstance(defined, dict):
        raise RuleError("'define' must map names to lists of patterns", origin=_origin(path, doc, "define"))
    for name, patterns in defined.items():
        if not isinstance(name, str) or not REFERENCE_ID.fullmatch(name):
            raise RuleError(f"define: {name!r} is not a valid name (lower-case, like promotion)", origin=_origin(path, defined, name))
        problem = string_list(patterns)
        if problem:
            raise RuleError(f"define.{name}: {problem}", origin=_origin(path, defined, name))
        if name in definitions:
            raise RuleError(f"duplicate definition {name!r}", origin=_origin(path, defined, name))
        definitions[name] = tuple(_expand(patterns, definitions, path, defined, name))


def _expand(patterns: list[str], definitions: Mapping[str, tuple[str, ...]], path: Path, node: Any, key: str,
            rule: str = "") -> list[str]:
    """Replace each "@name" item with the patterns defined under that name."""
    out: list[str] = []
    for item in patterns:
        if item.startswith("@"):
            name = item[1:]
            if name not in definitions:
                known = ", ".join("@" + n for n in definitions) or "none"
                raise RuleError(f"{key}: unknown pattern set {item!r} (defined: {known})", origin=_origin(path, node, key),
                                rule=rule)
            out.extend(definitions[name])
        else:
            out.append(item)
    return out


def _rule(raw: Any, path: Path, pack: str, references: Mapping[str, Reference],
          definitions: Mapping[str, tuple[str, ...]] | None = None) -> Rule:
    """One rule from its YAML mapping, checked field by field, its patterns compiled."""
    if not isinstance(raw, dict):
        raise RuleError("each rule must be a mapping", origin=str(path))
    code = str(raw.get("code", "?"))
    kind_name, kind = _kind(raw, path, code)
    fields = {**RULE_FIELDS, **kind.FIELDS}
    _reject_unknown(raw, fields, path, "key", code)
    _validate(raw, fields, path, code)
    origin = _origin(path, raw)
    citations = _citations(raw, path, code, references)
    _check_templates(raw, path, code)

    options = {
        k: _expand(raw[k], definitions or {}, path, raw, k, code) if isinstance(raw[k], list) else raw[k]
        for k in kind.FIELDS if k in raw
    }
    try:
        compiled = kind.compile(options)
    except ValueError as exc:
        raise RuleError(str(exc), origin=origin, rule=code) from None

    anchored_by = getattr(kind, "ANCHORED_BY", None)
    anchors = required_anchors(options[anchored_by]) if anchored_by else None
    return Rule(
        code=code,
        name=raw["name"],
        kind=kind_name,
        category=raw["category"],
        severity=raw["severity"],
        message=raw["message"].strip(),
        fix=raw["fix"].strip(),
        what=raw.get("what", "").strip(),
        why=raw.get("why", "").strip(),
        example=raw.get("example", "").strip(),
        instead=raw.get("instead", "").strip(),
        evidence=raw.get("evidence", "").strip(),
        citations=tuple(citations),
        jurisdictions=tuple(raw.get("jurisdictions") or JURISDICTIONS),
        flag_examples=tuple(raw["examples"]["flag"]),
        pass_examples=tuple(raw["examples"]["pass"]),
        defused_by=frozenset(raw.get("defused_by", kind.DEFUSED_BY)),
        preview=bool(raw.get("preview", False)),
        pack=pack,
        origin=origin,
        options=options,
        compiled=compiled,
        anchors=anchors,
        replacement=raw.get("replacement"),
    )


def _kind(raw: Mapping[str, Any], path: Path, code: str) -> tuple[str, Any]:
    """The rule's kind name and its module (rules/phrase.py, citation.py, …)."""
    name = raw.get("kind")
    kind = KINDS.get(name) if isinstance(name, str) else None
    if kind is None:
        raise RuleError(f"unknown or missing kind {name!r}; expected one of {', '.join(KINDS)}",
                        origin=_origin(path, raw, "kind"), rule=code)
    return name, kind


def _citations(raw: Mapping[str, Any], path: Path, code: str, references: Mapping[str, Reference]) -> list[Reference]:
    """The references a rule cites, by id; an unknown id is an error with the nearest known one."""
    citations = []
    for ref_id in raw.get("citations", []):
        if ref_id not in references:
            close = difflib.get_close_matches(ref_id, list(references), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise RuleError(f"cites unknown reference {ref_id!r}{hint}", origin=_origin(path, raw, "citations"), rule=code)
        citations.append(references[ref_id])
    return citations


def _check_templates(raw: Mapping[str, Any], path: Path, code: str) -> None:
    """Message, fix and replacement templates stay within the small language render.py allows."""
    for key in ("message", "fix", "replacement"):
        problem = check_template(raw[key]) if key in raw else None
        if problem:
            raise RuleError(f"{key}: {problem}", origin=_origin(path, raw, key), rule=code)
