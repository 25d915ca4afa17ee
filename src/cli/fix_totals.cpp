#include "cli/fix_totals.hpp"

#include "cli/commands.hpp"
#include "cli/outputs.hpp"

#include <iostream>
#include <string>

namespace wxlint::cli {

void FixTotals::take(LintOutcome& o) {
  applied += o.fixes_applied;
  deferred += o.fixes_deferred;
  files += o.fixes_applied > 0;
  if (o.fixes_undone && o.report)
    print_error(o.report->path + ": some of its fixes undo others (two rules that disagree on a value): fixing "
                "stopped at a text it had already had, and the report is that text's");
  if (!o.diff.empty()) {
    if (resume.empty()) resume = pause_workflow_commands(std::cout);
    std::cout << o.diff;
  }
  if (o.fixed_stdin) std::cout << *o.fixed_stdin, to_stdout = true;
}

int FixTotals::report_diff(bool unreadable, bool exit_zero) {
  std::cout << resume;
  resume.clear();
  std::cout.flush();
  print_error(std::to_string(applied) + (applied == 1 ? " fix" : " fixes") + " would apply to " + std::to_string(files) +
              (files == 1 ? " file" : " files"));
  return unreadable ? kExitUsage : applied && !exit_zero ? kExitFindings : kExitClean;
}

void FixTotals::summarize() const {
  if (applied == 0) return;
  std::cout.flush();
  print_error("fixed " + std::to_string(applied) + (applied == 1 ? " finding" : " findings") + " in " + std::to_string(files) +
              (files == 1 ? " file" : " files") +
              (deferred ? " (" + std::to_string(deferred) + (deferred == 1 ? " fix" : " fixes") +
                              " overlapped an earlier one and waited for the next pass)"
                        : ""));
}

}  // namespace wxlint::cli
