// --select and --ignore: keep only, or drop, the findings of some rules, named by code or
// rule id (as ruff's options are). Names no rule has are usage errors, with a suggestion.
#pragma once

#include "cli/commands.hpp"

#include <wxlint/config.hpp>
#include <wxlint/diagnostic.hpp>

#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace wxlint::cli {

struct Selection {
  std::set<std::string> select, ignore;  // empty select: every rule
  bool shows(const Diagnostic& d) const;
  bool shows(const std::string& code, const std::string& rule) const;
  // Removes the findings it leaves out.
  void apply(std::span<FileReport> reports) const;
};

// The options' selection; nullopt after saying which name is unknown.
// `rules`: every rule of the run (the catalogues of all its configs).
std::optional<Selection> selection_of(const CheckOptions& o, const std::vector<RuleDoc>& rules);

// --only-payloads: whether to drop the report of a file that matches no operation and has
// no other finding (package.json, tsconfig.json), or that is too large to read and that
// nothing names a payload (`named`: --operation, or piped in; nor the config's "operations"):
// a lockfile. Not when its config names operation/undetected (or WX0011) in "rules", then it
// is reported as usual. The run's own findings (a stale or incomplete snapshot) are no file's.
bool passed_over(const Config& config, const FileReport& report, bool named);

// " (did you mean \"x\"?)" for the closest of every rule id and code, or "".
std::string rule_suggestion(const std::string& name, const Linter& linter);

}  // namespace wxlint::cli
