"""ctypes declarations of the C ABI (include/wxlint/wxlint.h) and the calls the package makes.

Everything wxlint does happens in libwxlint.so; this module only moves bytes across the
boundary, turns status codes into exceptions and frees what the library allocated.
"""
from __future__ import annotations

import ctypes
import json
import os
from pathlib import Path
from typing import Any, Optional, Sequence

from . import errors

ABI_VERSION = 2  # WXLINT_ABI_VERSION this module was written against
_OK = 0
_FIX_UNSAFE = 1  # WXLINT_FIX_UNSAFE
_LIBRARY = Path(__file__).with_name("_native") / "libwxlint.so"

_handle = ctypes.c_void_p
_out_handle = ctypes.POINTER(ctypes.c_void_p)
_out_string = ctypes.POINTER(ctypes.c_void_p)  # char**: kept as void* to pass back to wxlint_string_free


def _load() -> ctypes.CDLL:
    if not _LIBRARY.is_file():
        # The source tree's python/ has no library: pip install builds it (docs/python.md).
        raise ImportError(f"wxlint's library is not installed with this package ({_LIBRARY} is missing): install "
                          "the package with pip, which builds it (docs/python.md), rather than importing it from "
                          "a source checkout")
    lib = ctypes.CDLL(os.fspath(_LIBRARY))
    signatures = {
        "wxlint_version": (ctypes.c_char_p, []),
        "wxlint_abi_version": (ctypes.c_int, []),
        "wxlint_status_string": (ctypes.c_char_p, [ctypes.c_int]),
        "wxlint_linter_new": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_char_p, _out_handle, _out_string]),
        "wxlint_linter_free": (None, [_handle]),
        "wxlint_linter_rules_json": (ctypes.c_int, [_handle, _out_string, _out_string]),
        "wxlint_lint": (ctypes.c_int, [_handle, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                       ctypes.c_char_p, _out_handle, _out_string]),
        "wxlint_reindent": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t, _out_string,
                                           ctypes.POINTER(ctypes.c_size_t), _out_string]),
        "wxlint_lint_file": (ctypes.c_int, [_handle, ctypes.c_char_p, ctypes.c_char_p, _out_handle, _out_string]),
        "wxlint_lint_paths": (ctypes.c_int, [_handle, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t,
                                             ctypes.c_char_p, _out_handle, _out_string]),
        "wxlint_apply_fixes": (ctypes.c_int, [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_uint,
                                              _out_string, ctypes.POINTER(ctypes.c_size_t),
                                              ctypes.POINTER(ctypes.c_size_t), _out_string]),
        "wxlint_result_free": (None, [_handle]),
        "wxlint_result_json": (ctypes.c_void_p, [_handle, ctypes.POINTER(ctypes.c_size_t)]),
        "wxlint_result_count": (ctypes.c_size_t, [_handle, ctypes.c_int]),
        "wxlint_snapshot_info": (ctypes.c_int, [ctypes.c_char_p, _out_string, _out_string]),
        "wxlint_string_free": (None, [ctypes.c_void_p]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    if lib.wxlint_abi_version() != ABI_VERSION:
        raise ImportError(f"{_LIBRARY}: C ABI version {lib.wxlint_abi_version()}, this package needs {ABI_VERSION}")
    return lib


_lib = _load()
VERSION: str = _lib.wxlint_version().decode()


def _take_string(pointer: ctypes.c_void_p) -> Optional[str]:
    """The text of a char* the library allocated, which is then freed."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value).decode("utf-8", "replace")
    finally:
        _lib.wxlint_string_free(pointer)


def _check(status: int, error: ctypes.c_void_p) -> None:
    message = _take_string(error)
    if status != _OK:
        raise errors.from_status(status, message or _lib.wxlint_status_string(status).decode())


def c_string(text: str) -> bytes:
    """`text` as the library's char* (or a path in its options): refused with a NUL in it,
    as Python's own file calls do, where the library would read only what comes before."""
    try:
        data = os.fsencode(text)
    except UnicodeEncodeError as e:  # a lone surrogate: no bytes name it
        raise errors.OptionsError(f"{text!r} cannot be encoded as a file system name: {e.reason}") from None
    if b"\0" in data:
        raise errors.OptionsError(f"embedded null byte in {text!r}")
    return data


def _bytes(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else c_string(text)


def _take_bytes(pointer: ctypes.c_void_p, length: ctypes.c_size_t) -> bytes:
    """The bytes of a text the library allocated, which is then freed."""
    try:
        return ctypes.string_at(pointer.value, length.value)
    finally:
        _lib.wxlint_string_free(pointer)


def reindent(text: bytes) -> Optional[bytes]:
    """wxlint_reindent: json.dumps(indent=2)'s layout of one-line JSON text, or None when it
    would pass 3 times the text's size plus 1 MB (deep nesting)."""
    laid_out, length, error = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_void_p()
    _check(_lib.wxlint_reindent(text, len(text), ctypes.byref(laid_out), ctypes.byref(length), ctypes.byref(error)),
           error)
    return _take_bytes(laid_out, length) if laid_out.value else None


def apply_fixes(text: bytes, diagnostics_json: str, unsafe: bool) -> bytes:
    """wxlint_apply_fixes: the text with the diagnostics' fixes applied (one pass)."""
    fixed, length, error = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_void_p()
    flags = _FIX_UNSAFE if unsafe else 0
    _check(_lib.wxlint_apply_fixes(text, len(text), diagnostics_json.encode(), flags, ctypes.byref(fixed),
                                   ctypes.byref(length), None, ctypes.byref(error)), error)
    return _take_bytes(fixed, length)


def snapshot_info(options: dict[str, Any]) -> dict[str, Any]:
    """wxlint_snapshot_info: what the snapshot the options name holds, as its JSON."""
    text, error = ctypes.c_void_p(), ctypes.c_void_p()
    _check(_lib.wxlint_snapshot_info(json.dumps(options).encode(), ctypes.byref(text), ctypes.byref(error)), error)
    info: dict[str, Any] = json.loads(_take_string(text) or "{}")
    return info


class NativeLinter:
    """Owns a wxlint_linter*. The library allows calls from several threads at once."""

    def __init__(self, rules_dir: Optional[str], options: dict[str, Any]) -> None:
        handle, error = ctypes.c_void_p(), ctypes.c_void_p()
        options_json = json.dumps(options).encode()
        _check(_lib.wxlint_linter_new(_bytes(rules_dir), options_json, ctypes.byref(handle), ctypes.byref(error)), error)
        self._handle = handle

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle is not None and handle.value:
            _lib.wxlint_linter_free(handle)
            self._handle = None

    def rules_json(self) -> str:
        text, error = ctypes.c_void_p(), ctypes.c_void_p()
        _check(_lib.wxlint_linter_rules_json(self._handle, ctypes.byref(text), ctypes.byref(error)), error)
        return _take_string(text) or "[]"

    def _report(self, call: Any, *args: Any) -> dict[str, Any]:
        result, error = ctypes.c_void_p(), ctypes.c_void_p()
        status = call(self._handle, *args, ctypes.byref(result), ctypes.byref(error))
        report: dict[str, Any] = {}
        if result.value:  # also beside WXLINT_E_IO from wxlint_lint_paths: the files it could read
            try:
                length = ctypes.c_size_t()
                pointer = _lib.wxlint_result_json(result, ctypes.byref(length))
                report = json.loads(ctypes.string_at(pointer, length.value))
            finally:
                _lib.wxlint_result_free(result)
        try:
            _check(status, error)
        except errors.IoError as e:
            e.report = report
            raise
        return report

    def lint(self, text: bytes, name: str, operation: Optional[str]) -> dict[str, Any]:
        return self._report(_lib.wxlint_lint, text, len(text), c_string(name), _bytes(operation))

    def lint_file(self, path: str, operation: Optional[str]) -> dict[str, Any]:
        return self._report(_lib.wxlint_lint_file, c_string(path), _bytes(operation))

    def lint_paths(self, paths: Sequence[str], operation: Optional[str]) -> dict[str, Any]:
        array = (ctypes.c_char_p * len(paths))(*[c_string(p) for p in paths])
        return self._report(_lib.wxlint_lint_paths, array, len(paths), _bytes(operation))
