// `wxlint check`: configuration, linting, ignores and baselines, then the report(s).
#include "cli/commands.hpp"
#include "cli/lint_files.hpp"
#include "cli/output_path.hpp"
#include "cli/outputs.hpp"
#include "cli/selection.hpp"

#include <wxlint/config.hpp>
#include <wxlint/report.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <unistd.h>

namespace wxlint::cli {
namespace {

Config load_project_config(const CheckOptions& o) {
  Config config;
  if (!o.config.empty()) {
    config = load_config(o.config);
  } else if (!o.no_config) {
    if (auto found = find_config()) config = load_config(*found);
  }
  if (config.base_dir.empty()) config.base_dir = std::filesystem::current_path().string();
  if (!o.allowed_sources.empty()) {
    std::string list;
    for (const auto& s : o.allowed_sources) {
      std::string quoted;
      for (char c : s) quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
      list += (list.empty() ? "\"" : ",\"") + quoted + "\"";
    }
    config.options.settings["allowedSources"] = "[" + list + "]";
    config.origins["allowedSources"] = "--allowed-sources";
  }
  if (!o.snapshot.empty()) config.options.snapshot = o.snapshot;
  config.options.rule_files.insert(config.options.rule_files.end(), o.rules.begin(), o.rules.end());
  if (!o.region.empty()) config.options.region = o.region;
  return config;
}

// What the exiting process frees anyway: the catalogue and a big batch's reports are tens
// of thousands of allocations, which took longer to free one by one than to write the report.
struct Leftovers {
  std::unique_ptr<Linter> linter;
  std::vector<FileReport> reports;
};
Leftovers& leftovers() {
  static auto* const kept = new Leftovers;  // reachable to the end: not a leak
  return *kept;
}

// -j: a whole number from 1 to kMaxJobs ("" = one per core); nullopt after saying why not.
std::optional<unsigned> jobs_of(const std::string& text) {
  if (text.empty()) return 0u;
  const bool digits = text.find_first_not_of("0123456789") == std::string::npos;
  const std::size_t lead = text.find_first_not_of('0');
  if (!digits || lead == std::string::npos) {
    print_error("-j takes a whole number of at least 1, not \"" + text + "\"");
    return std::nullopt;
  }
  const unsigned long value = text.size() - lead > 9 ? kMaxJobs + 1ul : std::stoul(text.substr(lead));
  if (value > kMaxJobs) {
    print_error("-j takes at most " + std::to_string(kMaxJobs) + " threads, not \"" + text + "\"");
    return std::nullopt;
  }
  return static_cast<unsigned>(value);
}

std::string dir_of(const std::string& file) {
  std::error_code ec;
  return std::filesystem::absolute(file, ec).parent_path().string();
}

// What --fix and --diff did over all files, and what they print besides the report.
struct FixTotals {
  std::size_t applied = 0, deferred = 0, files = 0;
  bool to_stdout = false;

