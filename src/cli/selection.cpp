#include "cli/selection.hpp"

#include "engine/rule_suggestion.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace wxlint::cli {

std::string rule_suggestion(const std::string& name, const Linter& linter) {
  return wxlint::rule_suggestion(name, linter.rules());
}

std::optional<Selection> selection_of(const CheckOptions& o, const std::vector<RuleDoc>& rules) {
  if (o.select.empty() && o.ignore.empty()) return Selection{};
  std::set<std::string> known;
  for (const auto& r : rules) known.insert(r.id), known.insert(r.code);
  std::vector<std::string> named[2];  // --select's, --ignore's; "" (a list's "a, ") dropped
  for (const auto* list : {&o.select, &o.ignore}) {
    const char* flag = list == &o.select ? "--select" : "--ignore";
    std::vector<std::string>& names = named[list == &o.ignore];
    std::copy_if(list->begin(), list->end(), std::back_inserter(names), [](const std::string& n) { return !n.empty(); });
    if (names.empty() && !list->empty()) {
      print_error(std::string(flag) + ": the value is empty: give rule ids or codes");
      return std::nullopt;
    }
    for (const auto& name : names) {
      if (known.contains(name)) continue;
      print_error(std::string(flag) + ": unknown rule id or code \"" + name + "\"" +
                  wxlint::rule_suggestion(name, rules) + "; `wxlint rules` lists them");
      return std::nullopt;
    }
  }
  return Selection{{named[0].begin(), named[0].end()}, {named[1].begin(), named[1].end()}};
}

bool Selection::shows(const Diagnostic& d) const { return shows(d.code, d.rule); }

bool Selection::shows(const std::string& code, const std::string& rule) const {
  const auto named = [&](const std::set<std::string>& names) { return names.contains(code) || names.contains(rule); };
  return (select.empty() || named(select)) && !named(ignore);
}

void Selection::apply(std::span<FileReport> reports) const {
  if (select.empty() && ignore.empty()) return;
  for (auto& r : reports) std::erase_if(r.diagnostics, [&](const Diagnostic& d) { return !shows(d); });
}

bool passed_over(const Config& config, const FileReport& report, bool named) {
  constexpr std::string_view kRule = "operation/undetected", kCode = "WX0011";
  for (const auto& key : {kRule, kCode})
    if (config.origins.contains(std::string(key)) && !config.options.disabled.contains(std::string(key))) return false;
  if (!report.operation.empty()) return false;
  // Whether every finding is of `rule`, or the run's own (a stale or incomplete snapshot).
  const auto only = [&](std::string_view rule) {
    return std::all_of(report.diagnostics.begin(), report.diagnostics.end(), [&](const Diagnostic& d) {
      return d.rule == rule || d.rule == "snapshot/stale" || d.rule == "snapshot/incomplete";
    });
  };
  if (only(kRule)) return true;
  return !named && config.operation_for(report.path).empty() && only("json/too-large");
}

}  // namespace wxlint::cli
