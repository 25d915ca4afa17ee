"""wxlint: lint Webex API request payloads offline, before the API is called.

    import wxlint
    for d in wxlint.lint(payload):          # a dict, list, str or bytes
        print(d.line, d.column, d.code, d.message)

The checks run in the wxlint library (libwxlint.so, through its C ABI); this package only
passes payloads in and results out. See docs/python.md.
"""
from __future__ import annotations

import functools
import glob
import json
import os
from pathlib import Path
from typing import Iterable, Optional, Union

from ._capi import VERSION as __version__
from .errors import (ConfigError, InternalError, IoError, OptionsError, SnapshotError,
                     UnknownOperationError, UnknownRuleError, WxlintError)
from . import _capi
from .linter import Linter, Payload, StrPath, _config_option, _path, _paths, apply_fixes
from .results import Diagnostic, Edit, Fix, Location, Report, Rule, Severity, SnapshotInfo, SnapshotKind

__all__ = [
    "ConfigError", "Diagnostic", "Edit", "Fix", "InternalError", "IoError", "Linter", "Location", "OptionsError", "Payload",
    "Report", "Rule", "Severity", "SnapshotError", "SnapshotInfo", "SnapshotKind", "UnknownOperationError",
    "UnknownRuleError", "WxlintError", "apply_fixes", "explain", "lint", "lint_file", "lint_paths", "rules",
    "snapshot_info", "__version__"]

Config = Union[None, bool, StrPath]
Paths = Union[None, StrPath, Iterable[StrPath]]
SnapshotPaths = Paths
RulePaths = Paths


@functools.lru_cache(maxsize=8)
def _cached(config: Union[None, bool, str], snapshot: Optional[tuple[str, ...]],
            rules: Optional[tuple[str, ...]], state: object) -> Linter:
    del state  # part of the key only
    return Linter(config=config, snapshot=snapshot, rules=rules)


def _state(path: str) -> Optional[tuple[int, int, int]]:
    try:
        st = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL or lone surrogate in a name a config gives
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def _snapshot_state(paths: Iterable[str]) -> tuple[object, ...]:
    """What tells that a snapshot was taken again: each path's state and, for a directory, its
    manifest's (`wxlint snapshot pull` renames its pages and manifest into place). A page
    rewritten in place inside a directory goes unseen: stating every page would cost each call
    milliseconds."""
    return tuple((path, _state(path), _state(os.path.join(path, "manifest.json"))) for path in paths)


def _named_files(config: str) -> tuple[object, ...]:
    """The rule files a config's "rules" list names (paths or globs relative to it), each with
    its state: a policy being edited is read again; and its "snapshot" paths' state. A config
    that cannot be read names none here; the library reports it."""
    try:
        with open(config, encoding="utf-8-sig") as f:  # the library reads a BOM too
            document = json.load(f)
        named, snapshot = document.get("rules"), document.get("snapshot")
    except (OSError, ValueError, AttributeError, RecursionError):  # the library reports what is wrong
        return ()
    base = os.path.dirname(config)
    # One path, or a list of them, as the library reads "snapshot".
    entries = [snapshot] if isinstance(snapshot, str) else snapshot if isinstance(snapshot, list) else []
    snapshots = _snapshot_state(os.path.join(base, entry) for entry in entries if isinstance(entry, str))
    if not isinstance(named, list):
        return snapshots
    # The config's directory is a path, not a pattern: "[x]" in it is no character class.
    found = (_glob(os.path.join(glob.escape(base), entry)) for entry in named if isinstance(entry, str))
    return tuple((path, _state(path)) for paths in found for path in paths) + snapshots


def _glob(pattern: str) -> list[str]:
    try:
        return sorted(glob.glob(pattern, recursive=True))
    except ValueError:  # a NUL or lone surrogate in it: no file; the library reports it
        return []


