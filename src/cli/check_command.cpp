// `wxlint check`: configuration, linting, ignores and baselines, then the report(s).
#include "cli/check_files.hpp"
#include "cli/commands.hpp"
#include "cli/fix_totals.hpp"
#include "cli/lint_files.hpp"
#include "cli/named_inputs.hpp"
#include "cli/output_path.hpp"
#include "cli/outputs.hpp"
#include "cli/projects.hpp"
#include "cli/selection.hpp"

#include <wxlint/config.hpp>
#include <wxlint/report.hpp>

#include <algorithm>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <system_error>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint::cli {
namespace {

// What the exiting process frees anyway: the catalogue and a big batch's reports are tens
// of thousands of allocations, which took longer to free one by one than to write the report.
struct Leftovers {
  std::unique_ptr<Projects> projects;
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

// Filters with the baseline, and says which of its entries are fixed and whether it is
// worth regenerating.
// `rules` and `selection`: an entry of a rule that --select or --ignore leaves out is not fixed,
// nor one that a config turns off or ignores (in any file: a run cannot tell it is gone), nor,
// on a run without an org snapshot, one of a rule that only a snapshot makes find.
void report_baseline(const std::string& path, const Baseline& baseline, std::vector<FileReport>& reports,
                     const std::vector<RuleDoc>& rules, const Selection& selection, const Projects& projects) {
  std::map<std::string, const RuleDoc*, std::less<>> by_id;
  for (const auto& r : rules) by_id.emplace(r.id, &r);
  const bool with_snapshot = std::ranges::any_of(projects.all(), [](const auto& p) { return !p.config.options.snapshot.empty(); });
  const auto left_out = [&](const std::string& name) {
    return std::ranges::any_of(projects.all(), [&](const auto& p) {
      return p.config.options.disabled.contains(name) ||
             std::ranges::any_of(p.config.ignore, [&](const IgnoreEntry& e) { return e.rule == name; });
    });
  };
  const auto reported = [&](std::string_view rule) {
    const auto at = by_id.find(rule);
    const RuleDoc* doc = at != by_id.end() ? at->second : nullptr;
    if (doc && !with_snapshot && (doc->check == "snapshot-lookup" || doc->id.starts_with("snapshot/"))) return false;
    if (left_out(std::string(rule)) || (doc && left_out(doc->code))) return false;
    return selection.shows(doc ? doc->code : std::string(), std::string(rule));
  };
  const Baseline::Outcome outcome = baseline.apply(reports, reported);
  if (baseline.version() == 1)
    print_error(path + " is a version 1 baseline (findings keyed by array index): it still works; "
                "regenerate it with --generate-baseline to key findings by item identity");
  if (outcome.fixed == 1) print_error("1 baseline entry is fixed: regenerate the baseline to drop it");
  if (outcome.fixed > 1)
    print_error(std::to_string(outcome.fixed) + " baseline entries are fixed: regenerate the baseline to drop them");
}


// Outputs a mode would not write: refused, as a missing report would fail a later step.
std::string unwritten_outputs(const CheckOptions& o) {
  const bool reports = !o.outputs.empty() || !o.output_formats.empty();
  if (o.diff && (reports || !o.generate_baseline.empty()))
    return "--diff prints the diff alone: it writes no report (-o, --output-format) and no baseline "
           "(--generate-baseline)";
  if (!o.generate_baseline.empty() && reports)
    return "--generate-baseline records the findings and writes no report (-o, --output-format): run check "
           "again with the baseline for the report";
  if (o.fix && o.generate_baseline == "-" && (o.paths.empty() || std::ranges::count(o.paths, std::string("-")) > 0))
    return "--fix writes the fixed standard input to standard output: --generate-baseline - would be mixed into it";
  return "";
}

// Who reads stdin, when more than one does: "2 paths", "a path, --config".
std::string stdin_readers(const CheckOptions& o, bool payload_by_default) {
  const auto count = [](const std::vector<std::string>& v) { return std::ranges::count(v, std::string("-")); };
  const auto paths = count(o.paths), rules = count(o.rules);
  if (paths + rules + (o.config == "-") + (o.baseline == "-") < 2) return "";
  std::vector<std::string> who;
  if (payload_by_default) who.emplace_back("the payload, as no path is given");
  else if (paths > 0) who.push_back(paths == 1 ? "a path" : std::to_string(paths) + " paths");
  if (o.config == "-") who.emplace_back("--config");
  if (rules > 0) who.push_back(rules == 1 ? "--rules" : "--rules " + std::to_string(rules) + " times");
  if (o.baseline == "-") who.emplace_back("--baseline");
  std::string out;
  for (const std::string& w : who) out += (out.empty() ? "" : ", ") + w;
  return out;
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
  if (const std::string conflict = unwritten_outputs(o); !conflict.empty()) {
    print_error(conflict);
    return kExitUsage;
  }
  refuse_missing_inputs(o);
  refuse_bad_region(o.region);
  if (o.paths.empty()) {
    // Reading a terminal would wait for input that never comes: ask for paths instead.
    if (isatty(STDIN_FILENO)) {
      print_error("no paths given; pass files or directories, or - to read stdin");
      return kExitUsage;
    }
    // Nothing to read: xargs with no input runs wxlint once, with no paths, on /dev/null.
    if (struct stat st {}; ::fstat(STDIN_FILENO, &st) == 0 &&
                           (S_ISCHR(st.st_mode) || (S_ISREG(st.st_mode) && st.st_size == 0))) {
      print_error("no paths given, and standard input is empty; pass files or directories, or - to lint standard "
                  "input even so (with xargs, -r runs nothing when there is no input)");
      return kExitUsage;
    }
    o.paths = {"-"};
  }
  // The second reader would get an empty stream: an empty payload, config or rule file.
  if (const std::string readers = stdin_readers(o, options.paths.empty()); !readers.empty()) {
    print_error("- (standard input) is named more than once (" + readers + "): it can be read only once");
    return kExitUsage;
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
  Projects& projects = *(leftovers().projects = std::make_unique<Projects>(o));
  if (unknown_operation(o.operation, projects.linter(0))) return kExitUsage;
  const Severity threshold = *parse_severity(o.fail_on);
  std::vector<FileReport> reports;
  const ExpandedPaths expanded = expanding.get();
  std::vector<std::string> not_linted = expanded.errors;  // also in the reports that can say so
  for (const auto& error : expanded.errors) print_error(error);
  std::vector<std::string> files = expanded.files;
  drop_repeated_files(files);
  std::vector<std::size_t> owner = projects.assign(files);  // files[i]'s project
  const bool found = !files.empty();
  drop_own_files(o, projects, files, owner);
  bool unreadable = !expanded.errors.empty();
  // A pipeline pointed at the wrong directory must not pass silently; a commit that stages
  // only wxlint's own files (a new .wxlint.json) has no payload to lint, and passes.
  if (files.empty() && !(found && !unreadable && only_files_named(o.paths))) {
    if (!unreadable) print_error("no *.json files found in the given paths");
    return kExitUsage;
  }
  const std::optional<Outputs> outputs = plan_outputs(o);
  if (!outputs) return kExitUsage;
  // A report must never replace what it reports on, nor the baseline, config, rules or
  // snapshot it used; nor go where it cannot be written after --fix has written.
  std::vector<std::string> inputs = files;
  if (!o.baseline.empty()) inputs.push_back(o.baseline);
  if (!o.rules_dir.empty()) inputs.push_back(o.rules_dir);
  for (const Project& p : projects.all()) {
    if (!p.config.path.empty()) inputs.push_back(p.config.path);
    inputs.insert(inputs.end(), p.config.options.rule_files.begin(), p.config.options.rule_files.end());
    inputs.insert(inputs.end(), p.config.options.snapshot.begin(), p.config.options.snapshot.end());
  }
  const bool baseline_to_stdout = o.generate_baseline == "-";
  std::vector<std::string> written;
  if (!o.generate_baseline.empty() && !baseline_to_stdout) written.push_back(o.generate_baseline);
  else if (o.generate_baseline.empty()) for (const auto& f : outputs->files) written.push_back(f.path);
  for (const auto& path : written) refuse_input_as_output(path, inputs), refuse_unwritable(path);
  if (!o.generate_baseline.empty() && !baseline_to_stdout) refuse_replacing_non_baseline(o.generate_baseline);
  // Loaded now: a broken baseline stops the run before --fix writes.
  std::optional<Baseline> baseline;
  if (!o.baseline.empty()) baseline = Baseline::load(o.baseline);
  std::optional<Selection> selection;
  const auto select = [&](const std::vector<RuleDoc>& all) { return bool(selection = selection_of(o, all)); };
  LintJob job{o.operation, o.stdin_filename, *jobs, o.fix, o.unsafe_fixes, o.diff, {}};
  // --fix fixes what the report shows: the filters below, in their order (--only-payloads
  // drops only files without a fix).
  job.shown = [&](const Config& config, FileReport& report) {
    config.apply_ignores({&report, 1});
    selection->apply({&report, 1});
    if (baseline) baseline->filter({&report, 1});
  };
  FixTotals fixed;
  // --fix of stdin: stdout is the fixed text's, also when there is none (exit 2 says why).
  fixed.to_stdout = o.fix && !o.diff && std::ranges::count(files, std::string("-")) > 0;
  std::vector<std::size_t> report_owner;  // reports[i]'s project
  std::vector<LintOutcome> outcomes(files.size());
  std::vector<RuleDoc> merged;
  const std::vector<RuleDoc>* rules = nullptr;
  if (!lint_by_group(projects, files, owner, job, outcomes, rules, merged, select)) return kExitUsage;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    LintOutcome& outcome = outcomes[i];
    fixed.take(outcome);
    // The other files are still linted; a file whose fixes could not be written has its findings.
    if (!outcome.report || !outcome.error.empty())
      print_error(outcome.error), not_linted.push_back(outcome.error), unreadable = true;
    if (outcome.report) {
      reports.push_back(std::move(*outcome.report));
      report_owner.push_back(owner[i]);
    }
  }
  if (o.diff) return fixed.report_diff(unreadable, o.exit_zero);
  apply_ignores(projects, report_owner, reports);
  selection->apply(reports);
  if (o.only_payloads) {  // reports and report_owner stay side by side
    std::size_t kept = 0;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      // Piped in, a text is given as a payload whatever its size.
      const bool piped = reports[i].path == (o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename);
      if (passed_over(projects.all()[report_owner[i]].config, reports[i], piped || !o.operation.empty())) continue;
      if (kept != i) reports[kept] = std::move(reports[i]), report_owner[kept] = report_owner[i];
      ++kept;
    }
    reports.resize(kept);
    report_owner.resize(kept);
  }

