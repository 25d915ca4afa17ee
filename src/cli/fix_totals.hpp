// What --fix and --diff did over all the files of a `wxlint check` run, and what they print
// besides the report.
#pragma once

#include "cli/lint_files.hpp"

#include <cstddef>

namespace wxlint::cli {

struct FixTotals {
  std::size_t applied = 0, deferred = 0, files = 0;
  bool to_stdout = false;
  // Under GitHub Actions, the line that ends the pause of workflow commands the first diff
  // began (outputs.hpp): a payload line may hold "##[command]".
  std::string resume;

  // One file's: counted, its diff or fixed stdin printed.
  void take(LintOutcome& o);
  // --diff: like `diff`, 1 when there is a difference (0 with --exit-zero).
  int report_diff(bool unreadable, bool exit_zero);
  // --fix: "fixed N findings in M files", when there were any.
  void summarize() const;
};

}  // namespace wxlint::cli
