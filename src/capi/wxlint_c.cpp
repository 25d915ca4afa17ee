// The C ABI (include/wxlint/wxlint.h) over the C++ API. Every entry point is noexcept and turns
// every exception into a status code plus a malloc'd message: nothing may unwind into C.
#include <wxlint/wxlint.h>

#include "document/document.hpp"
#include "document/reindent.hpp"

#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/report.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct wxlint_linter {
  wxlint::Linter linter;
  wxlint::Config config;  // its ignores apply to every result (none without a config file)
  std::optional<wxlint::Baseline> baseline;
  std::vector<std::string> snapshot;  // the snapshot's paths: not payloads for wxlint_lint_paths
};

struct wxlint_result {
  std::vector<wxlint::FileReport> files;  // one per file linted: the shape to_json() takes
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

// The options JSON: LinterOptions, plus where the config and baseline come from.
struct Options {
  wxlint::LinterOptions linter;
  bool has_snapshot = false;
  bool find_config = false;
  std::string config, baseline;  // paths; "" = none
};

// {"settings":{name: JSON}, "disabled":[id], "severities":{id: "error"}, "snapshot":[path],
//  "rules":[path], "region":"US", "config": path | true, "baseline": path} -> Options.
Options parse_options(const char* text) {
  Options options;
  wxlint::LinterOptions& o = options.linter;
  if (!text) return options;
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
      options.has_snapshot = true;
    } else if (name == "rules") {
      if (!m.value.IsArray()) bad_options("\"rules\" must be an array of rule file paths");
      for (const auto& p : m.value.GetArray()) o.rule_files.push_back(text_of(p, "each \"rules\" entry"));
    } else if (name == "region") {
      o.region = text_of(m.value, "\"region\"");
    } else if (name == "config") {
      if (m.value.IsTrue()) options.find_config = true;
      else if (!m.value.IsString() || m.value.GetStringLength() == 0) bad_options("\"config\" must be a file path or true");
      else options.config = text_of(m.value, "\"config\"");
    } else if (name == "baseline") {
      if (!m.value.IsString() || m.value.GetStringLength() == 0) bad_options("\"baseline\" must be a file path");
      options.baseline = text_of(m.value, "\"baseline\"");
    } else {
      bad_options("unknown member \"" + name +
                  "\" (expected settings, disabled, severities, snapshot, rules, region, config, baseline)");
    }
  }
  return options;
}

// The config file's options, overridden member by member by the options JSON's.
wxlint::Config project_config(const Options& o) {
  wxlint::Config c;
  if (!o.config.empty()) c = wxlint::load_config(o.config);
  else if (o.find_config)
    if (auto found = wxlint::find_config()) c = wxlint::load_config(*found);
  for (const auto& [key, value] : o.linter.settings) c.options.settings[key] = value;
  c.options.disabled.insert(o.linter.disabled.begin(), o.linter.disabled.end());
  for (const auto& [key, value] : o.linter.severities) c.options.severities[key] = value;
  if (o.has_snapshot) c.options.snapshot = o.linter.snapshot;
  c.options.rule_files.insert(c.options.rule_files.end(), o.linter.rule_files.begin(), o.linter.rule_files.end());
  if (!o.linter.region.empty()) c.options.region = o.linter.region;
  return c;
}

// `snapshot_status`: what a bad snapshot file gives (WXLINT_E_CONFIG for the first
// constructors, which had no status of its own for it).
int make_linter(const char* dir, const char* options_json, int snapshot_status, wxlint_linter** out,
                char** error) noexcept {
  if (out) *out = nullptr;
  return guard(error, [&] {
    if (!out) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
    const Options options = parse_options(options_json);
    wxlint::Config config = project_config(options);
    std::vector<std::string> snapshot = config.options.snapshot;
    if (!snapshot.empty() && snapshot_status != WXLINT_E_CONFIG) {
      try {
        config.options.snapshot_data = wxlint::Snapshot::load(snapshot, config.options.region);
      } catch (const std::bad_alloc&) {
        throw;
      } catch (const std::exception& e) {  // ConfigError, IoError
        throw Failure{snapshot_status, e.what()};
      }
      config.options.snapshot.clear();
    }
    wxlint::Linter linter = config.make_linter(dir ? dir : "");
    std::optional<wxlint::Baseline> baseline;
    if (!options.baseline.empty()) baseline = wxlint::Baseline::load(options.baseline);
    *out = new wxlint_linter{std::move(linter), std::move(config), std::move(baseline), std::move(snapshot)};
  });
}

