// The C ABI (include/wxlint/wxlint.h) over the C++ API. Every entry point is noexcept and turns
// every exception into a status code plus a malloc'd message: nothing may unwind into C.
#include <wxlint/wxlint.h>

#include "document/document.hpp"

#include <wxlint/linter.hpp>
#include <wxlint/report.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

struct wxlint_linter {
  wxlint::Linter linter;
};

struct wxlint_result {
  std::vector<wxlint::FileReport> files;  // exactly one: the shape to_json() takes
  std::string json;                       // rendered eagerly so the accessors cannot fail
  std::size_t fixes_applied = 0;          // by wxlint_fix
};

namespace {

// An expected failure with its status; raised inside guard() only.
struct Failure {
  int status;
  std::string message;
};

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
  } catch (const std::exception& e) {
    return fail(error, WXLINT_E_INTERNAL, e.what());
  } catch (...) {
    return fail(error, WXLINT_E_INTERNAL, "unknown exception");
  }
}

[[noreturn]] void bad_options(const std::string& what) { throw Failure{WXLINT_E_OPTIONS, "options: " + what}; }

std::string text_of(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsString()) bad_options(where + " must be a string");
  return std::string(v.GetString(), v.GetStringLength());
}

// {"settings":{name: JSON}, "disabled":[id], "severities":{id: "error"}, "snapshot":[path], "rules":[path],
//  "region":"US"}
// -> LinterOptions.
wxlint::LinterOptions parse_options(const char* text) {
  wxlint::LinterOptions o;
  if (!text) return o;
  // The payloads' parser: no recursion, and at most Document::kMaxDepth levels, so no
  // options text can exhaust the stack here or in what later walks the values.
  const wxlint::Document d{std::string(text)};
  for (const auto& issue : d.issues()) {
    using Kind = wxlint::ParseIssue::Kind;
    if (issue.kind == Kind::duplicate_key) continue;  // the later value wins, as it always did
    if (issue.kind == Kind::too_deep) bad_options(issue.message + " at offset " + std::to_string(issue.offset));
    bad_options("not JSON: " + (issue.kind == Kind::empty ? std::string("the text is empty") : issue.message) +
                " (at offset " + std::to_string(issue.offset) + ")");
  }
  if (!d.root().IsObject()) bad_options("expected a JSON object");
  for (const auto& m : d.root().GetObject()) {
    const std::string name(m.name.GetString(), m.name.GetStringLength());
    if (name == "settings") {
      if (!m.value.IsObject()) bad_options("\"settings\" must be an object");
      for (const auto& s : m.value.GetObject())
        o.settings[std::string(s.name.GetString(), s.name.GetStringLength())] = wxlint::to_json_text(s.value);
    } else if (name == "disabled") {
      if (!m.value.IsArray()) bad_options("\"disabled\" must be an array of rule ids or codes");
      for (const auto& id : m.value.GetArray()) o.disabled.insert(text_of(id, "each \"disabled\" entry"));
    } else if (name == "severities") {
      if (!m.value.IsObject()) bad_options("\"severities\" must be an object");
      for (const auto& s : m.value.GetObject()) {
        const std::string key(s.name.GetString(), s.name.GetStringLength());
        const std::string value = text_of(s.value, "severity of \"" + key + "\"");
        auto sev = wxlint::parse_severity(value);
        if (!sev) bad_options("severity of \"" + key + "\" must be error, warning or info, not \"" + value + "\"");
        o.severities[key] = *sev;
      }
    } else if (name == "snapshot") {
      if (!m.value.IsArray()) bad_options("\"snapshot\" must be an array of file or directory paths");
      for (const auto& p : m.value.GetArray()) o.snapshot.push_back(text_of(p, "each \"snapshot\" entry"));
    } else if (name == "rules") {
      if (!m.value.IsArray()) bad_options("\"rules\" must be an array of rule file paths");
      for (const auto& p : m.value.GetArray()) o.rule_files.push_back(text_of(p, "each \"rules\" entry"));
    } else if (name == "region") {
      o.region = text_of(m.value, "\"region\"");
    } else {
      bad_options("unknown member \"" + name + "\" (expected settings, disabled, severities, snapshot, rules, region)");
    }
  }
  return o;
}

