// A request path template ("/contacts/organizations/{orgId}/contacts/bulk") and one of its
// parameters, matched against an envelope's path segment by segment, aligned at the end, so a
// base URL ("https://webexapis.com/v1") may precede it; a query string is ignored.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::checks {

class PathTemplate {
 public:
  // Fails (returns nullopt) when "{param}" is not a segment of the template.
  static std::optional<PathTemplate> make(std::string_view tmpl, const std::string& param);

  // The parameter's segment of `path`, or nullopt: the path does not match the template, or
  // still holds a placeholder there, or the segment is empty.
  std::optional<std::string_view> param_of(std::string_view path) const;

 private:
  std::vector<std::string> tokens_;
  std::size_t index_ = 0;
};

}  // namespace wxlint::checks
