"""Linter: a rule catalogue with its configuration, loaded once, then used for many lints."""
from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Union, overload

from . import _capi, errors
from ._capi import NativeLinter
from .results import Diagnostic, Report, Rule

StrPath = Union[str, "os.PathLike[str]"]
Payload = Union[dict, list, tuple, str, bytes, bytearray, memoryview]


def _path(value: StrPath, argument: Optional[str] = None) -> str:
    """A str, bytes or path-like path as text, refused with a NUL in it. A path for the options
    JSON (`argument` names it) is refused when its name is not UTF-8: JSON text cannot carry
    other bytes, and the library would open another name."""
    path = os.fsdecode(value)
    _capi.c_string(path)
    if argument is not None:
        try:
            path.encode("utf-8")
        except UnicodeEncodeError:
            raise errors.OptionsError(f"{argument}: the path {os.fsencode(path)!r} is not valid UTF-8, and the library "
                                      "takes it in JSON options, which cannot carry it; rename it") from None
    return path


def _paths(value: Union[StrPath, Iterable[StrPath]], argument: Optional[str] = None) -> list[str]:
    if isinstance(value, (str, bytes, os.PathLike)):
        return [_path(value, argument)]
    return [_path(v, argument) for v in value]


def _config_option(config: Union[None, bool, StrPath]) -> dict[str, Any]:
    """The options JSON's "config": None or True searches upward, False is none, else a path."""
    if config is False:
        return {}
    return {"config": True if config is None or config is True else _path(config, "config")}


def _as_bytes(payload: Union[str, bytes, bytearray, memoryview]) -> bytes:
    if isinstance(payload, str):
        # Lone surrogates stay as they are: wxlint reports the invalid UTF-8 where it is.
        return payload.encode("utf-8", "surrogatepass")
    if not isinstance(payload, (bytes, bytearray, memoryview)):
        raise TypeError(f"text must be a dict, list, str or bytes, not {type(payload).__name__}")
    return bytes(payload)