  if (!o.generate_baseline.empty()) {
    // Without the findings of a file not linted, the baseline would drop that file's entries:
    // they would all be new on the next run.
    if (unreadable) {
      print_error("the baseline was not written: " + std::to_string(not_linted.size()) +
                  (not_linted.size() == 1 ? " file" : " files") + " could not be linted");
      return kExitUsage;
    }
    // "-" is stdout, as for -o; file paths are then relative to the working directory.
    Baseline b = Baseline::from_reports(reports, baseline_to_stdout ? dir_of("-") : dir_of(o.generate_baseline));
    if (baseline_to_stdout) std::cout << b.to_json();
    else b.save(o.generate_baseline);
    print_error("recorded " + std::to_string(b.size()) + (b.size() == 1 ? " finding in " : " findings in ") +
                (baseline_to_stdout ? std::string("<stdout>") : o.generate_baseline));
    return unreadable ? kExitUsage : kExitClean;
  }
  if (baseline) {
    report_baseline(o.baseline, *baseline, reports, *rules, *selection, projects);
    // Linted with every finding listed, for the baseline: what it left is capped now.
    for (std::size_t i = 0; i < reports.size(); ++i)
      cap_findings(reports[i], projects.max_findings_per_rule(projects.all()[report_owner[i]].group));
  }

