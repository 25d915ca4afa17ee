// --select and --ignore: keep only, or drop, the findings of some rules, named by code or
// rule id (as ruff's options are). Names no rule has are usage errors, with a suggestion.
#pragma once

#include "cli/commands.hpp"

#include <wxlint/config.hpp>
#include <wxlint/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace wxlint::cli {

// Removes the findings the options leave out; false after saying which name is unknown.
bool apply_selection(const CheckOptions& o, const Linter& linter, std::vector<FileReport>& reports);

// --only-payloads: drops the reports of files that match no operation and have no other
// finding (package.json, tsconfig.json), unless the config names operation/undetected
// (or WX0011) in "rules": then they are reported as usual.
void drop_non_payloads(const Config& config, std::vector<FileReport>& reports);

// " (did you mean \"x\"?)" for the closest of every rule id and code, or "".
std::string rule_suggestion(const std::string& name, const Linter& linter);

}  // namespace wxlint::cli
