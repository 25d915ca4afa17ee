#!/usr/bin/env python3
"""Lint one payload file through the installed shared library's C ABI, with ctypes.

Usage: ctypes_lint.py LIBWXLINT_SO FILE [OPTIONS_JSON]
Prints the JSON report (the CLI's --format json contract); exit 2 when wxlint could not run.
"""
import ctypes
import sys

OK = 0


def load(path):
    lib = ctypes.CDLL(path)
    handle = ctypes.c_void_p
    lib.wxlint_version.restype = ctypes.c_char_p
    lib.wxlint_status_string.restype = ctypes.c_char_p
    lib.wxlint_status_string.argtypes = [ctypes.c_int]
    lib.wxlint_linter_new_embedded.argtypes = [
        ctypes.c_char_p, ctypes.POINTER(handle), ctypes.POINTER(ctypes.c_void_p)]
    lib.wxlint_lint.argtypes = [
        handle, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_char_p,
        ctypes.POINTER(handle), ctypes.POINTER(ctypes.c_void_p)]
    # void* rather than c_char_p: the pointer must be passed back to wxlint_string_free.
    lib.wxlint_result_json.restype = ctypes.c_void_p
    lib.wxlint_result_json.argtypes = [handle, ctypes.POINTER(ctypes.c_size_t)]
    lib.wxlint_result_count.restype = ctypes.c_size_t
    lib.wxlint_result_count.argtypes = [handle, ctypes.c_int]
    for name in ("wxlint_linter_free", "wxlint_result_free", "wxlint_string_free"):
        getattr(lib, name).argtypes = [ctypes.c_void_p]
        getattr(lib, name).restype = None
    return lib


class WxlintError(Exception):
    pass


def check(lib, status, error):
    if status == OK:
        return
    message = ctypes.string_at(error.value).decode() if error.value else "?"
    lib.wxlint_string_free(error)
    raise WxlintError("%s: %s" % (lib.wxlint_status_string(status).decode(), message))


def lint(lib, text, name, options=None):
    """Returns (json_text, error_count)."""
    linter, result, error = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    opts = options.encode() if options is not None else None
    check(lib, lib.wxlint_linter_new_embedded(opts, ctypes.byref(linter), ctypes.byref(error)), error)
    try:
        status = lib.wxlint_lint(linter, text, len(text), name.encode(), None,
                                 ctypes.byref(result), ctypes.byref(error))
        check(lib, status, error)
        try:
            length = ctypes.c_size_t()
            ptr = lib.wxlint_result_json(result, ctypes.byref(length))
            return ctypes.string_at(ptr, length.value).decode(), lib.wxlint_result_count(result, 2)
        finally:
            lib.wxlint_result_free(result)
    finally:
        lib.wxlint_linter_free(linter)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    lib = load(argv[1])
    with open(argv[2], "rb") as f:
        text = f.read()
    try:
        report, errors = lint(lib, text, argv[2], argv[3] if len(argv) > 3 else None)
    except WxlintError as e:
        print("ctypes_lint: %s" % e, file=sys.stderr)
        return 2
    sys.stdout.write(report)
    print("ctypes_lint: wxlint %s: %d errors" % (lib.wxlint_version().decode(), errors), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
