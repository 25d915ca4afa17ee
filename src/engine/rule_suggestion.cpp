#include "engine/rule_suggestion.hpp"

#include "formats/formats.hpp"

namespace wxlint {

std::string rule_suggestion(const std::string& name, const std::vector<RuleDoc>& rules) {
  std::vector<std::string> names;
  for (const auto& r : rules) names.push_back(r.id), names.push_back(r.code);
  const auto best = formats::did_you_mean(name, names);
  return best ? " (did you mean \"" + *best + "\"?)" : "";
}

}  // namespace wxlint
