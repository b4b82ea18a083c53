"""Verify the text output cannot be used to attack a terminal: control characters arrive as visible escapes."""
from __future__ import annotations


def test_ansi_escapes_and_controls_are_made_visible(lint_site):
    out = lint_site("text", "hostile.txt", args=("--show-source",)).stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    lines = out.splitlines()
    assert lines[0] == ('hostile.txt:3:1: XT201 “hype: <script>alert("x")</script> ]]> & \\x1b[31mred\\x1b[0m '
                        '::error file=a” is quoted hype')
    assert lines[-2] == "    hype: \\x07bell \\u202ereversed"
    assert lines[-1] == "    " + "^" * len("hype: \\x07bell \\u202ereversed")


def test_line_breaks_in_a_file_name_cannot_forge_a_finding(cli, report_site):
    name = "evil\nfake.txt:1:1: XT101 forged.txt"
    (report_site / name).write_text("Our wonder drug.\n")
    out = cli("--isolated", "--ruleset", "pack.yaml", name).stdout
    assert out == "evil\\x0afake.txt:1:1: XT101 forged.txt:1:5: XT101 “wonder drug” presents the treatment as a cure\n"
