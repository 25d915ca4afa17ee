#include "engine/request_path.hpp"

#include <algorithm>

namespace wxlint {

std::vector<std::string_view> request_path_segments(std::string_view s) {
  if (auto scheme = s.find("://"); scheme != std::string_view::npos) {
    auto slash = s.find('/', scheme + 3);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  s = s.substr(0, s.find_first_of("?#"));
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = std::min(s.find('/', i), s.size());
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

}  // namespace wxlint
