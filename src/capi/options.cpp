#include "capi/options.hpp"

#include "capi/internal.hpp"
#include "document/document.hpp"
#include "formats/formats.hpp"

#include <wxlint/wxlint.h>

#include <string>

namespace wxlint::capi {

[[noreturn]] void bad_options(const std::string& what) { throw Failure{WXLINT_E_OPTIONS, "options: " + what}; }

std::string text_of(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsString()) bad_options(where + " must be a string");
  return std::string(v.GetString(), v.GetStringLength());
}

namespace {

// A path: a NUL would end it early where it is opened, so another file would be read; an
// empty one names nothing, as "baseline" and "config" say.
std::string path_of(const rapidjson::Value& v, const std::string& where) {
  std::string path = text_of(v, where);
  if (path.empty()) bad_options(where + " must be a path, not empty");
  if (path.find('\0') != std::string::npos) bad_options(where + " must not hold a NUL (\\u0000)");
  return path;
}

}  // namespace

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
        const std::string shown = wxlint::formats::printable(key);  // a key may hold a NUL or a line break
        const std::string value = text_of(s.value, "severity of \"" + shown + "\"");
        auto sev = wxlint::parse_severity(value);
        if (!sev)
          bad_options("severity of \"" + shown + "\" must be error, warning or info, not \"" + wxlint::formats::printable(value) + "\"");
        o.severities[key] = *sev;
      }
    } else if (name == "snapshot") {
      if (m.value.IsString()) o.snapshot.push_back(path_of(m.value, "\"snapshot\""));  // one path
      else if (!m.value.IsArray()) bad_options("\"snapshot\" must be a file or directory path, or an array of them");
      else
        for (const auto& p : m.value.GetArray()) o.snapshot.push_back(path_of(p, "each \"snapshot\" entry"));
      options.has_snapshot = true;
    } else if (name == "rules") {
      if (!m.value.IsArray()) bad_options("\"rules\" must be an array of rule file paths");
      for (const auto& p : m.value.GetArray()) o.rule_files.push_back(path_of(p, "each \"rules\" entry"));
    } else if (name == "region") {
      o.region = text_of(m.value, "\"region\"");
      if (o.region.empty()) bad_options("\"region\" must be a region code (US, GB...), not empty");
    } else if (name == "config") {
      if (m.value.IsTrue()) options.find_config = true;
      else if (!m.value.IsString() || m.value.GetStringLength() == 0) bad_options("\"config\" must be a file path or true");
      else options.config = path_of(m.value, "\"config\"");
    } else if (name == "baseline") {
      if (!m.value.IsString() || m.value.GetStringLength() == 0) bad_options("\"baseline\" must be a file path");
      options.baseline = path_of(m.value, "\"baseline\"");
    } else {
      bad_options("unknown member \"" + wxlint::formats::printable(name) +
                  "\" (expected settings, disabled, severities, snapshot, rules, region, config, baseline)");
    }
  }
  return options;
}

wxlint::Config project_config(const Options& o) {
  wxlint::Config c;
  if (!o.config.empty()) c = wxlint::load_config(o.config);
  else if (o.find_config)
    if (auto found = wxlint::find_config()) c = wxlint::load_found_config(*found);
  for (const auto& [key, value] : o.linter.settings) c.options.settings[key] = value;
  c.options.disabled.insert(o.linter.disabled.begin(), o.linter.disabled.end());
  for (const auto& [key, value] : o.linter.severities) c.options.severities[key] = value;
  if (o.has_snapshot) c.options.snapshot = o.linter.snapshot;
  c.options.rule_files.insert(c.options.rule_files.end(), o.linter.rule_files.begin(), o.linter.rule_files.end());
  if (!o.linter.region.empty()) c.options.region = o.linter.region;
  return c;
}

}  // namespace wxlint::capi
