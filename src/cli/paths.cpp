#include "cli/commands.hpp"

#include <algorithm>
#include <filesystem>

namespace wxlint::cli {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);  // read_file() reports what is wrong with it
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw IoError(p + ": " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) throw IoError(p + ": " + ec.message());
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec) && name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

}  // namespace wxlint::cli
