#include "cli/check_files.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace wxlint::cli {

void drop_own_files(const CheckOptions& o, Projects& projects, std::vector<std::string>& files,
                    std::vector<std::size_t>& owner) {
  namespace fs = std::filesystem;
  std::vector<std::string> own;
  std::error_code ec;
  // A directory named as the baseline is no baseline (reading it says so): its files stay inputs.
  if (!o.baseline.empty() && !fs::is_directory(o.baseline, ec)) own.push_back(o.baseline);
  if (!o.rules_dir.empty())
    for (const char* sub : {"rules", "schemas"}) own.push_back((fs::path(o.rules_dir) / sub).string());
  // The baseline to write, as a directory search meets it; named, it is refused as an input.
  if (!o.generate_baseline.empty() && o.generate_baseline != "-") {
    std::vector<std::string> named = o.paths;
    drop_snapshot_files(named, {o.generate_baseline});
    if (named.size() == o.paths.size()) own.push_back(o.generate_baseline);
  }
  for (const Project& p : projects.all())
    for (std::string& f : p.config.own_files()) own.push_back(std::move(f));
  std::vector<std::string> kept = files;
  drop_snapshot_files(kept, own);
  std::vector<std::size_t> kept_owner;
  std::set<std::size_t> dropped_owners;
  for (std::size_t i = 0, n = 0; i < files.size(); ++i) {
    if (n < kept.size() && files[i] == kept[n]) kept_owner.push_back(owner[i]), ++n;  // kept: in the same order
    else dropped_owners.insert(owner[i]);
  }
  files = std::move(kept);
  owner = std::move(kept_owner);
  // A project whose only files named are its own (its rule files, matched by its "rules"
  // glob) is still loaded: a bad rule file is exit 2, not a pass with nothing linted.
  for (const std::size_t p : dropped_owners) projects.linter(projects.all()[p].group);
}

bool only_files_named(const std::vector<std::string>& paths) {
  return std::none_of(paths.begin(), paths.end(), [](const std::string& p) {
    std::error_code ec;
    return p != "-" && std::filesystem::is_directory(p, ec);
  });
}

bool unknown_operation(const std::string& operation, const Linter& linter) {
  if (operation.empty() || linter.has_operation(operation)) return false;
  print_error("unknown --operation \"" + operation + "\"" + linter.operation_hint(operation));
  return true;
}

bool lint_by_group(Projects& projects, const std::vector<std::string>& files, const std::vector<std::size_t>& owner,
                   const LintJob& job, std::vector<LintOutcome>& outcomes, const std::vector<RuleDoc>*& rules,
                   std::vector<RuleDoc>& merged, const std::function<bool(const std::vector<RuleDoc>&)>& select) {
  if (files.empty()) return select(*(rules = &projects.linter(0).rules()));  // only wxlint's own files were named
  std::vector<std::vector<std::size_t>> members(projects.groups());  // files by group
  for (std::size_t i = 0; i < files.size(); ++i) members[projects.all()[owner[i]].group].push_back(i);
  const bool several = std::count_if(members.begin(), members.end(), [](const auto& m) { return !m.empty(); }) > 1;
  std::set<std::string> ids;
  const auto merge = [&](const Linter& linter) {
    for (const auto& r : linter.rules())
      if (ids.insert(r.id).second) merged.push_back(r);
  };
  // --fix writes each group's files as it goes: every config, and what is fixed (--select),
  // must be known good before the first write, or a bad one further on would stop a run that
  // has half fixed the tree.
  const bool fixing = job.fix || job.diff;
  if (fixing) {
    for (std::size_t g = 0; g < members.size(); ++g) {
      if (members[g].empty()) continue;
      const Linter& linter = projects.linter(g);
      if (unknown_operation(job.operation, linter)) return false;
      if (several) merge(linter), projects.release(g);
      else rules = &linter.rules();
    }
    if (several) rules = &merged;
    if (!select(*rules)) return false;
  }
  for (std::size_t g = 0; g < members.size(); ++g) {
    if (members[g].empty()) continue;
    const Linter& linter = projects.linter(g);
    if (unknown_operation(job.operation, linter)) return false;
    std::vector<std::string> paths;
    std::vector<LintSetup> setups;
    for (std::size_t i : members[g]) paths.push_back(files[i]), setups.push_back({&linter, &projects.all()[owner[i]].config});
    std::vector<LintOutcome> out = lint_files(paths, setups, job);
    for (std::size_t k = 0; k < out.size(); ++k) outcomes[members[g][k]] = std::move(out[k]);
    if (!several) {
      rules = &linter.rules();
      continue;
    }
    merge(linter);
    projects.release(g);
  }
  if (several) rules = &merged;
  return fixing || select(*rules);
}

void apply_ignores(const Projects& projects, const std::vector<std::size_t>& owner, std::vector<FileReport>& reports) {
  const auto& all = projects.all();
  if (all.size() == 1) return void(all[0].config.apply_ignores(reports));
  for (std::size_t p = 0; p < all.size(); ++p) {
    if (all[p].config.ignore.empty()) continue;
    std::vector<std::size_t> mine;
    std::vector<FileReport> group;
    for (std::size_t i = 0; i < reports.size(); ++i)
      if (owner[i] == p) mine.push_back(i), group.push_back(std::move(reports[i]));
    all[p].config.apply_ignores(group);
    for (std::size_t k = 0; k < mine.size(); ++k) reports[mine[k]] = std::move(group[k]);
  }
}

}  // namespace wxlint::cli
