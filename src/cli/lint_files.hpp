// Linting the files of one `wxlint check` run, in parallel.
#pragma once

#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace wxlint::cli {

struct LintJob {
  std::string operation;   // forced operationId, or ""
  std::string stdin_name;  // display name of "-" ("" = "<stdin>")
  unsigned jobs = 0;       // threads; 0 = one per core
  // --fix: apply the fixes and report what remains; --diff: only make the diff.
  bool fix = false, unsafe_fixes = false, diff = false;
  // Fixing: removes from a file's report (with its config) what the report would not show;
  // only the rest is fixed. Called from the linting threads.
  std::function<void(const Config&, FileReport&)> shown;
};

struct LintOutcome {
  std::optional<FileReport> report;
  // Why the file was not linted (unreadable, out of memory); fixing, why its fixes were not
  // written (the report is then the file as it is).
  std::string error;
  std::size_t fixes_applied = 0, fixes_deferred = 0;
  bool fixes_undone = false;  // FixResult::undone
  std::string diff;                       // --diff: the file's unified diff ("" = unchanged)
  std::optional<std::string> fixed_stdin;  // --fix on "-": the text for stdout
  std::exception_ptr failure;
};

// What one file is linted with: its project's linter, and its config, whose "operations"
// globs may name the file's operation.
struct LintSetup {
  const Linter* linter = nullptr;
  const Config* config = nullptr;
};

// One outcome per path, in input order; setups[i] is paths[i]'s. Fixing, each file is
// written (atomically) by the thread that fixed it. Other exceptions than IoError are rethrown.
std::vector<LintOutcome> lint_files(const std::vector<std::string>& paths, const std::vector<LintSetup>& setups,
                                    const LintJob& job);

}  // namespace wxlint::cli
