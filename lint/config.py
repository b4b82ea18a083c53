"""Settings: defaults, then `[tool.healthlint]` or `.healthlint.yaml`, then command-line flags."""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping

import regex

from lint.errors import ConfigError
from lint.models import JURISDICTIONS
from lint.compiled import compile as cached_regex


LOG = logging.getLogger(__name__)

CONFIG_FILES = (".healthlint.yaml", ".healthlint.yml", "pyproject.toml")
DEFAULT_RULESETS = ("core", "ketamine")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", "node_modules", "vendor", ".venv", "venv", "__pycache__",
    ".tox", ".cache", ".next", ".nuxt", ".docusaurus", "dist", "build", "_site", "public/build",
    ".jekyll-cache", "resources/_gen", ".healthlint_cache",
)
_CODE_PREFIX = cached_regex(r"(?:ALL|[A-Z]{1,5}[0-9]{0,4})")
_SIZE = cached_regex(r"(?i)\s*([0-9]+(?:\.[0-9]+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*")
_SIZE_UNITS = {None: 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, validated once."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rulesets: tuple[str, ...] = DEFAULT_RULESETS
    extend_rulesets: tuple[str, ...] = ()
    preview: bool = False
    jurisdiction: tuple[str, ...] = ("us",)
    format: str = "text"
    show_source: bool = False
    show_fix: bool = False
    statistics: bool = False
    show_suppressed: bool = False
    exit_zero: bool = False
    quiet: bool = False
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    max_file_size: int = 10 * 1000**2
    extend_context: tuple[str, ...] = ()
    jobs: int = 0  # worker processes; 0: one per core
    cache: bool = True  # keep unchanged files' results in .healthlint_cache
    linked_disclosures: bool = False
    site_root: str = ""  # root-relative links resolve here; default: the config file's folder
    output: str = ""  # write the report to this file instead of standard output
    baseline: str = ""  # set aside findings recorded in this baseline file
    root: Path = field(default_factory=Path.cwd)  # directory that config paths are relative to
    config_file: Path | None = None

    @property
    def all_rulesets(self) -> tuple[str, ...]:
        return self.rulesets + self.extend_rulesets

    @property
    def all_excludes(self) -> tuple[str, ...]:
        return self.exclude + self.extend_exclude

    @property
    def site_root_path(self) -> Path:
        return Path(self.site_root) if self.site_root else self.root


# --------------------------------------------------------------------------- coercion


def _str_list(value: Any, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: expected a list of strings, got {value!r}")
    return tuple(v.strip() for v in value if v.strip())


def _codes(value: Any, key: str) -> tuple[str, ...]:
    codes = tuple(c.upper() for c in _str_list(value, key))
    for code in codes:
        if not _CODE_PREFIX.fullmatch(code):
            raise ConfigError(f"{key}: {code!r} is not a rule code or prefix (like HL1 or HL101, or ALL)")
    return codes


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key}: expected true or false, got {value!r}")
    return value


def _choice(*choices: str) -> Callable[[Any, str], str]:
    def coerce(value: Any, key: str) -> str:
        if value not in choices:
            raise ConfigError(f"{key}: expected one of {', '.join(choices)}, got {value!r}")
        return str(value)

    return coerce


def _jurisdictions(value: Any, key: str) -> tuple[str, ...]:
    chosen = tuple(v.lower() for v in _str_list(value, key))
    if "all" in chosen:
        return JURISDICTIONS
    for j in chosen:
        if j not in JURISDICTIONS:
            raise ConfigError(f"{key}: expected {', '.join(JURISDICTIONS)} or all, got {j!r}")
    return chosen


def _size(value: Any, key: str) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and (m := _SIZE.fullmatch(value)):
        return int(float(m.group(1)) * _SIZE_UNITS[m.group(2) and m.group(2).lower()])
    raise ConfigError(f"{key}: expected a size such as 10MB or a number of bytes, got {value!r}")


def _per_file_ignores(value: Any, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(value, (list, tuple)) and all(isinstance(v, tuple) and len(v) == 2 for v in value):
        return tuple((glob, _codes(codes, key)) for glob, codes in value)
    if not isinstance(value, Mapping):
        raise ConfigError(f"{key}: expected a table of glob = [codes], got {value!r}")
    return tuple((str(glob), _codes(codes, f"{key}.{glob}")) for glob, codes in value.items())


def _count(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{key}: expected a whole number (0 for one per core), got {value!r}")
    return value


def _path_string(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{key}: expected a path, got {value!r}")
    return value


def _format_name(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{key}: expected a format name, got {value!r}")
    return value  # the reporter registry checks the name when the run starts


COERCE: dict[str, Callable[[Any, str], Any]] = {
    "select": _codes,
    "extend_select": _codes,
    "ignore": _codes,
    "extend_ignore": _codes,
    "per_file_ignores": _per_file_ignores,
    "rulesets": _str_list,
    "extend_rulesets": _str_list,
    "preview": _bool,
    "jurisdiction": _jurisdictions,
    "format": _format_name,
    "show_source": _bool,
    "show_fix": _bool,
    "statistics": _bool,
    "show_suppressed": _bool,
    "exit_zero": _bool,
    "quiet": _bool,
    "exclude": _str_list,
    "extend_exclude": _str_list,
    "respect_gitignore": _bool,
    "max_file_size": _size,
    "extend_context": _str_list,
    "jobs": _count,
    "cache": _bool,
    "linked_disclosures": _bool,
    "site_root": _path_string,
    "output": _path_string,
    "baseline": _path_string,
}
assert set(COERCE) == {f.name for f in fields(Settings)} - {"root", "config_file"}


# --------------------------------------------------------------------------- files


def find_config(start: Path) -> Path | None:
    """The nearest config file from `start` upward: `.healthlint.y[a]ml`, or a pyproject with our table."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(candidate):
                return candidate
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        return "healthlint" in _read_toml(pyproject).get("tool", {})
    except ConfigError:
        return True  # let loading report the broken file rather than silently skipping it


def _toml() -> Any:
    """tomllib (tomli before Python 3.11), imported when a pyproject.toml is read."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return _toml().load(fh)
    except (OSError, _toml().TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read TOML: {exc}") from None


def read_config_file(path: Path) -> dict[str, Any]:
    """Raw options from one config file, keys normalised to snake_case."""
    if path.name == "pyproject.toml":
        raw = _read_toml(path).get("tool", {}).get("healthlint", {})
    else:
        import yaml  # only for a YAML config file: PyYAML is slow to import

        from lint import safeyaml

        try:
            raw = safeyaml.load(path.read_text(encoding="utf-8")) or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read YAML: {_one_line(exc)}") from None
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{path}: expected a table of options")
    options = {}
    for key, value in raw.items():
        name = str(key).replace("-", "_")
        if name not in COERCE:
            raise ConfigError(f"{path}: unknown option {key!r} (see `healthlint --help` for the options)")
        options[name] = value
    return options


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


# --------------------------------------------------------------------------- assembly


def load_settings(
    cli_options: Mapping[str, Any] | None = None,
    *,
    config: Path | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
) -> Settings:
    """Defaults ← config file (explicit, or found from `cwd` upward) ← command-line options."""
    cwd = cwd or Path.cwd()
    path = None if isolated else (config or find_config(cwd))
    file_options: dict[str, Any] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        file_options = read_config_file(path)
    root = path.parent.resolve() if path is not None else cwd
    settings = Settings(root=root, config_file=path)
    prefix = f"{path}: " if path else ""
    settings = _apply(settings, file_options, prefix, relative_to=root)
    return _apply(settings, {k: v for k, v in (cli_options or {}).items() if v is not None}, "")


def _apply(settings: Settings, options: Mapping[str, Any], prefix: str, *, relative_to: Path | None = None) -> Settings:
    values = {}
    for name, value in options.items():
        try:
            values[name] = COERCE[name](value, name.replace("_", "-"))
        except ConfigError as exc:
            raise ConfigError(f"{prefix}{exc}") from None
        if relative_to is not None and name in ("rulesets", "extend_rulesets"):
            values[name] = tuple(_relative_pack(spec, relative_to) for spec in values[name])
        if relative_to is not None and name == "extend_context":
            values[name] = tuple(str(relative_to / path) for path in values[name])
        if relative_to is not None and name in ("site_root", "output", "baseline") and values[name]:
            values[name] = str(relative_to / values[name])
    return replace(settings, **values)


def _relative_pack(spec: str, root: Path) -> str:
    """A pack path in a config file is relative to that file; a bare name is a built-in pack."""
    is_path = "/" in spec or "\\" in spec or spec.endswith((".yaml", ".yml"))
    return str(root / spec) if is_path and not Path(spec).is_absolute() else spec
