#include "report/root_path.hpp"

#include <wxlint/config.hpp>

#include <filesystem>

namespace wxlint::report {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().generic_string();
}

std::optional<std::string> under_root(const std::string& path, const std::string& root) {
  // Relative as a config's globs see it, symbolic links in the root or the file's directory
  // resolved when the names as written do not meet ($GITHUB_WORKSPACE on a self-hosted
  // runner, /tmp on macOS); outside the root (or on another), no name under it.
  const std::string r = relative_to(path, root);
  if (r.empty() || r == "." || r == ".." || r.starts_with("../") || fs::path(r).is_absolute()) return std::nullopt;
  return r;
}

std::string repository_path(const std::string& path, const std::string& root) {
  auto r = under_root(path, root);
  return r ? *r : absolute_path(path);
}

}  // namespace wxlint::report
