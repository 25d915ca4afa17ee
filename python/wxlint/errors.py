"""The exceptions wxlint raises when it cannot do its job.

Findings in a payload are never exceptions (broken JSON is the finding WX0001); these are for
bad configuration, snapshot, rule or baseline files, unreadable paths and wrong arguments.
The library's messages name the place as "file:line:col: /pointer: problem"; the parts are
also attributes, None where the message names no place in a file.
"""
from __future__ import annotations

import json
import os
import re
from typing import Any, Optional

# ":LINE:COL: " after the file name that starts the message, then the pointer when there is
# one: "/a/b", or "(root)" for the whole document.
_PLACE = re.compile(r":(?P<line>[0-9]+):(?P<column>[0-9]+): (?:(?P<pointer>/.*?|\(root\)): )?")
_MAX_READ = 1 << 24  # bytes: a file read again only to tell where its pointer ends


def _resolves(document: object, pointer: str) -> bool:
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(document, dict) and token in document:
            document = document[token]
        elif isinstance(document, list) and token.isdigit() and int(token) < len(document):
            document = document[int(token)]
        else:
            return False
    return True


def _pointer(file: str, rest: str, shortest: str) -> str:
    """The pointer that `rest` ("/a: b: problem") starts with. A member name may hold ": "
    ({"a: b": 1}), so of the ways to cut it, the longest the file holds is taken."""
    cuts = [i for i in range(len(shortest), len(rest)) if rest.startswith(": ", i)]
    if len(cuts) < 2:
        return shortest
    try:
        if os.path.getsize(file) > _MAX_READ:
            return shortest
        with open(file, encoding="utf-8-sig") as f:
            document = json.load(f)
    except (OSError, ValueError, RecursionError):  # RecursionError: nested past Python's limit
        return shortest
    for i in reversed(cuts):
        if _resolves(document, rest[:i]):
            return rest[:i]
    return shortest


class WxlintError(Exception):
    """wxlint could not do its job: `message` says why, `file`, `line`, `column` and
    `pointer` where (each None when the message names no place in a file)."""

    def __init__(self, message: str, *, file: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None, pointer: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.file, self.line, self.column, self.pointer = file, line, column, pointer

    @classmethod
    def from_message(cls, message: str) -> "WxlintError":
        # The place is where what comes before ":LINE:COL: " is a file: a message that quotes
        # an argument ('unknown operation "x:1:2: y"') holds no place, and a file name may
        # hold ":1:2: " itself.
        for place in _PLACE.finditer(message):
            file, pointer = message[:place.start()], place.group("pointer")
            if not os.path.lexists(file):
                continue
            if pointer and pointer != "(root)":
                pointer = _pointer(file, message[place.start("pointer"):], pointer)
            return cls(message, file=file, line=int(place.group("line")),
                       column=int(place.group("column")), pointer="" if pointer == "(root)" else pointer)
        return cls(message)


class OptionsError(WxlintError, ValueError):
    """An argument is malformed: a setting that is not JSON, a severity that is not one."""


class ConfigError(WxlintError):
    """A .wxlint.json, rule, schema or baseline file is invalid, or an option names an
    unknown rule, code or setting."""


class SnapshotError(ConfigError):
    """An org snapshot file is invalid or cannot be read."""


class IoError(WxlintError):
    """A path cannot be read (missing, a directory where a file was expected, no *.json...).
    From lint_paths, `reports` holds the reports of the files it could read, and the message
    names each path it could not, a line each."""

    reports: tuple[Any, ...] = ()
    report: dict[str, Any] = {}  # the library's report beside the error, read into `reports`


class UnknownOperationError(WxlintError, ValueError):
    """`operation` names no operation of the catalogue; the message lists the known ones."""


class UnknownRuleError(WxlintError, LookupError):
    """explain() was given a code or rule id that no rule has."""


class InternalError(WxlintError):
    """A bug in wxlint: please report the message."""


_BY_STATUS = {1: OptionsError, 2: OptionsError, 3: ConfigError, 4: IoError, 5: UnknownOperationError,
              7: InternalError, 8: SnapshotError}


def from_status(status: int, message: str) -> Exception:
    """The exception for a C ABI status code (WXLINT_E_*) and its message."""
    if status == 6:
        return MemoryError(message)
    return _BY_STATUS.get(status, InternalError).from_message(message)
