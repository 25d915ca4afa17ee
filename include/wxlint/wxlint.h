/* wxlint C ABI: lint Webex API JSON payloads from C, Python (ctypes), or anything with an FFI.
 *
 * Stable on purpose: opaque handles, const char*, size_t and int status codes only; no struct
 * crosses the boundary. No function throws; every failure is a status code plus, where the
 * function takes `char** error`, a message the caller frees with wxlint_string_free().
 * Strings are UTF-8. A linter may be shared by threads; results are not shared state.
 * Findings that the linter's config ignores or its baseline holds are left out of every result.
 * C89 compatible. See docs/library.md. */
#ifndef WXLINT_WXLINT_H
#define WXLINT_WXLINT_H

#include <stddef.h>

#if defined(_WIN32)
#  if defined(WXLINT_BUILDING)
#    define WXLINT_API __declspec(dllexport)
#  else
#    define WXLINT_API
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define WXLINT_API __attribute__((visibility("default")))
#else
#  define WXLINT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Raised when a function's signature or meaning changes incompatibly; new functions
 * (wxlint_fix) come under the same version. 2: wxlint_lint_paths may set *out beside
 * WXLINT_E_IO (the files it could read). */
#define WXLINT_ABI_VERSION 2

/* Status codes. */
#define WXLINT_OK 0
#define WXLINT_E_INVALID_ARGUMENT 1  /* a required pointer was NULL, or similar */
#define WXLINT_E_OPTIONS 2           /* the options JSON text is malformed */
#define WXLINT_E_CONFIG 3            /* a rule/schema file or an option is invalid (unknown rule...) */
#define WXLINT_E_IO 4                /* a path could not be read */
#define WXLINT_E_UNKNOWN_OPERATION 5 /* the forced operationId is not in the catalogue */
#define WXLINT_E_NO_MEMORY 6
#define WXLINT_E_INTERNAL 7          /* a bug: please report the message */
#define WXLINT_E_SNAPSHOT 8          /* an org snapshot file is invalid or unreadable (wxlint_linter_new, wxlint_snapshot_info) */

/* Severities, ordered so that a threshold compares with >=. */
#define WXLINT_SEVERITY_INFO 0
#define WXLINT_SEVERITY_WARNING 1
#define WXLINT_SEVERITY_ERROR 2

typedef struct wxlint_linter wxlint_linter; /* a loaded rule catalogue */
typedef struct wxlint_result wxlint_result; /* the report of one lint */

/* The library's version ("0.1.0") and WXLINT_ABI_VERSION as built; static storage. */
WXLINT_API const char* wxlint_version(void);
WXLINT_API int wxlint_abi_version(void);
/* A short English name for a status code ("ok", "io error"...); static storage. */
WXLINT_API const char* wxlint_status_string(int status);

/* Create a linter from the catalogue compiled into the library, or from a directory holding
 * rules/ and schemas/. `options_json` may be NULL, else a JSON object with optional members
 *   "settings":   {"maxUsers": 50, "someOperationId/maxExtensionLength": 6}
 *   "disabled":   ["rule-id-or-code", ...]
 *   "severities": {"rule-id-or-code": "error" | "warning" | "info"}
 *   "snapshot":   ["org-snapshot-dir-or-file", ...]
 *   "rules":      ["policy.rules.json", ...]  rule files added on top of the catalogue
 *   "region":     "US" (the region national-format phone numbers are read in)
 *   "config":     "path/to/.wxlint.json", or true: search upward from the working directory
 *                 as `wxlint check` does (none found: no config; the nearest one is not a file
 *                 that can be read, a dangling link, say: WXLINT_E_CONFIG). Its rules, settings, snapshot,
 *                 ignores and "operations" (by file path, or display name) apply; the members above
 *                 override it ("snapshot" replaces its list).
 *   "baseline":   "path" written by `wxlint check --generate-baseline`: its findings are left out
 * On success *out is set and must be released with wxlint_linter_free(). `error` may be NULL;
 * otherwise *error is NULL on success, else a message to release with wxlint_string_free(). */
WXLINT_API int wxlint_linter_new_embedded(const char* options_json, wxlint_linter** out, char** error);
WXLINT_API int wxlint_linter_new_from_directory(const char* dir, const char* options_json,
                                                wxlint_linter** out, char** error);
WXLINT_API void wxlint_linter_free(wxlint_linter* linter);
/* The same from `rules_dir` (NULL: the compiled-in catalogue), except that a bad or unreadable
 * snapshot file gives WXLINT_E_SNAPSHOT, where the two above give WXLINT_E_CONFIG / WXLINT_E_IO. */
WXLINT_API int wxlint_linter_new(const char* rules_dir, const char* options_json, wxlint_linter** out,
                                 char** error);
/* The rule catalogue as a JSON array of objects (id, code, severity, operation, check, summary,
 * message, description, failExample, passExample: JSON text or "", exampleSettings,
 * exampleSnapshot, fix when the rule opted in to one, and file: the policy rule file it comes from,
 * absent for wxlint's own rules), in `wxlint rules` order. *json is released
 * with wxlint_string_free(). */
WXLINT_API int wxlint_linter_rules_json(const wxlint_linter* linter, char** json, char** error);

/* Lint `length` bytes at `text` (need not be NUL-terminated; NULL only when length is 0).
 * `display_name` names the file in the report (NULL: "<buffer>"). `operation` forces an
 * operationId (NULL or "": detect it). Findings in the payload are not errors: broken JSON
 * still returns WXLINT_OK with a report holding a WX0001 finding. */
WXLINT_API int wxlint_lint(const wxlint_linter* linter, const char* text, size_t length,
                           const char* display_name, const char* operation,
                           wxlint_result** out, char** error);