// Checks the arguments every lint function takes; returns the operation ("" = detect it).
// `out` may be NULL only for wxlint_fix.
std::string checked_operation(const wxlint_linter* linter, const char* operation, wxlint_result** out,
                              bool out_optional = false) {
  if (!linter) throw Failure{WXLINT_E_INVALID_ARGUMENT, "linter must not be NULL"};
  if (!out && !out_optional) throw Failure{WXLINT_E_INVALID_ARGUMENT, "out must not be NULL"};
  const std::string op = operation ? operation : "";
  // Linter::lint() falls back to detection for an unknown id; like the CLI, refuse it instead.
  if (!op.empty() && !linter->linter.has_operation(op)) {
    throw Failure{WXLINT_E_UNKNOWN_OPERATION,
                  "unknown operation \"" + op + "\"; known operations: " + linter->linter.known_operations()};
  }
  return op;
}

// Leaves out what the config ignores and the baseline holds, renders, and hands the result over.
void finish(const wxlint_linter* linter, std::unique_ptr<wxlint_result> result, wxlint_result** out) {
  linter->config.apply_ignores(result->files);
  if (linter->baseline) linter->baseline->filter(result->files);
  result->json = wxlint::to_json(result->files);
  *out = result.release();
}

// wxlint_lint and wxlint_lint_reindented.
int lint_text(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
              const char* operation, bool reindent, wxlint_result** out, char** error) noexcept {
  if (out) *out = nullptr;
  return guard(error, [&] {
    const std::string op = checked_operation(linter, operation, out);
    if (!text && length) throw Failure{WXLINT_E_INVALID_ARGUMENT, "text must not be NULL when length > 0"};
    const std::string_view given(text ? text : "", length);
    std::optional<std::string> laid_out;
    if (reindent) laid_out = wxlint::detail::reindent(given);
    auto result = std::make_unique<wxlint_result>();
    result->files.push_back(linter->linter.lint(laid_out ? std::move(*laid_out) : std::string(given),
                                                display_name ? display_name : "<buffer>", op));
    finish(linter, std::move(result), out);
  });
}

wxlint::FileReport read_and_lint(const wxlint_linter* linter, const std::string& path, const std::string& op) {
  if (path == "-") return linter->linter.lint(wxlint::read_file(path), "<stdin>", op);
  return linter->linter.lint_file(path, op);
}