template <class Make>
int make_linter(wxlint_linter** out, char** error, Make&& make) noexcept {
  if (out) *out = nullptr;
  return guard(error, [&] {
    if (!out) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
    *out = new wxlint_linter{make()};
  });
}

// The arguments wxlint_lint and wxlint_fix share, checked; the forced operationId.
std::string checked_operation(const wxlint_linter* linter, const char* text, size_t length, const char* operation) {
  if (!linter) throw Failure{WXLINT_E_INVALID_ARGUMENT, "linter must not be NULL"};
  if (!text && length) throw Failure{WXLINT_E_INVALID_ARGUMENT, "text must not be NULL when length > 0"};
  const std::string op = operation ? operation : "";
  // Linter::lint() falls back to detection for an unknown id; like the CLI, refuse it instead.
  if (!op.empty() && !linter->linter.has_operation(op)) {
    throw Failure{WXLINT_E_UNKNOWN_OPERATION,
                  "unknown operation \"" + op + "\"; known operations: " + linter->linter.known_operations()};
  }
  return op;
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
    default: return "unknown status";
  }
}

int wxlint_linter_new_embedded(const char* options_json, wxlint_linter** out, char** error) {
  return make_linter(out, error, [&] { return wxlint::Linter::embedded(parse_options(options_json)); });
}

int wxlint_linter_new_from_directory(const char* dir, const char* options_json, wxlint_linter** out,
                                     char** error) {
  return make_linter(out, error, [&] {
    if (!dir) throw Failure{WXLINT_E_INVALID_ARGUMENT, "dir must not be NULL"};
    return wxlint::Linter::from_directory(dir, parse_options(options_json));
  });
}

void wxlint_linter_free(wxlint_linter* linter) { delete linter; }

int wxlint_lint(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
                const char* operation, wxlint_result** out, char** error) {
  if (out) *out = nullptr;
  return guard(error, [&] {
    if (!out) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
    const std::string op = checked_operation(linter, text, length, operation);
    auto result = std::make_unique<wxlint_result>();
    result->files.push_back(linter->linter.lint(std::string(text ? text : "", length),
                                                display_name ? display_name : "<buffer>", op));
    result->json = wxlint::to_json(result->files);
    *out = result.release();
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
    const std::string op = checked_operation(linter, text, length, operation);
    wxlint::FixResult r = linter->linter.fix(std::string(text ? text : "", length),
                                             display_name ? display_name : "<buffer>", (flags & WXLINT_FIX_UNSAFE) != 0, op);
    std::unique_ptr<wxlint_result> result;
    if (out) {
      result = std::make_unique<wxlint_result>();
      result->fixes_applied = r.applied;
      result->files.push_back(std::move(r.report));
      result->json = wxlint::to_json(result->files);
    }
    char* copy = static_cast<char*>(std::malloc(r.text.size() + 1));
    if (!copy) throw std::bad_alloc();
    std::memcpy(copy, r.text.data(), r.text.size());
    copy[r.text.size()] = '\0';
    *fixed = copy;
    if (fixed_length) *fixed_length = r.text.size();
    if (out) *out = result.release();
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
  const wxlint::FileReport& r = result->files.front();
  if (severity == -1)  // the findings a diagnostic sums up (Diagnostic::unlisted) included
    return r.count(wxlint::Severity::info) + r.count(wxlint::Severity::warning) + r.count(wxlint::Severity::error);
  if (severity < WXLINT_SEVERITY_INFO || severity > WXLINT_SEVERITY_ERROR) return 0;
  return r.count(static_cast<wxlint::Severity>(severity));
}

void wxlint_string_free(char* s) { std::free(s); }

}  // extern "C"