  void take(LintOutcome& o) {
    applied += o.fixes_applied;
    deferred += o.fixes_deferred;
    files += o.fixes_applied > 0;
    if (!o.diff.empty()) std::cout << o.diff;
    if (o.fixed_stdin) std::cout << *o.fixed_stdin, to_stdout = true;
  }
  // --diff: like `diff`, 1 when there is a difference.
  int report_diff(bool unreadable) const {
    std::cout.flush();
    print_error(std::to_string(applied) + (applied == 1 ? " fix" : " fixes") + " would apply to " + std::to_string(files) +
                (files == 1 ? " file" : " files"));
    return unreadable ? kExitUsage : applied ? kExitFindings : kExitClean;
  }
  void summarize() const {
    if (applied == 0) return;
    std::cout.flush();
    print_error("fixed " + std::to_string(applied) + (applied == 1 ? " finding" : " findings") + " in " + std::to_string(files) +
                (files == 1 ? " file" : " files") +
                (deferred ? " (" + std::to_string(deferred) + (deferred == 1 ? " fix" : " fixes") +
                                " overlapped an earlier one and waited for the next pass)"
                          : ""));
  }
};

// Filters with the baseline, and says which of its entries are fixed and whether it is
// worth regenerating.
void report_baseline(const std::string& path, std::vector<FileReport>& reports) {
  const Baseline baseline = Baseline::load(path);
  const Baseline::Outcome outcome = baseline.apply(reports);
  if (baseline.version() == 1)
    print_error(path + " is a version 1 baseline (findings keyed by array index): it still works; "
                "regenerate it with --generate-baseline to key findings by item identity");
  if (outcome.fixed == 1) print_error("1 baseline entry is fixed: regenerate the baseline to drop it");
  if (outcome.fixed > 1)
    print_error(std::to_string(outcome.fixed) + " baseline entries are fixed: regenerate the baseline to drop them");
}

}  // namespace

Linter load_linter(const std::string& rules_dir, const LinterOptions& options) {
  return rules_dir.empty() ? Linter::embedded(options) : Linter::from_directory(rules_dir, options);
}

int run_check(const CheckOptions& options) {
  CheckOptions o = options;
  const std::optional<unsigned> jobs = jobs_of(o.jobs);
  if (!jobs) return kExitUsage;
  if (o.unsafe_fixes && !o.fix && !o.diff) {
    print_error("--unsafe-fixes needs --fix or --diff");
    return kExitUsage;
  }
  if (o.paths.empty()) {
    // Reading a terminal would wait for input that never comes: ask for paths instead.
    if (isatty(STDIN_FILENO)) {
      print_error("no paths given; pass files or directories, or - to read stdin");
      return kExitUsage;
    }
    o.paths = {"-"};
  }
  // Finding the files (a stat each: thousands in a batch) overlaps building the linter,
  // on another thread when there is one to be had.
  const auto expand = [&o] { return expand_paths(o.paths); };
  std::future<ExpandedPaths> expanding;
  try {
    expanding = std::async(std::launch::async, expand);
  } catch (const std::system_error&) {
    expanding = std::async(std::launch::deferred, expand);
  }
  const Config config = load_project_config(o);
  const Linter& linter = *(leftovers().linter = std::make_unique<Linter>(config.make_linter(o.rules_dir)));
  if (!o.operation.empty() && !linter.has_operation(o.operation)) {
    print_error("unknown --operation \"" + o.operation + "\"; known operations: " + linter.known_operations());
    return kExitUsage;
  }
  const Severity threshold = *parse_severity(o.fail_on);
  std::vector<FileReport> reports;
  const ExpandedPaths expanded = expanding.get();
  std::vector<std::string> files = expanded.files;
  drop_snapshot_files(files, config.options.snapshot);
  for (const auto& error : expanded.errors) print_error(error);
  bool unreadable = !expanded.errors.empty();
  if (files.empty()) {
    // A pipeline pointed at the wrong directory must not pass silently.
    if (!unreadable) print_error("no *.json files found in the given paths");
    return kExitUsage;
  }
  const std::optional<Outputs> outputs = plan_outputs(o);
  if (!outputs) return kExitUsage;
  // A report must never replace what it reports on, nor the baseline, config or rules it used.
  std::vector<std::string> inputs = files;
  if (!o.baseline.empty()) inputs.push_back(o.baseline);
  if (!config.path.empty()) inputs.push_back(config.path);
  inputs.insert(inputs.end(), config.options.rule_files.begin(), config.options.rule_files.end());
  const bool baseline_to_stdout = o.generate_baseline == "-";
  if (!o.generate_baseline.empty() && !baseline_to_stdout) refuse_input_as_output(o.generate_baseline, inputs);
  else for (const auto& f : outputs->files) refuse_input_as_output(f.path, inputs);
  FixTotals fixed;
  for (auto& outcome : lint_files(linter, files, {o.operation, &config, o.stdin_filename, *jobs, o.fix, o.unsafe_fixes, o.diff})) {
    fixed.take(outcome);
    if (outcome.report) {
      reports.push_back(std::move(*outcome.report));
    } else {
      print_error(outcome.error);  // the other files are still linted
      unreadable = true;
    }
  }
  if (o.diff) return fixed.report_diff(unreadable);
  config.apply_ignores(reports);
  if (!apply_selection(o, linter, reports)) return kExitUsage;
  if (o.only_payloads) drop_non_payloads(config, reports);

  if (!o.generate_baseline.empty()) {
    // "-" is stdout, as for -o; file paths are then relative to the working directory.
    Baseline b = Baseline::from_reports(reports, baseline_to_stdout ? dir_of("-") : dir_of(o.generate_baseline));
    if (baseline_to_stdout) std::cout << b.to_json();
    else b.save(o.generate_baseline);
    print_error("recorded " + std::to_string(b.size()) + " finding(s) in " +
                (baseline_to_stdout ? std::string("<stdout>") : o.generate_baseline));
    return unreadable ? kExitUsage : kExitClean;
  }
  if (!o.baseline.empty()) report_baseline(o.baseline, reports);

  ReportContext ctx;
  ctx.rules = &linter.rules();
  ctx.summary = !o.quiet;
  ctx.base_dir = repository_root();
  ctx.fail_on = threshold;
  for (const auto& f : outputs->files) write_file_atomically(f.path, render_report(f.format, reports, ctx));
  const Format terminal = outputs->terminal;
  // stdin fixed: stdout holds the fixed text, so the report goes to stderr.
  std::ostream& report_out = fixed.to_stdout ? std::cerr : std::cout;
  if (terminal == Format::text) write_terminal_text(o, reports, ctx.summary, report_out);
  else report_out << render_report(terminal, reports, ctx);
  // Statistics are text: after a text report on stdout, else on stderr so that
  // machine-readable stdout stays parseable.
  if (o.statistics) (terminal == Format::text ? report_out : std::cerr) << to_statistics(reports);
  fixed.summarize();
  int status = kExitClean;
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics)
      if (d.severity >= threshold) status = kExitFindings;
  if (o.exit_zero && status == kExitFindings) status = kExitClean;
  if (unreadable) status = kExitUsage;
  leftovers().reports = std::move(reports);
  return status;
}

}  // namespace wxlint::cli
