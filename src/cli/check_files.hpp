// The files of one `wxlint check` run and their projects: which are payloads (not wxlint's
// own files, each once), how they are linted group by group, and each project's ignores.
#pragma once

#include "cli/commands.hpp"
#include "cli/lint_files.hpp"
#include "cli/projects.hpp"

#include <wxlint/linter.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace wxlint::cli {

// Drops wxlint's own files, and their owners: the run's configs, baseline, rule files and
// snapshots (and --rules-dir's rules/ and schemas/) are not payloads, whether a directory
// search met them or they were named (as pre-commit names each staged JSON file), so
// `check --baseline base.json .` lints the payloads only.
void drop_own_files(const CheckOptions& o, Projects& projects, std::vector<std::string>& files,
                    std::vector<std::size_t>& owner);

// Whether every path names a file (or stdin), as pre-commit's do: none is a directory.
bool only_files_named(const std::vector<std::string>& paths);

// --operation names no operation of the linter: says so.
bool unknown_operation(const std::string& operation, const Linter& linter);

// Lints the files group by group (a group's projects share a linter), into outcomes[i] for
// files[i]. `rules` is then every rule of the run, for --select and the formats that
// describe rules: the one linter's list, or `merged`, each id once, when there were several;
// those are freed after their files. `select` checks --select and --ignore against those
// rules: before the first file when fixing, else after the last. False after saying
// --operation is unknown, or after `select` said no.
bool lint_by_group(Projects& projects, const std::vector<std::string>& files, const std::vector<std::size_t>& owner,
                   const LintJob& job, std::vector<LintOutcome>& outcomes, const std::vector<RuleDoc>*& rules,
                   std::vector<RuleDoc>& merged, const std::function<bool(const std::vector<RuleDoc>&)>& select);

// Each project's ignores, on the reports of its files (owner[i]: reports[i]'s project).
void apply_ignores(const Projects& projects, const std::vector<std::size_t>& owner, std::vector<FileReport>& reports);

}  // namespace wxlint::cli
