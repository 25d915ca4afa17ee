#include "cli/commands.hpp"

#include <wxlint/report.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace wxlint::cli {

Linter load_linter(const std::string& rules_dir, const LinterOptions& options) {
  return rules_dir.empty() ? Linter::embedded(options) : Linter::from_directory(rules_dir, options);
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.push_back(p);  // read_file() reports what is wrong with it
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw IoError(p + ": " + ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) throw IoError(p + ": " + ec.message());
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec) && name.size() > 1 && name[0] == '.') {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

int run_check(const CheckOptions& o) {
  Linter linter = load_linter(o.rules_dir);
  if (!o.operation.empty() && !linter.has_operation(o.operation)) {
    std::string known;
    for (const auto& op : linter.operations()) known += (known.empty() ? "" : ", ") + op.id;
    std::cerr << "wxlint: unknown --operation \"" << o.operation << "\"; known operations: " << known << "\n";
    return kExitUsage;
  }
  const Severity threshold = *parse_severity(o.fail_on);
  std::vector<FileReport> reports;
  bool unreadable = false;
  for (const auto& path : expand_paths(o.paths)) {
    try {
      reports.push_back(linter.lint_file(path, o.operation));
    } catch (const IoError& e) {
      std::cerr << "wxlint: " << e.what() << "\n";  // the other files are still linted
      unreadable = true;
    }
  }
  for (auto& r : reports)
    if (r.path == "-") r.path = "<stdin>";

  ReportContext ctx;
  ctx.rules = &linter.rules();
  ctx.summary = !o.quiet;
  std::cout << render_report(*parse_format(o.format), reports, ctx);
  if (unreadable) return kExitUsage;
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics)
      if (d.severity >= threshold) return kExitFindings;
  return kExitClean;
}

}  // namespace wxlint::cli