  ReportContext ctx;
  ctx.rules = rules;
  ctx.summary = !o.quiet;
  ctx.base_dir = repository_root();
  ctx.fail_on = threshold;
  ctx.not_linted = std::move(not_linted);
  for (const auto& f : outputs->files) write_file_atomically(f.path, render_report(f.format, reports, ctx));
  const Format terminal = outputs->terminal;
  // stdin fixed: stdout holds the fixed text, so the report goes to stderr.
  std::ostream& report_out = fixed.to_stdout ? std::cerr : std::cout;
  const std::string resume = terminal == Format::text ? pause_workflow_commands(report_out, reports) : "";
  if (terminal == Format::text)
    write_terminal_text(o, reports, ctx.summary, report_out, fixed.to_stdout ? STDERR_FILENO : STDOUT_FILENO);
  else report_out << render_report(terminal, reports, ctx);
  // The summary counts what was checked: a run that failed must not read as a clean one.
  if (terminal == Format::text && ctx.summary && !ctx.not_linted.empty())
    report_out << ctx.not_linted.size() << (ctx.not_linted.size() == 1 ? " path" : " paths")
               << " failed (see above): exit code 2\n";
  // Statistics are text: after a text report on stdout, else on stderr so that
  // machine-readable stdout stays parseable.
  // A text summary has said "no findings" already.
  const bool none = std::all_of(reports.begin(), reports.end(), [](const FileReport& r) { return r.diagnostics.empty(); });
  if (o.statistics && !(none && terminal == Format::text && ctx.summary))
    (terminal == Format::text ? report_out : std::cerr) << to_statistics(reports);
  report_out << resume;
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
