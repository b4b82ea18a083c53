"""The README's rule table is generated, not written: keep it in step with the packs.

Regenerate with `python tests/test_readme.py`.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- rules-table:start -->\n)(.*?)(<!-- rules-table:end -->)", re.S)


def generated_table() -> str:
    from lint.cli import main

    result = CliRunner().invoke(main, ["rules", "--format", "markdown", "--isolated"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_readme_rule_table_is_current():
    match = BLOCK.search(README.read_text(encoding="utf-8"))
    assert match, "README lacks the rules-table markers"
    assert match.group(2) == generated_table(), "README rule table is stale: run `python tests/test_readme.py`"


def test_readme_first_screen_has_install_run_and_test():
    first = "\n".join(README.read_text(encoding="utf-8").splitlines()[:25])
    for command in ("pip install .", "healthlint examples/", "pytest"):
        assert command in first


def test_readme_rule_example_is_a_working_pack(tmp_path):
    from lint.cli import main

    pack = re.search(r"```yaml\n(pack: our-clinic\n.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert pack, "README lacks the example pack"
    (tmp_path / "pack.yaml").write_text(pack.group(1), encoding="utf-8")
    result = CliRunner().invoke(main, ["test-rules", str(tmp_path / "pack.yaml")])
    assert result.exit_code == 0, result.output


if __name__ == "__main__":
    sys.path.insert(0, str(README.parent))
    text = README.read_text(encoding="utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + generated_table() + m.group(3), text), encoding="utf-8")
    print("README rule table updated")
