#include "config/rule_files.hpp"

#include "config/glob.hpp"
#include "document/document.hpp"

#include <wxlint/linter.hpp>

#include <algorithm>
#include <filesystem>

namespace wxlint {

std::vector<std::string> glob_files(const std::string& pattern, const std::string& base_dir) {
  namespace fs = std::filesystem;
  const fs::path base = base_dir.empty() ? fs::path(".") : fs::path(base_dir);
  const Glob glob(pattern);
  if (glob.is_literal()) return {(base / glob.literal_prefix()).string()};
  // Walk only below the literal directory every match is in, and no deeper than the
  // pattern's segments unless it has "**".
  const std::string& prefix = glob.literal_prefix();
  const std::string dir = prefix.substr(0, prefix.rfind('/') == std::string::npos ? 0 : prefix.rfind('/'));
  const bool any_depth = pattern.find("**") != std::string::npos;
  const auto slashes = [](const std::string& s) { return std::count(s.begin(), s.end(), '/'); };
  const auto depth = slashes(pattern) - slashes(dir) - (dir.empty() ? 0 : 1);  // levels below `dir`
  std::vector<std::string> out;
  std::error_code ec;
  const bool absolute = fs::path(pattern).is_absolute();
  const fs::path root = dir.empty() ? base : base / dir;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!any_depth && it.depth() >= depth) it.disable_recursion_pending();
    if (!it->is_regular_file(ec)) continue;
    // An absolute pattern matches the absolute path; another, the path below the config's directory.
    const std::string name = absolute ? it->path().generic_string() : it->path().lexically_relative(base).generic_string();
    if (glob.matches(name)) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string schema_beside(const std::string& rule_file) {
  try {
    const Document doc(read_file(rule_file));
    if (!doc.parsed() || !doc.root().IsObject()) return {};
    const auto op = doc.root().FindMember("operation");
    if (op == doc.root().MemberEnd() || !op->value.IsObject()) return {};
    const auto schema = op->value.FindMember("schema");
    if (schema == op->value.MemberEnd() || !schema->value.IsString() || schema->value.GetStringLength() == 0) return {};
    return (std::filesystem::path(rule_file).parent_path() / schema->value.GetString()).string();
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace wxlint
