// JSON in and out of the C ABI beside the lint results: the rule catalogue as JSON
// (wxlint_linter_rules_json) and a report's diagnostics read back for their fixes
// (wxlint_apply_fixes).
#pragma once

#include <wxlint/catalogue.hpp>
#include <wxlint/diagnostic.hpp>

#include <string>
#include <vector>

namespace wxlint::capi {

std::string rules_json(const std::vector<wxlint::RuleDoc>& rules);

// A report's "diagnostics" (only their "fix" members are read) -> Diagnostics with those fixes.
// Throws Failure (WXLINT_E_OPTIONS) naming the place of a mistake.
std::vector<wxlint::Diagnostic> parse_fixes(const char* text);

}  // namespace wxlint::capi
