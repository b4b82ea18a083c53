"""Verify the format registry: every name loads its Reporter, and unknown names are usage errors."""
from __future__ import annotations

import pytest

from lint.errors import ConfigError
from lint.report import REPORTERS, reporter_class
from lint.report.base import Reporter


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_format_loads_its_reporter(name):
    cls = reporter_class(name)
    assert issubclass(cls, Reporter) and cls.name == name


def test_unknown_format():
    with pytest.raises(ConfigError, match="unknown format 'yaml'"):
        reporter_class("yaml")
