"""Verify per-file ignores set findings aside by glob and code prefix."""
from __future__ import annotations


def test_per_file_ignores(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.healthlint.per-file-ignores]\n"blog/*" = ["HL15"]\n')
    (tmp_path / "blog").mkdir()
    text = "A miracle treatment. Results are guaranteed.\n"
    (tmp_path / "blog" / "post.txt").write_text(text)
    (tmp_path / "page.txt").write_text(text)
    result = cli("--statistics")
    lines = result.stdout.splitlines()
    assert "blog/post.txt:1:22: HL121" in lines[0]
    assert [line.split(": ")[1][:5] for line in lines[:3]] == ["HL121", "HL151", "HL121"]
    assert lines[-1].endswith("1 set aside (per-file-ignores: 1)")
