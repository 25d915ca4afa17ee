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

}  // namespace wxlint::checks
