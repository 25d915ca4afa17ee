#include "report/root_path.hpp"

#include <filesystem>

namespace wxlint::report {

namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().generic_string();
}

namespace {

// `path` relative to `base` when it is below it (a first component of ".." is not).
std::optional<std::string> below(const fs::path& path, const fs::path& base) {
  const std::string r = path.lexically_relative(base).generic_string();
  if (r.empty() || r == "." || r == ".." || r.starts_with("../")) return std::nullopt;
  return r;
}

// The path with its directory's symbolic links resolved, not its own name's: a linked
// payload keeps the name it was linted by.
fs::path physical(const fs::path& path) {
  std::error_code ec;
  const fs::path dir = fs::weakly_canonical(path.parent_path(), ec);
  return ec ? path : dir / path.filename();
}

}  // namespace

std::optional<std::string> under_root(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path base = fs::absolute(root.empty() ? fs::current_path(ec) : fs::path(root), ec).lexically_normal();
  const fs::path file = fs::path(absolute_path(path));
  if (auto r = below(file, base)) return r;
  // The root named through a symbolic link ($GITHUB_WORKSPACE on a self-hosted runner, /tmp on
  // macOS) while the working directory, and so a relative path, is physical; or the other way.
  const fs::path real_base = fs::weakly_canonical(base, ec);
  if (ec) return std::nullopt;
  if (auto r = below(file, real_base)) return r;
  return below(physical(file), real_base);
}

std::string repository_path(const std::string& path, const std::string& root) {
  auto r = under_root(path, root);
  return r ? *r : absolute_path(path);
}

}  // namespace wxlint::report