def _config_state(config: Union[None, bool, str]) -> object:
    """What decides which config file the library reads and what it holds, and the rule files
    it names: a linter is kept only while this stays the same. The library does the search
    and the checks itself."""
    if config is False:
        return None
    if isinstance(config, str):
        return config, _state(config), _named_files(config)
    here = os.getcwd()
    for directory in (here, *map(str, Path(here).parents)):
        path = os.path.join(directory, ".wxlint.json")
        state = _state(path)
        if state:
            return directory, state, _named_files(path)
    return here, None


def _tuple(paths: Paths, argument: str) -> Optional[tuple[str, ...]]:
    return None if paths is None else tuple(_paths(paths, argument))


def _linter(config: Config, snapshot: SnapshotPaths, rules: RulePaths = None) -> Linter:
    """A Linter for these arguments, kept for the next call with the same ones in the same
    working directory (relative paths name other files in another), while the config, rule
    files and snapshot stay the same (a policy being edited, a snapshot pulled again, is read
    again)."""
    # Checked as Linter checks them, before any is looked at here.
    key = config if config is None or isinstance(config, bool) else _path(config, "config")
    rule_files, snapshots = _tuple(rules, "rules"), _tuple(snapshot, "snapshot")
    state = (os.getcwd(), _config_state(key), tuple(map(_state, rule_files or ())), _snapshot_state(snapshots or ()))
    return _cached(key, snapshots, rule_files, state)


def lint(payload: Payload, *, operation: Optional[str] = None, name: Optional[str] = None,
         config: Config = None, snapshot: SnapshotPaths = None, rules: RulePaths = None) -> list[Diagnostic]:
    """Lint one payload; see Linter and Linter.lint. The linter for the same config, snapshot
    and rules is built once and kept while the config file it uses stays the same (build a
    Linter to choose when files are read)."""
    return _linter(config, snapshot, rules).lint(payload, operation=operation, name=name)


def lint_file(path: StrPath, *, operation: Optional[str] = None, config: Config = None,
              snapshot: SnapshotPaths = None, rules: RulePaths = None) -> list[Diagnostic]:
    """Read and lint one file; see Linter.lint_file."""
    return _linter(config, snapshot, rules).lint_file(path, operation=operation)


def lint_paths(paths: Union[StrPath, Iterable[StrPath]], *, operation: Optional[str] = None,
               config: Config = None, snapshot: SnapshotPaths = None, rules: RulePaths = None) -> list[Report]:
    """Lint files and directories as `wxlint check PATH...` does; see Linter.lint_paths."""
    return _linter(config, snapshot, rules).lint_paths(paths, operation=operation)


def rules(*, config: Config = None, rules: RulePaths = None) -> list[Rule]:
    """Every rule of the catalogue lint() uses with the same config and rules: the built-in
    rules with the config's severities, and its policy rules, as `wxlint rules` lists them."""
    return _linter(config, None, rules).rules()


def explain(code: Union[str, int], *, config: Config = None, rules: RulePaths = None) -> list[Rule]:
    """The rules with this code or rule id, in the catalogue of rules(); raises
    UnknownRuleError when there is none."""
    return _linter(config, None, rules).explain(code)


def snapshot_info(snapshot: SnapshotPaths = None, *, region: Optional[str] = None,
                  config: Config = None) -> SnapshotInfo:
    """What an org snapshot holds, as `wxlint snapshot info` says: its kinds with their pages
    and items, its capture time and age, and its own inconsistencies (which raise nothing).
    snapshot: files or directories of saved Webex list responses; None: the config's.
    region: where national-format numbers are read when the snapshot gives no country.
    config: as for Linter (None finds the nearest .wxlint.json; False uses none), but with
    snapshot paths given, None reads no config, as `wxlint snapshot info PATH` does.
    Raises OptionsError when no snapshot is given, SnapshotError for a bad snapshot file."""
    options = _config_option(False if config is None and snapshot is not None else config)
    if snapshot is not None:
        options["snapshot"] = _paths(snapshot, "snapshot")
    if region is not None:
        options["region"] = region
    return SnapshotInfo.from_dict(_capi.snapshot_info(options))
