"""One error hierarchy: anything here is printed as one line and exits with status 2."""
from __future__ import annotations


class HealthlintError(Exception):
    """A usage, configuration or rule-pack problem that stops the run (exit status 2)."""

    exit_code = 2


class ConfigError(HealthlintError):
    """Bad command-line option or configuration file value."""


class RuleError(HealthlintError):
    """A rule pack or references file that does not validate."""

    def __init__(self, message: str, *, origin: str = "", rule: str = "") -> None:
        where = origin + (f": rule {rule}" if rule else "")
        super().__init__(f"{where}: {message}" if where else message)
        self.origin = origin
        self.rule = rule


class InputError(HealthlintError):
    """A file that cannot be linted (unreadable, undecodable). Reported per file; the run goes on."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class InputNotice(InputError):
    """A file skipped on purpose (binary, too large): reported, but not an error."""
