"""Verify config discovery, file formats, validation and command-line precedence."""
from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import DEFAULT_RULESETS, Settings, find_config, load_settings
from lint.errors import ConfigError


def test_defaults_without_config(tmp_path):
    settings = load_settings(cwd=tmp_path)
    assert settings.config_file is None
    assert settings.rulesets == DEFAULT_RULESETS and settings.format == "text" and settings.jurisdiction == ("us",)


def test_yaml_config_found_from_a_subfolder(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("select: [HL1]\nshow-source: true\nmax-file-size: 2MB\n")
    sub = tmp_path / "content" / "posts"
    sub.mkdir(parents=True)
    settings = load_settings(cwd=sub)
    assert settings.config_file == tmp_path / ".healthlint.yaml"
    assert settings.select == ("HL1",) and settings.show_source is True and settings.max_file_size == 2_000_000
    assert settings.root == tmp_path.resolve()


def test_pyproject_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.healthlint]\nignore = ["HL151"]\njurisdiction = ["uk", "us"]\n')
    settings = load_settings(cwd=tmp_path)
    assert settings.ignore == ("HL151",) and settings.jurisdiction == ("uk", "us")


def test_pyproject_without_our_table_is_skipped(tmp_path):
    (tmp_path / ".healthlint.yml").write_text("quiet: true\n")
    sub = tmp_path / "site"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[tool.black]\nline-length = 100\n")
    assert find_config(sub) == tmp_path / ".healthlint.yml"


def test_command_line_overrides_config(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("format: json\nselect: HL1,HL2\nexit-zero: true\n")
    settings = load_settings({"format": "text", "select": "HL112", "exit_zero": None}, cwd=tmp_path)
    assert settings.format == "text" and settings.select == ("HL112",) and settings.exit_zero is True


def test_isolated_ignores_config(tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("format: json\n")
    assert load_settings(isolated=True, cwd=tmp_path).format == "text"


def test_explicit_config_file(tmp_path):
    config = tmp_path / "ci.yaml"
    config.write_text("statistics: true\n")
    assert load_settings(config=config, cwd=tmp_path).statistics is True
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(config=tmp_path / "missing.yaml", cwd=tmp_path)


def test_per_file_ignores(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.healthlint.per-file-ignores]\n"blog/*.md" = ["HL151"]\n')
    assert load_settings(cwd=tmp_path).per_file_ignores == (("blog/*.md", ("HL151",)),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selct: [HL1]\n", "unknown option 'selct'"),
        ("show-source: yes please\n", "show-source: expected true or false"),
        ("jurisdiction: [us, mars]\n", "jurisdiction: expected us, uk, eu, au or all, got 'mars'"),
        ("max-file-size: huge\n", "max-file-size: expected a size"),
        ("select: [cure!]\n", "select: 'CURE!' is not a rule code"),
        ("- just a list\n", "expected a table of options"),
        ("select: [HL1\n", "cannot read YAML"),
    ],
)
def test_bad_config_values_name_the_file(tmp_path, content, message):
    (tmp_path / ".healthlint.yaml").write_text(content)
    with pytest.raises(ConfigError) as info:
        load_settings(cwd=tmp_path)
    assert str(info.value).startswith(str(tmp_path / ".healthlint.yaml"))
    assert message in str(info.value)


def test_broken_pyproject_is_reported(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.healthlint\n")
    with pytest.raises(ConfigError, match="cannot read TOML"):
        load_settings(cwd=tmp_path)


def test_config_error_on_the_command_line(cli, tmp_path):
    (tmp_path / ".healthlint.yaml").write_text("colour: true\n")
    (tmp_path / "a.txt").write_text("hello\n")
    result = cli("a.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("healthlint: error: ") and "unknown option 'colour'" in result.stderr
    assert "Traceback" not in result.stderr


def test_config_ruleset_paths_are_relative_to_the_config(tmp_path, cli):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "extra.yaml").write_text(
        "rules:\n  - code: XY101\n    name: wonder-claim\n    kind: phrase\n    category: hype\n"
        "    severity: warning\n    patterns: [sparkle drug]\n    message: hype\n    fix: say what it does\n"
        "    examples:\n      flag: [a sparkle drug]\n      pass: [a drug]\n"
    )
    (tmp_path / ".healthlint.yaml").write_text("extend-rulesets: [packs/extra.yaml]\n")
    sub = tmp_path / "pages"
    sub.mkdir()
    (sub / "p.txt").write_text("Try our sparkle drug.\n")
    result = cli("p.txt", cwd=sub)
    assert result.stdout == "p.txt:1:9: XY101 hype\n"


def test_settings_is_frozen():
    with pytest.raises(Exception):
        Settings().format = "json"  # type: ignore[misc]
