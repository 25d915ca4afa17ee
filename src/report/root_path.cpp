#include "report/root_path.hpp"

#include <filesystem>

namespace wxlint::report {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().generic_string();
}

std::optional<std::string> under_root(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path base = fs::absolute(root.empty() ? fs::current_path(ec) : fs::path(root), ec).lexically_normal();
  const std::string r = fs::path(absolute_path(path)).lexically_relative(base).generic_string();
  if (r.empty() || r == "." || r.rfind("..", 0) == 0) return std::nullopt;
  return r;
}

std::string repository_path(const std::string& path, const std::string& root) {
  auto r = under_root(path, root);
  return r ? *r : absolute_path(path);
}

}  // namespace wxlint::report
