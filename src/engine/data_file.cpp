#include "engine/data_file.hpp"

#include "engine/schema_layer.hpp"
#include "formats/formats.hpp"

#include <wxlint/error.hpp>

#include <algorithm>

namespace wxlint {
namespace {

constexpr std::size_t kShownPointer = 64;  // characters: a pointer 512 levels deep is 1 KB

}  // namespace

DataFile::DataFile(std::string n, std::string text, bool reference_strings)
    : name(std::move(n)), doc(std::move(text), reference_strings) {
  for (const auto& issue : doc.issues()) {
    Position p = doc.position(issue.offset);
    std::string message = issue.message;
    if (issue.kind == ParseIssue::Kind::invalid_utf8) message += ": save the file as UTF-8";  // as WX0002 says
    // Located as the file's other problems are: file:line:col: pointer: problem (no
    // pointer at the top level, where the line and column say it all).
    const std::string at = issue.pointer.empty() ? "" : formats::printable(formats::clipped(issue.pointer, kShownPointer)) + ": ";
    throw ConfigError(formats::printable(name) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + at +
                      message);
  }
  if (!doc.parsed()) throw ConfigError(formats::printable(name) + ": not JSON");
}

std::string DataFile::where(const std::string& pointer) const { return where(std::vector{pointer}).front(); }

std::vector<std::string> DataFile::where(const std::vector<std::string>& pointers) const {
  std::vector<Span> spans = doc.locate(pointers);
  // A member that is not there (a required one) is placed where it belongs: at its nearest
  // ancestor that is, the pointer still naming it.
  std::vector<std::size_t> missing;
  std::vector<std::string> up;
  for (std::size_t i = 0; i < pointers.size(); ++i)
    if (!spans[i].found && !pointers[i].empty()) missing.push_back(i), up.push_back(pointers[i]);
  while (!missing.empty()) {
    for (std::string& u : up) u.erase(std::min(u.rfind('/'), u.size() - 1));
    const std::vector<Span> found = doc.locate(up);
    std::size_t kept = 0;
    for (std::size_t k = 0; k < missing.size(); ++k) {
      if (found[k].found) spans[missing[k]] = found[k];
      else if (!up[k].empty()) missing[kept] = missing[k], up[kept++] = std::move(up[k]);
    }
    missing.resize(kept);
    up.resize(kept);
  }
  std::vector<std::size_t> offsets;
  for (const Span& s : spans) offsets.push_back(s.found ? s.begin : SIZE_MAX);
  const std::vector<Position> positions = doc.positions(offsets);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    std::string& w = out.emplace_back(formats::printable(name));  // a name may hold a line break
    if (spans[i].found) w += ":" + std::to_string(positions[i].line) + ":" + std::to_string(positions[i].column);
    w += ": " + (pointers[i].empty() ? std::string("(root)") : pointers[i]);
  }
  return out;
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
    if (std::string hint = arg("hint"); hint.starts_with(" Did")) what += "; d" + hint.substr(2);  // one sentence
    msg += (msg.empty() ? "" : "\n") + where(f.pointer) + ": " + what;
  }
  if (const std::size_t more = failures.size() - std::min<std::size_t>(failures.size(), 5))
    msg += "\n" + formats::printable(name) + ": " + std::to_string(more) + (more == 1 ? " more problem" : " more problems") + " not listed";
  throw ConfigError(msg);
}

}  // namespace wxlint
