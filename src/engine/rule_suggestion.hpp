// "Did you mean" for rule ids and codes named by users (config, --select, explain).
#pragma once

#include <wxlint/catalogue.hpp>

#include <string>
#include <vector>

namespace wxlint {

// " (did you mean \"x\"?)" for the closest rule id or code of `rules`, or "".
std::string rule_suggestion(const std::string& name, const std::vector<RuleDoc>& rules);

}  // namespace wxlint