WXLINT_API void wxlint_result_free(wxlint_result* result);
/* As wxlint_lint, for JSON that a program wrote without line breaks: the text is laid out again
 * with one member or element per line, indented by 2, ": " after keys (the layout of Python's
 * json.dumps(indent=2)), its tokens unchanged, and lines and columns point into that layout.
 * Text so deeply nested that the layout would pass 3 times its size plus 1 MB, or whose layout
 * would pass the setting maxFileSize when the text does not, is linted as given (wxlint_reindent
 * tells the first). Whitespace between two tokens of a value ("1 2") stays one space. */
WXLINT_API int wxlint_lint_reindented(const wxlint_linter* linter, const char* text, size_t length,
                                      const char* display_name, const char* operation,
                                      wxlint_result** out, char** error);
/* The layout wxlint_lint_reindented lints: *laid_out receives it (`*laid_out_length` bytes plus a
 * NUL, to release with wxlint_string_free(); `laid_out_length` may be NULL), or NULL when it
 * would pass 3 times the text's size plus 1 MB: lay such text out yourself, then wxlint_lint it. */
WXLINT_API int wxlint_reindent(const char* text, size_t length, char** laid_out, size_t* laid_out_length,
                               char** error);
/* Read and lint one file, named in the report as given ("-": standard input, "<stdin>").
 * WXLINT_E_IO when it cannot be read. */
WXLINT_API int wxlint_lint_file(const wxlint_linter* linter, const char* path, const char* operation,
                                wxlint_result** out, char** error);
/* Lint `count` paths as `wxlint check PATH...` does: directories searched recursively for
 * *.json (sorted, hidden directories skipped), the snapshot's own files left out, one report
 * for all. A path that cannot be read (missing, a FIFO, a link to nowhere) stops none of the
 * others: the status is then WXLINT_E_IO, *error names each such path (a line each), and *out
 * still receives the others' reports, its JSON listing the paths in "notLinted" as `check
 * --format json` does: free it too. Only when no path fails and no *.json file is found is it
 * WXLINT_E_IO with *out NULL. */
WXLINT_API int wxlint_lint_paths(const wxlint_linter* linter, const char* const* paths, size_t count,
                                 const char* operation, wxlint_result** out, char** error);

/* The report as JSON text, the same contract as `wxlint check --format json` for one file.
 * Owned by the result (valid until wxlint_result_free); `length` may be NULL. */
WXLINT_API const char* wxlint_result_json(const wxlint_result* result, size_t* length);
/* The operationId linted against (the first file's), or NULL when none was recognised. Owned by
 * the result. */
WXLINT_API const char* wxlint_result_operation(const wxlint_result* result);
/* Number of findings of one WXLINT_SEVERITY_*, or of all when severity is -1, in all files. 0 for NULL.
 * Findings past the setting maxFindingsPerRule are counted too, though the JSON lists one
 * summary for them. */
WXLINT_API size_t wxlint_result_count(const wxlint_result* result, int severity);

/* Fixing (functions are only ever added under the same ABI version).
 * wxlint_fix lints the text, applies the fixes its findings offer (the safe ones; with
 * WXLINT_FIX_UNSAFE in `flags`, the unsafe ones too), and lints again until no fix applies,
 * as `wxlint check --fix` does. *fixed receives the fixed text (`*fixed_length` bytes plus a
 * NUL; the input itself when nothing applied), to release with wxlint_string_free();
 * `fixed_length` may be NULL. `out` may be NULL; otherwise *out is the report of what remains
 * (its JSON lists each remaining fix), to release with wxlint_result_free(). On failure
 * *fixed and *out are NULL. */
#define WXLINT_FIX_UNSAFE 1u
WXLINT_API int wxlint_fix(const wxlint_linter* linter, const char* text, size_t length,
                          const char* display_name, const char* operation, unsigned flags,
                          char** fixed, size_t* fixed_length, wxlint_result** out, char** error);
/* Fixes wxlint_fix applied to reach this result; 0 for wxlint_lint's results and NULL. */
WXLINT_API size_t wxlint_result_fixes_applied(const wxlint_result* result);
/* One pass of fixing with findings already at hand: the fixes of `diagnostics_json` (a JSON
 * array of diagnostics as in a report's "diagnostics"; only each one's "fix" is read) applied
 * to the text they were found in, in that order: the safe ones, with WXLINT_FIX_UNSAFE the
 * unsafe ones too. A fix overlapping one applied before it, or reaching past the text, is left
 * out. *fixed as for wxlint_fix; `fixed_length` and `applied` (fixes applied) may be NULL.
 * Malformed diagnostics give WXLINT_E_OPTIONS. */
WXLINT_API int wxlint_apply_fixes(const char* text, size_t length, const char* diagnostics_json, unsigned flags,
                                  char** fixed, size_t* fixed_length, size_t* applied, char** error);

/* What an org snapshot holds, as `wxlint snapshot info --format json` prints it: pages, kinds
 * with their pages and items, capturedAt, capturedFrom, ageSeconds and the inconsistencies
 * (docs/snapshot.md). `options_json` is the linter's: its "snapshot" and "region" are used, and
 * with "config" the config's (the other members are not). On success *json is set, to release
 * with wxlint_string_free(). No snapshot given: WXLINT_E_OPTIONS; a region that is none:
 * WXLINT_E_CONFIG; a file that is bad or cannot be read: WXLINT_E_SNAPSHOT. The inconsistencies
 * are no error. */
WXLINT_API int wxlint_snapshot_info(const char* options_json, char** json, char** error);

/* Release a message returned through `char** error`. NULL is a no-op, as for every *_free. */
WXLINT_API void wxlint_string_free(char* s);

#ifdef __cplusplus
}
#endif

#endif /* WXLINT_WXLINT_H */
