#include "engine/data_file.hpp"

#include "engine/schema_layer.hpp"

#include <wxlint/error.hpp>

namespace wxlint {

DataFile::DataFile(std::string n, std::string text) : name(std::move(n)), doc(std::move(text)) {
  for (const auto& issue : doc.issues()) {
    Position p = doc.position(issue.offset);
    throw ConfigError(name + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + issue.message);
  }
  if (!doc.parsed()) throw ConfigError(name + ": not JSON");
}

std::string DataFile::where(const std::string& pointer) const {
  Span s = doc.locate({pointer}).front();
  std::string out = name;
  if (s.found) {
    Position p = doc.position(s.begin);
    out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
  }
  return out + ": " + (pointer.empty() ? "(root)" : pointer);
}

void DataFile::fail(const std::string& pointer, const std::string& problem) const {
  throw ConfigError(where(pointer) + ": " + problem);
}

void DataFile::check_against(const SchemaValidator& schema) const {
  std::vector<SchemaFailure> failures;
  schema.validate(doc.root(), failures);
  if (failures.empty()) return;
  std::string msg;
  std::size_t shown = 0;
  for (const auto& f : failures) {
    if (shown++ == 5) break;
    auto arg = [&f](std::string_view k) {
      for (const auto& [name, v] : f.args)
        if (name == k) return v;
      return std::string();
    };
    std::string what = f.keyword == "required" ? "missing required member \"" + f.detail + "\""
                       : f.keyword == "additionalProperties" ? "unknown member \"" + f.detail + "\""
                       : f.keyword == "type" ? "wrong type (expected " + arg("expected") + ")"
                       : f.keyword == "enum" ? "must be one of " + arg("allowed")
                                             : "does not match the schema (" + f.keyword + (arg("detail").empty() ? "" : ": " + arg("detail")) + ")";
    what += arg("hint");
    msg += (msg.empty() ? "" : "\n") + where(f.pointer) + ": " + what;
  }
  throw ConfigError(msg);
}

}  // namespace wxlint
