"""What a lint returns: diagnostics, their related places, per-file reports, and rules.

Each is a frozen dataclass built from the library's JSON report (the contract of
`wxlint check --format json`); to_dict() gives that JSON form back.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Optional

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Location:
    """Another place a diagnostic refers to, such as a duplicate's first occurrence."""

    pointer: str
    line: int
    column: int

    def to_dict(self) -> dict[str, Any]:
        return {"pointer": self.pointer, "line": self.line, "column": self.column}


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based; columns count characters. `end_line` and
    `end_column` are just after the value. `fix` is None: this build has no fixes."""

    code: str
    severity: Severity
    rule: str
    pointer: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    related: tuple[Location, ...] = ()
    fix: Optional[Any] = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Diagnostic":
        related = tuple(Location(r["pointer"], r["line"], r["column"]) for r in d.get("related", ()))
        return cls(d["code"], d["severity"], d["rule"], d["pointer"], d["line"], d["column"],
                   d["endLine"], d["endColumn"], d["message"], related)

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as in the CLI's JSON report."""
        out: dict[str, Any] = {
            "code": self.code, "severity": self.severity, "rule": self.rule, "pointer": self.pointer,
            "line": self.line, "column": self.column, "endLine": self.end_line,
            "endColumn": self.end_column, "message": self.message}
        if self.related:
            out["related"] = [r.to_dict() for r in self.related]
        return out

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message} ({self.rule})"


@dataclass(frozen=True)
class Report:
    """The findings in one file of lint_paths(). `operation` is None when none was recognised."""

    path: str
    operation: Optional[str]
    diagnostics: tuple[Diagnostic, ...]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Report":
        return cls(d["path"], d["operation"], tuple(Diagnostic.from_dict(x) for x in d["diagnostics"]))

    def to_dict(self) -> dict[str, Any]:
        """The file as in the CLI's JSON report."""
        return {"path": self.path, "operation": self.operation,
                "diagnostics": [d.to_dict() for d in self.diagnostics]}


@dataclass(frozen=True)
class Rule:
    """A catalogue entry, as `wxlint explain` shows it. `operation` is "" for rules that apply to
    every file; the examples are JSON text ("" when the rule has none)."""

    id: str
    code: str
    severity: Severity
    operation: str
    check: str
    summary: str
    message: str
    description: str
    fail_example: str
    pass_example: str
    example_settings: dict[str, str]
    example_snapshot: dict[str, str]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Rule":
        return cls(d["id"], d["code"], d["severity"], d["operation"], d["check"], d["summary"], d["message"],
                   d["description"], d["failExample"], d["passExample"], d["exampleSettings"], d["exampleSnapshot"])
