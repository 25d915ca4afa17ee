#include "checks/path_template.hpp"

#include "engine/request_path.hpp"

namespace wxlint::checks {

std::optional<PathTemplate> PathTemplate::make(std::string_view tmpl, const std::string& param) {
  PathTemplate t;
  bool found = false;
  for (std::string_view s : request_path_segments(tmpl)) {
    if (s == "{" + param + "}") {
      t.index_ = t.tokens_.size();
      found = true;
    }
    t.tokens_.emplace_back(s);
  }
  if (!found) return std::nullopt;
  return t;
}

std::optional<std::string_view> PathTemplate::param_of(std::string_view path) const {
  auto segs = request_path_segments(path);
  if (segs.size() < tokens_.size()) return std::nullopt;
  const std::size_t base = segs.size() - tokens_.size();
  for (std::size_t i = 0; i < tokens_.size(); ++i)
    if (!is_path_placeholder(tokens_[i]) && segs[base + i] != tokens_[i]) return std::nullopt;
  std::string_view seg = segs[base + index_];
  if (is_path_placeholder(seg) || seg.empty()) return std::nullopt;
  return seg;
}

std::string percent_decoded(std::string_view s) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const int hi = s[i] == '%' && i + 2 < s.size() ? hex(s[i + 1]) : -1, lo = hi >= 0 ? hex(s[i + 2]) : -1;
    if (lo < 0) {
      out += s[i];
      continue;
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

}  // namespace wxlint::checks
