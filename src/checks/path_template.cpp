#include "checks/path_template.hpp"

namespace wxlint::checks {
namespace {

std::vector<std::string_view> segments(std::string_view s) {
  if (auto scheme = s.find("://"); scheme != std::string_view::npos) {
    auto slash = s.find('/', scheme + 3);
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  s = s.substr(0, s.find_first_of("?#"));
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    auto j = s.find('/', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool is_placeholder(std::string_view s) { return s.size() >= 2 && s.front() == '{' && s.back() == '}'; }

}  // namespace

std::optional<PathTemplate> PathTemplate::make(std::string_view tmpl, const std::string& param) {
  PathTemplate t;
  bool found = false;
  for (std::string_view s : segments(tmpl)) {
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
  auto segs = segments(path);
  if (segs.size() < tokens_.size()) return std::nullopt;
  const std::size_t base = segs.size() - tokens_.size();
  for (std::size_t i = 0; i < tokens_.size(); ++i)
    if (!is_placeholder(tokens_[i]) && segs[base + i] != tokens_[i]) return std::nullopt;
  std::string_view seg = segs[base + index_];
  if (is_placeholder(seg) || seg.empty()) return std::nullopt;
  return seg;
}

}  // namespace wxlint::checks
