#include "capi/json_bridge.hpp"

#include "capi/internal.hpp"
#include "document/document.hpp"

#include <wxlint/wxlint.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace wxlint::capi {
namespace {

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

[[noreturn]] void bad_fixes(const std::string& where, const std::string& what) {
  throw Failure{WXLINT_E_OPTIONS, "diagnostics: " + where + ": " + what};
}

std::string string_of(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsString()) bad_fixes(where, "must be a string");
  return std::string(v.GetString(), v.GetStringLength());
}

std::size_t offset_of(const rapidjson::Value& v, const std::string& where) {
  if (!v.IsUint64()) bad_fixes(where, "must be a whole number of bytes");
  return static_cast<std::size_t>(v.GetUint64());
}

}  // namespace

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
    if (!r.file.empty()) {
      w.Key("file");
      write_string(w, r.file);
    }
    w.EndObject();
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize());
}

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
    if (safety == f->value.MemberEnd()) bad_fixes(at, "needs \"applicability\"");
    const std::string applicability = string_of(safety->value, at + "/applicability");
    if (applicability != "safe" && applicability != "unsafe") bad_fixes(at + "/applicability", "must be \"safe\" or \"unsafe\"");
    fix.safe = applicability == "safe";
    if (const auto m = f->value.FindMember("message"); m != f->value.MemberEnd()) fix.message = string_of(m->value, at + "/message");
    const auto edits = f->value.FindMember("edits");
    if (edits == f->value.MemberEnd() || !edits->value.IsArray()) bad_fixes(at, "needs an array \"edits\"");
    for (rapidjson::SizeType k = 0; k < edits->value.Size(); ++k) {
      const rapidjson::Value& e = edits->value[k];
      const std::string where = at + "/edits/" + std::to_string(k);
      if (!e.IsObject() || !e.HasMember("offset") || !e.HasMember("length") || !e.HasMember("content"))
        bad_fixes(where, "expected {\"offset\", \"length\", \"content\"}");
      fix.edits.push_back({offset_of(e["offset"], where + "/offset"), offset_of(e["length"], where + "/length"),
                           string_of(e["content"], where + "/content")});
    }
    out.back().fix = std::move(fix);
  }
  return out;
}

}  // namespace wxlint::capi