def _key(key: object) -> str:
    """A dict key as json.dumps writes it: a str, or a number, bool or None as its JSON text."""
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, (int, float)):
        return json.dumps(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def _dumps_deep(payload: object) -> str:
    """json.dumps(payload), the same text, written without recursion: for a payload nested
    past Python's recursion limit, which json.dumps refuses (RecursionError)."""
    out: list[str] = []
    stack: list[tuple[Iterator[tuple[str, object]], str, int]] = []  # (items left, closing bracket, id)
    open_ids: set[int] = set()  # the containers being written: one met again is a cycle
    value, prefix, first = payload, "", True
    while True:
        if isinstance(value, (dict, list, tuple)):
            if id(value) in open_ids:
                raise ValueError("Circular reference detected")
            open_ids.add(id(value))
            if isinstance(value, dict):
                out.append(prefix + "{")
                stack.append((((json.dumps(_key(k)) + ": ", v) for k, v in value.items()), "}", id(value)))
            else:
                out.append(prefix + "[")
                stack.append(((("", v) for v in value), "]", id(value)))
            first = True
        else:
            out.append(prefix + json.dumps(value))
            first = False
        while stack:  # the next value, after the brackets that close before it
            items, close, ident = stack[-1]
            item = next(items, None)
            if item is not None:
                prefix, value = (item[0] if first else ", " + item[0]), item[1]
                break
            out.append(close)
            open_ids.discard(ident)
            stack.pop()
            first = False
        else:
            return "".join(out)


def _dumps(payload: Union[dict, list, tuple]) -> bytes:
    """json.dumps(payload): a value it cannot write for its type stays its TypeError (a set, a
    tuple key); one it cannot write for its value (a cycle, an int of more digits than Python
    converts) raises OptionsError."""
    try:
        try:
            text = json.dumps(payload)
        except RecursionError:
            text = _dumps_deep(payload)
    except ValueError as e:
        raise errors.OptionsError(f"the payload cannot be written as JSON: {e}") from None
    return text.encode()


def _indented(payload: Union[dict, list, tuple]) -> bytes:
    """The text a dict or list is linted as: `json.dumps(payload, indent=2)`, laid out by the
    library from the one-line dump (in a fraction of json.dumps's own time with indent); or,
    nested so deep that the layout would pass 3x the one-line text plus 1 MB, that one-line
    text itself (the layout grows with the depth squared)."""
    text = _dumps(payload)
    laid_out = _capi.reindent(text)
    return text if laid_out is None else laid_out


class Linter:
    """The rule catalogue with its options, loaded once and reused; safe to call from several
    threads at once (the native code runs without the GIL).

    config: None searches for .wxlint.json upward from the working directory, once, and uses
        it for every file (`wxlint check` uses the nearest above each file: make one Linter per
        project); False uses none; a path uses that file. Its rules, settings, snapshot and
        ignores apply, and the arguments below override it.
    snapshot: an org snapshot, a file or directory of saved Webex list responses, or a list of
        them (docs/snapshot.md); replaces the config's.
    rules: an organisation's policy rule file, or a list of them (docs/policies.md), added on
        top of the catalogue after the config's, as `wxlint check --rules FILE` does.
    settings: setting name (or "operationId/name", "ruleFileName/name": the operation's own,
        which wins) -> value, e.g. {"maxUsers": 50}.
    disabled: rule ids or codes to leave out.
    severities: rule id or code -> "error", "warning" or "info".
    baseline: a file from `wxlint check --generate-baseline`: the findings it holds are left out.
    region: where national-format phone numbers are read ("GB"), as `wxlint check --region`;
        replaces the config's "region".
    rules_dir: a directory of rules/ and schemas/ instead of the built-in catalogue.

    Raises ConfigError, SnapshotError, IoError or OptionsError when any of them is unusable.
    """

    def __init__(self, *, config: Union[None, bool, StrPath] = None,
                 snapshot: Union[None, StrPath, Iterable[StrPath]] = None,
                 settings: Optional[Mapping[str, Any]] = None, disabled: Iterable[str] = (),
                 severities: Optional[Mapping[str, str]] = None, baseline: Optional[StrPath] = None,
                 rules_dir: Optional[StrPath] = None,
                 rules: Union[None, StrPath, Iterable[StrPath]] = None, region: Optional[str] = None) -> None:
        options = _config_option(config)
        if snapshot is not None:
            options["snapshot"] = _paths(snapshot, "snapshot")
        if rules is not None:
            options["rules"] = _paths(rules, "rules")
        if settings:
            options["settings"] = dict(settings)
        if disabled:
            options["disabled"] = [disabled] if isinstance(disabled, str) else list(disabled)
        if severities:
            options["severities"] = dict(severities)
        if baseline is not None:
            options["baseline"] = _path(baseline, "baseline")
        if region is not None:
            options["region"] = region
        self._native = NativeLinter(None if rules_dir is None else _path(rules_dir), options)
        self._rules: Optional[tuple[Rule, ...]] = None

    def lint(self, payload: Payload, *, operation: Optional[str] = None,
             name: Optional[StrPath] = None) -> list[Diagnostic]:
        """Lint one payload. A dict or list is serialised by json.dumps and linted laid out as
        `json.dumps(payload, indent=2)` is: lines and columns point into that text (the library
        lays it out, in a fraction of json.dumps's own time); nested so deep that the layout
        would pass 3x the one-line text plus 1 MB, that one-line `json.dumps(payload)` is linted.
        str and bytes are linted as given. `name` is the file name in ignores and messages
        ("<buffer>"); `operation` an operationId to lint against instead of detecting it.
        Raises TypeError for other payloads and for a value or key of a type JSON has none for
        (json.dumps's message), OptionsError for a cycle or an int Python will not write."""
        name = "<buffer>" if name is None else os.fsdecode(name)
        if isinstance(payload, (dict, list, tuple)):
            report = self._native.lint(_indented(payload), name, operation)
        elif isinstance(payload, (str, bytes, bytearray, memoryview)):
            report = self._native.lint(_as_bytes(payload), name, operation)
        else:
            raise TypeError(f"payload must be a dict, list, str or bytes, not {type(payload).__name__}")
        return _diagnostics(report)

    def lint_file(self, path: StrPath, *, operation: Optional[str] = None) -> list[Diagnostic]:
        """Read and lint one file ("-" is standard input). Raises IoError when it cannot be read."""
        return _diagnostics(self._native.lint_file(_path(path), operation))

    def lint_paths(self, paths: Union[StrPath, Iterable[StrPath]], *,
                   operation: Optional[str] = None) -> list[Report]:
        """Lint files and directories (searched recursively for *.json, hidden directories
        skipped) as `wxlint check PATH...` does: one Report per file, in that order. A path that
        cannot be read (a link to nowhere, a FIFO, a missing file) does not stop the others: once
        they are linted, IoError names each one, a line each, and its `reports` holds the others'."""
        try:
            report = self._native.lint_paths(_paths(paths), operation)
        except errors.IoError as e:
            e.reports = tuple(Report.from_dict(f) for f in e.report.get("files", ()))
            raise
        return [Report.from_dict(f) for f in report["files"]]

    def rules(self) -> list[Rule]:
        """Every rule of the catalogue, in `wxlint rules` order."""
        if self._rules is None:
            self._rules = tuple(Rule.from_dict(r) for r in json.loads(self._native.rules_json()))
        return list(self._rules)

    def explain(self, code: Union[str, int]) -> list[Rule]:
        """The rules with this code or rule id (a code may have several). Raises UnknownRuleError."""
        # 1026016 as well as "1026016"; anything else is a mistake, not a code ("None").
        if isinstance(code, bool) or not isinstance(code, (str, int)):
            raise TypeError(f"explain() takes a code or rule id (str or int), not {type(code).__name__}")
        try:
            code = str(code)
        except ValueError:  # an int past Python's limit of digits for str(): no code is that long
            raise errors.UnknownRuleError("no rule with that code; wxlint.rules() lists them all") from None
        found = [r for r in self.rules() if code in (r.code, r.id)]
        if not found:
            raise errors.UnknownRuleError(f'no rule with code or id "{code}"; wxlint.rules() lists them all')
        return found


@overload
def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str: ...
@overload
def apply_fixes(text: Union[bytes, bytearray, memoryview], diagnostics: Iterable[Diagnostic],
                unsafe: bool = False) -> bytes: ...
@overload
def apply_fixes(text: Union[dict, list, tuple], diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> str: ...


def apply_fixes(text: Payload, diagnostics: Iterable[Diagnostic], unsafe: bool = False) -> Union[str, bytes]:
    """The text with the fixes of `diagnostics` applied, in their order, in one pass: the safe
    fixes, and with `unsafe` the unsafe ones too. A fix overlapping one applied before it is
    left out (lint the result again to get it). `text` is what was linted: str or bytes (the
    result has the same type), or the dict or list itself, whose diagnostics point into the
    text lint() linted (the result is then that text, fixed). Raises OptionsError when the
    fixes cut a character of a str in two: they were not found in it."""
    if isinstance(text, (dict, list, tuple)):
        text = _indented(text).decode()
    items = []
    for d in diagnostics:
        if not isinstance(d, Diagnostic):
            raise TypeError(f"diagnostics must be wxlint.Diagnostic, not {type(d).__name__}")
        items.append({"fix": d.fix.to_dict()} if d.fix else {})
    fixed = _capi.apply_fixes(_as_bytes(text), json.dumps(items), unsafe)
    if not isinstance(text, str):
        return fixed
    try:
        return fixed.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as e:  # edits at byte offsets that are not this text's
        raise errors.OptionsError(f"the fixes cut a UTF-8 character in two (byte {e.start} of the fixed text): "
                                  "the diagnostics were not found in this text") from None


def _diagnostics(report: dict[str, Any]) -> list[Diagnostic]:
    return [Diagnostic.from_dict(d) for f in report["files"] for d in f["diagnostics"]]
