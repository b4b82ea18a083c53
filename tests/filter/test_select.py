"""Verify flake8's select/ignore decisions: explicit beats implicit, longest prefix wins."""
from __future__ import annotations

import pytest

from lint.filter.select import DecisionEngine


@pytest.mark.parametrize(
    ("select", "extend_select", "ignore", "code", "enabled"),
    [
        ((), (), (), "HL101", True),
        ((), (), ("HL1",), "HL101", False),
        ((), (), ("HL1",), "HL201", True),
        (("HL1",), (), (), "HL201", False),
        (("HL1",), (), ("HL101",), "HL101", False),
        (("HL1",), (), ("HL101",), "HL111", True),
        (("HL101",), (), ("HL1",), "HL101", True),
        (("HL1",), (), ("HL1",), "HL101", False),
        ((), ("HL101",), ("HL1",), "HL101", True),
        (("ALL",), (), ("HL5",), "HL501", False),
        (("ALL",), (), (), "XY123", True),
        (("HL5",), ("HL1",), (), "HL101", True),
    ],
)
def test_decision(select, extend_select, ignore, code, enabled):
    engine = DecisionEngine(select=select, extend_select=extend_select, ignore=ignore)
    assert engine.enabled(code) is enabled
