// The C ABI (include/wxlint/wxlint.h) over the C++ API. Every entry point is noexcept and turns
// every exception into a status code plus a malloc'd message: nothing may unwind into C.
// The options translator is options.cpp, the other JSON bridges json_bridge.cpp.
#include <wxlint/wxlint.h>

#include "capi/internal.hpp"
#include "capi/json_bridge.hpp"
#include "capi/options.hpp"
#include "document/reindent.hpp"
#include "formats/formats.hpp"
#include "formats/numbering_plan.hpp"
#include "report/snapshot_info.hpp"
#include "snapshot/time.hpp"

#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/report.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct wxlint_linter {
  wxlint::Linter linter;
  wxlint::Config config;  // its ignores apply to every result (none without a config file)
  std::optional<wxlint::Baseline> baseline;
  // Its config, baseline, rule files and snapshot: not payloads for wxlint_lint_paths, as
  // `wxlint check` passes over its own files.
  std::vector<std::string> own_files;
};

struct wxlint_result {
  std::vector<wxlint::FileReport> files;  // one per file linted: the shape to_json() takes
  std::string json;                       // rendered eagerly so the accessors cannot fail
  std::size_t fixes_applied = 0;          // by wxlint_fix
};

namespace {

using wxlint::capi::Failure;

char* duplicate(const char* s) noexcept {
  const std::size_t n = std::strlen(s) + 1;
  char* out = static_cast<char*>(std::malloc(n));
  if (out) std::memcpy(out, s, n);
  return out;
}

int fail(char** error, int status, const char* message) noexcept {
  if (error) *error = duplicate(message);  // NULL if even that allocation fails
  return status;
}

// Runs body(), mapping whatever it throws to a status code and message.
template <class Body>
int guard(char** error, Body&& body) noexcept {
  if (error) *error = nullptr;
  try {
    body();
    return WXLINT_OK;
  } catch (const Failure& f) {
    return fail(error, f.status, f.message.c_str());
  } catch (const wxlint::ConfigError& e) {
    return fail(error, WXLINT_E_CONFIG, e.what());
  } catch (const wxlint::IoError& e) {
    return fail(error, WXLINT_E_IO, e.what());
  } catch (const std::bad_alloc&) {
    return fail(error, WXLINT_E_NO_MEMORY, "out of memory");
  } catch (const std::length_error&) {  // a size past what a string or vector can hold
    return fail(error, WXLINT_E_NO_MEMORY, "out of memory: a length larger than any buffer can hold");
  } catch (const std::exception& e) {
    return fail(error, WXLINT_E_INTERNAL, e.what());
  } catch (...) {
    return fail(error, WXLINT_E_INTERNAL, "unknown exception");
  }
}

// The snapshot the config names; a file that is bad or cannot be read throws `status`, a
// region that is none WXLINT_E_CONFIG (as the Linter says it).
wxlint::Snapshot load_snapshot(const wxlint::Config& config, int status) {
  wxlint::formats::plan::checked_region(config.options.region);
  try {
    config.check_snapshot_paths();
    return wxlint::Snapshot::load(config.options.snapshot, config.options.region);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {  // ConfigError, IoError
    throw Failure{status, e.what()};
  }
}

// `snapshot_status`: what a bad snapshot file gives (WXLINT_E_CONFIG for the first
// constructors, which had no status of its own for it).
int make_linter(const char* dir, const char* options_json, int snapshot_status, wxlint_linter** out,
                char** error) noexcept {
  if (out) *out = nullptr;
  return guard(error, [&] {
    if (!out) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
    // "" would mean the compiled-in catalogue further down: a directory was asked for.
    if (dir && !*dir) throw Failure{WXLINT_E_INVALID_ARGUMENT, "the rules directory must not be empty (NULL: the compiled-in catalogue)"};
    const wxlint::capi::Options options = wxlint::capi::parse_options(options_json);
    wxlint::Config config = wxlint::capi::project_config(options);
    std::vector<std::string> own = config.own_files();  // before the snapshot's paths are cleared
    if (!options.baseline.empty()) own.push_back(options.baseline);
    // As read now: wxlint_lint_paths may run in another working directory.
    for (std::string& path : own) {
      std::error_code ec;
      if (auto abs = std::filesystem::absolute(path, ec); !ec) path = abs.string();
    }
    if (!config.options.snapshot.empty() && snapshot_status != WXLINT_E_CONFIG) {
      config.options.snapshot_data = load_snapshot(config, snapshot_status);
      config.options.snapshot.clear();
    }
    // A baseline sees every finding; what it leaves is capped afterwards (hide()).
    config.options.list_every_finding = !options.baseline.empty();
    wxlint::Linter linter = config.make_linter(dir ? dir : "");
    std::optional<wxlint::Baseline> baseline;
    if (!options.baseline.empty()) baseline = wxlint::Baseline::load(options.baseline);
    *out = new wxlint_linter{std::move(linter), std::move(config), std::move(baseline), std::move(own)};
  });
}

// Checks the arguments every lint function takes; returns the operation ("" = detect it).
// `out` may be NULL only for wxlint_fix.
std::string checked_operation(const wxlint_linter* linter, const char* operation, wxlint_result** out,
                              bool out_optional = false) {
  if (!linter) throw Failure{WXLINT_E_INVALID_ARGUMENT, "linter must not be NULL"};
  if (!out && !out_optional) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
  const std::string op = operation ? operation : "";
  // Linter::lint() throws ConfigError for an unknown id: refused here first, with its own status.
  if (!op.empty() && !linter->linter.has_operation(op)) {
    throw Failure{WXLINT_E_UNKNOWN_OPERATION,
                  "unknown operation \"" + wxlint::formats::printable(op) + "\"" + linter->linter.operation_hint(op)};
  }
  return op;
}

// The operation a file is linted as: the caller's, else the one the config's "operations"
// map its name to (as `wxlint check` does), else none (detected from the payload).
std::string operation_of(const wxlint_linter* linter, const std::string& op, const char* name) {
  return op.empty() && name ? linter->config.operation_for(name) : op;
}

// Leaves out what the config ignores and the baseline holds.
void hide(const wxlint_linter* linter, std::span<wxlint::FileReport> files) {
  linter->config.apply_ignores(files);
  if (linter->baseline) linter->baseline->filter(files);
}

// hide(), then renders and hands the result over. With a baseline the linter lists every
// finding: what the baseline leaves is capped at maxFindingsPerRule here.
void finish(const wxlint_linter* linter, std::unique_ptr<wxlint_result> result, wxlint_result** out,
            const std::vector<std::string>& not_linted = {}) {
  hide(linter, result->files);
  if (linter->baseline)
    for (auto& f : result->files) wxlint::cap_findings(f, linter->linter.max_findings_per_rule());
  result->json = wxlint::to_json(result->files, not_linted);
  *out = result.release();
}

// wxlint_lint and wxlint_lint_reindented.
// The caller's text: NULL only when empty, and no longer than any buffer can be (text +
// length would overflow: undefined before a byte is read).
std::string_view given_text(const char* text, size_t length) {
  if (!text && length) throw Failure{WXLINT_E_INVALID_ARGUMENT, "text must not be NULL when length > 0"};
  if (length > static_cast<size_t>(PTRDIFF_MAX))
    throw Failure{WXLINT_E_INVALID_ARGUMENT, "length " + std::to_string(length) + " is larger than any buffer can be"};
  return {text ? text : "", length};
}

int lint_text(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
              const char* operation, bool reindent, wxlint_result** out, char** error) noexcept {
  if (out) *out = nullptr;
  return guard(error, [&] {
    const std::string op = checked_operation(linter, operation, out);
    const std::string_view given = given_text(text, length);
    // maxFileSize is about the caller's text: a layout past it is not linted, the text is.
    std::optional<std::string> laid_out;
    if (reindent) laid_out = wxlint::detail::reindent(given);
    if (laid_out && laid_out->size() > linter->linter.max_file_size()) laid_out.reset();
    auto result = std::make_unique<wxlint_result>();
    result->files.push_back(linter->linter.lint(laid_out ? std::move(*laid_out) : std::string(given),
                                                display_name ? display_name : "<buffer>",
                                                operation_of(linter, op, display_name)));
    finish(linter, std::move(result), out);
  });
}

wxlint::FileReport read_and_lint(const wxlint_linter* linter, const std::string& path, const std::string& op) {
  return linter->linter.lint_file(path, path == "-" ? op : operation_of(linter, op, path.c_str()));
}

// A malloc'd, NUL-terminated copy for the caller to release with wxlint_string_free().
char* copy_text(const std::string& text, size_t* length) {
  char* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (!copy) throw std::bad_alloc();
  std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  if (length) *length = text.size();
  return copy;
}

}  // namespace

extern "C" {

const char* wxlint_version(void) { return WXLINT_VERSION; }

int wxlint_abi_version(void) { return WXLINT_ABI_VERSION; }

const char* wxlint_status_string(int status) {
  switch (status) {
    case WXLINT_OK: return "ok";
    case WXLINT_E_INVALID_ARGUMENT: return "invalid argument";
    case WXLINT_E_OPTIONS: return "invalid options";
    case WXLINT_E_CONFIG: return "invalid configuration";
    case WXLINT_E_IO: return "i/o error";
    case WXLINT_E_UNKNOWN_OPERATION: return "unknown operation";
    case WXLINT_E_NO_MEMORY: return "out of memory";
    case WXLINT_E_INTERNAL: return "internal error";
    case WXLINT_E_SNAPSHOT: return "invalid snapshot";
    default: return "unknown status";
  }
}

int wxlint_linter_new_embedded(const char* options_json, wxlint_linter** out, char** error) {
  return make_linter(nullptr, options_json, WXLINT_E_CONFIG, out, error);
}

int wxlint_linter_new_from_directory(const char* dir, const char* options_json, wxlint_linter** out,
                                     char** error) {
  if (!dir) {
    if (out) *out = nullptr;
    return fail(error, WXLINT_E_INVALID_ARGUMENT, "dir must not be NULL");
  }
  return make_linter(dir, options_json, WXLINT_E_CONFIG, out, error);
}

int wxlint_linter_new(const char* rules_dir, const char* options_json, wxlint_linter** out, char** error) {
  return make_linter(rules_dir, options_json, WXLINT_E_SNAPSHOT, out, error);
}

int wxlint_linter_rules_json(const wxlint_linter* linter, char** json, char** error) {
  if (json) *json = nullptr;
  return guard(error, [&] {
    if (!linter) throw Failure{WXLINT_E_INVALID_ARGUMENT, "linter must not be NULL"};
    if (!json) throw Failure{WXLINT_E_INVALID_ARGUMENT, "json must not be NULL"};
    const std::string text = wxlint::capi::rules_json(linter->linter.rules());
    if (!(*json = duplicate(text.c_str()))) throw std::bad_alloc();
  });
}

void wxlint_linter_free(wxlint_linter* linter) { delete linter; }

int wxlint_snapshot_info(const char* options_json, char** json, char** error) {
  if (json) *json = nullptr;
  return guard(error, [&] {
    if (!json) throw Failure{WXLINT_E_INVALID_ARGUMENT, "json must not be NULL"};
    const wxlint::Config config = wxlint::capi::project_config(wxlint::capi::parse_options(options_json));
    if (config.options.snapshot.empty())
      throw Failure{WXLINT_E_OPTIONS, "options: no snapshot given: \"snapshot\" names none (nor does a config)"};
    const wxlint::Snapshot snapshot = load_snapshot(config, WXLINT_E_SNAPSHOT);
    if (!(*json = duplicate(wxlint::snapshot_info_json(snapshot, wxlint::snapshot::now_seconds()).c_str()))) throw std::bad_alloc();
  });
}


int wxlint_lint(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
                const char* operation, wxlint_result** out, char** error) {
  return lint_text(linter, text, length, display_name, operation, false, out, error);
}

int wxlint_lint_reindented(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
                           const char* operation, wxlint_result** out, char** error) {
  return lint_text(linter, text, length, display_name, operation, true, out, error);
}

int wxlint_reindent(const char* text, size_t length, char** laid_out, size_t* laid_out_length, char** error) {
  if (laid_out) *laid_out = nullptr;
  if (laid_out_length) *laid_out_length = 0;
  return guard(error, [&] {
    if (!laid_out) throw Failure{WXLINT_E_INVALID_ARGUMENT, "laid_out must not be NULL"};
    if (const auto layout = wxlint::detail::reindent(given_text(text, length)))
      *laid_out = copy_text(*layout, laid_out_length);
  });
}

int wxlint_lint_file(const wxlint_linter* linter, const char* path, const char* operation, wxlint_result** out,
                     char** error) {
  if (out) *out = nullptr;
  return guard(error, [&] {
    const std::string op = checked_operation(linter, operation, out);
    if (!path) throw Failure{WXLINT_E_INVALID_ARGUMENT, "path must not be NULL"};
    auto result = std::make_unique<wxlint_result>();
    result->files.push_back(read_and_lint(linter, path, op));
    finish(linter, std::move(result), out);
  });
}

int wxlint_lint_paths(const wxlint_linter* linter, const char* const* paths, size_t count, const char* operation,
                      wxlint_result** out, char** error) {
  if (out) *out = nullptr;
  return guard(error, [&] {
    const std::string op = checked_operation(linter, operation, out);
    if (!paths && count) throw Failure{WXLINT_E_INVALID_ARGUMENT, "paths must not be NULL when count > 0"};
    std::vector<std::string> given;
    for (size_t i = 0; i < count; ++i) {
      if (!paths[i]) throw Failure{WXLINT_E_INVALID_ARGUMENT, "paths[" + std::to_string(i) + "] must not be NULL"};
      given.emplace_back(paths[i]);
    }
    wxlint::ExpandedPaths expanded = wxlint::expand_paths(given);
    wxlint::drop_repeated_files(expanded.files);
    wxlint::drop_snapshot_files(expanded.files, linter->own_files);
    std::vector<std::string> not_linted = std::move(expanded.errors);
    if (expanded.files.empty() && not_linted.empty()) throw wxlint::IoError("no *.json files found in the given paths");
    // As `wxlint check`: a path that cannot be read stops none of the others.
    auto result = std::make_unique<wxlint_result>();
    for (const auto& file : expanded.files) {
      try {
        result->files.push_back(read_and_lint(linter, file, op));
      } catch (const wxlint::IoError& e) {
        not_linted.emplace_back(e.what());
      }
    }
    finish(linter, std::move(result), out, not_linted);
    if (!not_linted.empty()) {
      std::string why;
      for (const std::string& w : not_linted) why += (why.empty() ? "" : "\n") + w;
      throw Failure{WXLINT_E_IO, why};  // *out stays: the reports of the others
    }
  });
}

int wxlint_fix(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
               const char* operation, unsigned flags, char** fixed, size_t* fixed_length, wxlint_result** out,
               char** error) {
  if (fixed) *fixed = nullptr;
  if (fixed_length) *fixed_length = 0;
  if (out) *out = nullptr;
  return guard(error, [&] {
    if (!fixed) throw Failure{WXLINT_E_INVALID_ARGUMENT, "fixed must not be NULL"};
    if (flags & ~static_cast<unsigned>(WXLINT_FIX_UNSAFE)) throw Failure{WXLINT_E_INVALID_ARGUMENT, "unknown flags"};
    const std::string op = checked_operation(linter, operation, out, true);
    // As check --fix: what the config ignores and the baseline holds is not fixed either.
    const auto shown = [linter](wxlint::FileReport& report) { hide(linter, {&report, 1}); };
    wxlint::FixResult r = linter->linter.fix(std::string(given_text(text, length)), display_name ? display_name : "<buffer>",
                                             (flags & WXLINT_FIX_UNSAFE) != 0, operation_of(linter, op, display_name), shown);
    *fixed = copy_text(r.text, fixed_length);
    if (out) {
      auto result = std::make_unique<wxlint_result>();
      result->fixes_applied = r.applied;
      result->files.push_back(std::move(r.report));
      finish(linter, std::move(result), out);
    }
  });
}

int wxlint_apply_fixes(const char* text, size_t length, const char* diagnostics_json, unsigned flags, char** fixed,
                       size_t* fixed_length, size_t* applied, char** error) {
  if (fixed) *fixed = nullptr;
  if (fixed_length) *fixed_length = 0;
  if (applied) *applied = 0;
  return guard(error, [&] {
    if (!fixed) throw Failure{WXLINT_E_INVALID_ARGUMENT, "fixed must not be NULL"};
    const std::string_view given = given_text(text, length);
    if (!diagnostics_json) throw Failure{WXLINT_E_INVALID_ARGUMENT, "diagnostics_json must not be NULL"};
    if (flags & ~static_cast<unsigned>(WXLINT_FIX_UNSAFE)) throw Failure{WXLINT_E_INVALID_ARGUMENT, "unknown flags"};
    const wxlint::AppliedFixes a = wxlint::apply_fixes(given,
                                                       wxlint::capi::parse_fixes(diagnostics_json), (flags & WXLINT_FIX_UNSAFE) != 0);
    *fixed = copy_text(a.text, fixed_length);
    if (applied) *applied = a.applied;
  });
}

size_t wxlint_result_fixes_applied(const wxlint_result* result) { return result ? result->fixes_applied : 0; }

void wxlint_result_free(wxlint_result* result) { delete result; }

const char* wxlint_result_json(const wxlint_result* result, size_t* length) {
  if (length) *length = result ? result->json.size() : 0;
  return result ? result->json.c_str() : nullptr;
}

const char* wxlint_result_operation(const wxlint_result* result) {
  if (!result || result->files.front().operation.empty()) return nullptr;
  return result->files.front().operation.c_str();
}

size_t wxlint_result_count(const wxlint_result* result, int severity) {
  if (!result) return 0;
  if (severity != -1 && (severity < WXLINT_SEVERITY_INFO || severity > WXLINT_SEVERITY_ERROR)) return 0;
  size_t n = 0;
  for (const wxlint::FileReport& r : result->files) {
    if (severity == -1)  // the findings a diagnostic sums up (Diagnostic::unlisted) included
      n += r.count(wxlint::Severity::info) + r.count(wxlint::Severity::warning) + r.count(wxlint::Severity::error);
    else
      n += r.count(static_cast<wxlint::Severity>(severity));
  }
  return n;
}

void wxlint_string_free(char* s) { std::free(s); }

}  // extern "C"
