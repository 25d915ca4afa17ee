// Linting the files of one `wxlint check` run, in parallel.
#pragma once

#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>

#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace wxlint::cli {

struct LintJob {
  std::string operation;   // forced operationId, or ""
  const Config* config = nullptr;  // else its "operations" globs may name a file's operation
  std::string stdin_name;  // display name of "-" ("" = "<stdin>")
  unsigned jobs = 0;       // threads; 0 = one per core
};

struct LintOutcome {
  std::optional<FileReport> report;
  std::string error;  // IoError text when the file could not be read
  std::exception_ptr failure;
};

// One outcome per path, in input order. Other exceptions than IoError are rethrown.
std::vector<LintOutcome> lint_files(const Linter& linter, const std::vector<std::string>& paths, const LintJob& job);

}  // namespace wxlint::cli
