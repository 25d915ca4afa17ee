"""What a lint returns: diagnostics, their related places, per-file reports, and rules.

Each is a frozen dataclass built from the library's JSON report (the contract of
`wxlint check --format json`); to_dict() gives that JSON form back.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, Mapping, Optional

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
class Edit:
    """One edit of a fix: `length` bytes at byte `offset` of the linted text become `content`."""

    offset: int
    length: int
    content: str

    def to_dict(self) -> dict[str, Any]:
        return {"offset": self.offset, "length": self.length, "content": self.content}


@dataclass(frozen=True)
class Fix:
    """How a finding can be fixed: its edits, applied all together by apply_fixes(). "safe"
    keeps the payload's meaning; "unsafe" (a guess, a removal) is applied only on request."""

    applicability: Literal["safe", "unsafe"]
    message: str
    edits: tuple[Edit, ...]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Fix":
        return cls(d["applicability"], d["message"], tuple(Edit(e["offset"], e["length"], e["content"]) for e in d["edits"]))

    def to_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability, "message": self.message, "edits": [e.to_dict() for e in self.edits]}


@dataclass(frozen=True)
class Diagnostic:
    """One finding. Lines and columns are 1-based; columns count characters. `end_line` and
    `end_column` are just after the value. `fix` is offered by the rules that can fix what they
    find (None otherwise); its byte offsets are into the text linted."""

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
    fix: Optional[Fix] = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Diagnostic":
        related = tuple(Location(r["pointer"], r["line"], r["column"]) for r in d.get("related", ()))
        fix = Fix.from_dict(d["fix"]) if "fix" in d else None
        return cls(d["code"], d["severity"], d["rule"], d["pointer"], d["line"], d["column"],
                   d["endLine"], d["endColumn"], d["message"], related, fix)

    def to_dict(self) -> dict[str, Any]:
        """The diagnostic as in the CLI's JSON report."""
        out: dict[str, Any] = {
            "code": self.code, "severity": self.severity, "rule": self.rule, "pointer": self.pointer,
            "line": self.line, "column": self.column, "endLine": self.end_line,
            "endColumn": self.end_column, "message": self.message}
        if self.related:
            out["related"] = [r.to_dict() for r in self.related]
        if self.fix:
            out["fix"] = self.fix.to_dict()
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
    # Read-only, as the rest of a Rule: the catalogue a Linter keeps hands out the same ones.
    example_settings: Mapping[str, str]
    example_snapshot: Mapping[str, str]
    fix: Optional[str] = None  # the fix the rule opted in to (docs/fixes.md), as `wxlint rules` names it
    file: Optional[str] = None  # the policy (or --rules-dir) rule file it comes from; None: one of wxlint's own

    def __hash__(self) -> int:  # the mappings are not hashable; a rule is known by these
        return hash((self.id, self.code, self.operation, self.file))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Rule":
        return cls(d["id"], d["code"], d["severity"], d["operation"], d["check"], d["summary"], d["message"],
                   d["description"], d["failExample"], d["passExample"], MappingProxyType(dict(d["exampleSettings"])),
                   MappingProxyType(dict(d["exampleSnapshot"])), d.get("fix"), d.get("file"))


@dataclass(frozen=True)
class SnapshotKind:
    """One kind of list in an org snapshot ("people", "numbers"...): its pages and items."""

    kind: str
    pages: int
    items: int


@dataclass(frozen=True)
class SnapshotInfo:
    """What an org snapshot holds, as `wxlint snapshot info --format json` says. `captured_at`
    is ISO 8601 UTC, from the manifest or else the files' modification time (`captured_from`:
    "manifest" or "files"); `age_seconds` is negative for a time ahead of this clock; the three
    are None when no time is known. Each inconsistency reads "file:line:col: /pointer: problem"."""

    pages: int
    kinds: tuple[SnapshotKind, ...]
    captured_at: Optional[str]
    captured_from: Optional[Literal["manifest", "files"]]
    age_seconds: Optional[int]
    inconsistencies: tuple[str, ...]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SnapshotInfo":
        return cls(d["pages"], tuple(SnapshotKind(k["kind"], k["pages"], k["items"]) for k in d["kinds"]),
                   d["capturedAt"], d["capturedFrom"], d["ageSeconds"], tuple(d["inconsistencies"]))

    def to_dict(self) -> dict[str, Any]:
        return {"pages": self.pages,
                "kinds": [{"kind": k.kind, "pages": k.pages, "items": k.items} for k in self.kinds],
                "capturedAt": self.captured_at, "capturedFrom": self.captured_from, "ageSeconds": self.age_seconds,
                "inconsistencies": list(self.inconsistencies)}