void write_string(rapidjson::Writer<rapidjson::StringBuffer>& w, const std::string& s) {
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_map(rapidjson::Writer<rapidjson::StringBuffer>& w, const std::map<std::string, std::string>& m) {
  w.StartObject();
  for (const auto& [key, value] : m) {
    write_string(w, key);
    write_string(w, value);
  }
  w.EndObject();
}

std::string rules_json(const std::vector<wxlint::RuleDoc>& rules) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartArray();
  for (const auto& r : rules) {
    w.StartObject();
    const std::pair<const char*, const std::string*> fields[] = {
        {"id", &r.id}, {"code", &r.code}, {"operation", &r.operation}, {"check", &r.check},
        {"summary", &r.summary}, {"message", &r.message}, {"description", &r.description},
        {"failExample", &r.fail_example}, {"passExample", &r.pass_example}};
    for (const auto& [key, value] : fields) {
      w.Key(key);
      write_string(w, *value);
    }
    w.Key("severity");
    write_string(w, std::string(wxlint::to_string(r.severity)));
    w.Key("exampleSettings");
    write_map(w, r.example_settings);
    w.Key("exampleSnapshot");
    write_map(w, r.example_snapshot);
    if (!r.fix.empty()) {
      w.Key("fix");
      write_string(w, r.fix);
    }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
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

[[noreturn]] void bad_fixes(const std::string& where, const std::string& what) {
  throw Failure{WXLINT_E_OPTIONS, "diagnostics: " + where + ": " + what};
}

std::size_t offset_of(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsUint64()) bad_fixes(where, "must be a whole number of bytes");
  return static_cast<std::size_t>(v.GetUint64());
}

// A report's "diagnostics" (only their "fix" members are read) -> Diagnostics with those fixes.
std::vector<wxlint::Diagnostic> parse_fixes(const char* text) {
  const wxlint::Document d{std::string(text)};
  for (const auto& issue : d.issues())
    if (issue.kind != wxlint::ParseIssue::Kind::duplicate_key)
      bad_fixes("offset " + std::to_string(issue.offset), "not JSON: " + issue.message);
  if (!d.root().IsArray()) bad_fixes("(root)", "expected an array of diagnostics");
  std::vector<wxlint::Diagnostic> out;
  for (rapidjson::SizeType i = 0; i < d.root().Size(); ++i) {
    const rapidjson::Value& diag = d.root()[i];
    const std::string at = "/" + std::to_string(i) + "/fix";
    out.emplace_back();
    if (!diag.IsObject()) bad_fixes("/" + std::to_string(i), "expected a diagnostic object");
    const auto f = diag.FindMember("fix");
    if (f == diag.MemberEnd() || f->value.IsNull()) continue;
    if (!f->value.IsObject()) bad_fixes(at, "expected an object");
    wxlint::Fix fix;
    const auto safety = f->value.FindMember("applicability");
    if (safety == f->value.MemberEnd() || !safety->value.IsString()) bad_fixes(at, "needs \"applicability\"");
    fix.safe = text_of(safety->value, at) == "safe";
    if (const auto m = f->value.FindMember("message"); m != f->value.MemberEnd()) fix.message = text_of(m->value, at + "/message");
    const auto edits = f->value.FindMember("edits");
    if (edits == f->value.MemberEnd() || !edits->value.IsArray()) bad_fixes(at, "needs an array \"edits\"");
    for (rapidjson::SizeType k = 0; k < edits->value.Size(); ++k) {
      const rapidjson::Value& e = edits->value[k];
      const std::string where = at + "/edits/" + std::to_string(k);
      if (!e.IsObject() || !e.HasMember("offset") || !e.HasMember("length") || !e.HasMember("content"))
        bad_fixes(where, "expected {\"offset\", \"length\", \"content\"}");
      fix.edits.push_back({offset_of(e["offset"], where + "/offset"), offset_of(e["length"], where + "/length"),
                           text_of(e["content"], where + "/content")});
    }
    out.back().fix = std::move(fix);
  }
  return out;
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
    const std::string text = rules_json(linter->linter.rules());
    if (!(*json = duplicate(text.c_str()))) throw std::bad_alloc();
  });
}

void wxlint_linter_free(wxlint_linter* linter) { delete linter; }


int wxlint_lint(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
                const char* operation, wxlint_result** out, char** error) {
  return lint_text(linter, text, length, display_name, operation, false, out, error);
}

int wxlint_lint_reindented(const wxlint_linter* linter, const char* text, size_t length, const char* display_name,
                           const char* operation, wxlint_result** out, char** error) {
  return lint_text(linter, text, length, display_name, operation, true, out, error);
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
    if (!expanded.errors.empty()) throw wxlint::IoError(expanded.errors.front());
    wxlint::drop_snapshot_files(expanded.files, linter->snapshot);
    if (expanded.files.empty()) throw wxlint::IoError("no *.json files found in the given paths");
    auto result = std::make_unique<wxlint_result>();
    for (const auto& file : expanded.files) result->files.push_back(read_and_lint(linter, file, op));
    finish(linter, std::move(result), out);
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
    if (!text && length) throw Failure{WXLINT_E_INVALID_ARGUMENT, "text must not be NULL when length > 0"};
    wxlint::FixResult r = linter->linter.fix(std::string(text ? text : "", length),
                                             display_name ? display_name : "<buffer>", (flags & WXLINT_FIX_UNSAFE) != 0, op);
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
    if (!text && length) throw Failure{WXLINT_E_INVALID_ARGUMENT, "text must not be NULL when length > 0"};
    if (!diagnostics_json) throw Failure{WXLINT_E_INVALID_ARGUMENT, "diagnostics_json must not be NULL"};
    if (flags & ~static_cast<unsigned>(WXLINT_FIX_UNSAFE)) throw Failure{WXLINT_E_INVALID_ARGUMENT, "unknown flags"};
    const wxlint::AppliedFixes a = wxlint::apply_fixes(std::string_view(text ? text : "", length),
                                                       parse_fixes(diagnostics_json), (flags & WXLINT_FIX_UNSAFE) != 0);
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
