#include "cli/checked_stdout.hpp"
#include "cli/commands.hpp"
#include "formats/numbering_plan.hpp"
#include "cli/completions.hpp"
#include "cli/raw_args.hpp"
#include "cli/outputs.hpp"
#include "cli/unknown_command.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <new>
#include <string>
#include <vector>

namespace {

// An empty value (an unset shell variable) is refused: taken as "not given", --baseline ""
// would report every finding and --generate-baseline "" write nothing, and say nothing of it.
CLI::Validator non_empty(const std::string& what) {
  return CLI::Validator([what](std::string& v) { return v.empty() ? "the value is empty: give " + what : std::string(); }, "");
}

// An option taking one of `names`. Empty is refused as non_empty refuses it: IsMember alone
// says "--format:  not in {...}", which does not say the value was empty.
CLI::Option* one_of(CLI::Option* o, const std::vector<std::string>& names) {
  std::string listed;
  for (std::size_t i = 0; i < names.size(); ++i) listed += (i == 0 ? "" : i + 1 < names.size() ? ", " : " or ") + names[i];
  return o->check(non_empty(listed))->check(CLI::IsMember(names));
}

// "--select 'WX2002, WX2004'": the space after a comma is the list's, not the name's.
const CLI::Validator trimmed([](std::string& v) {
  const auto first = v.find_first_not_of(" \t");
  v = first == std::string::npos ? std::string() : v.substr(first, v.find_last_not_of(" \t") - first + 1);
  return std::string();
}, "");

// `report`: set when the command writes a report (check, snapshot info), whose reader must get it whole.
int run(int argc, char** argv, bool& report) {
  using namespace wxlint::cli;
  CLI::App app{"wxlint: lint Webex API request payloads offline, before the API is called."};
  // The plan's metadata decides which numbers are valid, so it is part of the version; a module
  // that cannot be loaded judges none, and saying its metadata would hide that. Loaded only here.
  const auto version = [] {
    std::string v = std::string("wxlint ") + WXLINT_VERSION + "\nnumbering plans: ";
    if (std::string why = wxlint::formats::plan::unavailable_reason(); !why.empty()) return v + "unavailable (" + why + ")";
    return v + "libphonenumber " + std::string(wxlint::formats::plan::metadata_version()) + " metadata";
  };
  app.set_version_flag("--version", version);
  app.require_subcommand(1);
  // As every other error of wxlint's is worded; set first, as subcommands copy it when made.
  app.failure_message([](const CLI::App* a, const CLI::Error& e) { return "wxlint: " + CLI::FailureMessage::simple(a, e); });

  CheckOptions check;
  auto* c = app.add_subcommand("check", "Lint JSON payloads (files, directories searched for *.json, or - for stdin).");
  c->add_option("paths", check.paths, "Files, directories or - (stdin; the default when stdin is not a terminal)");
  std::vector<std::string> names;
  for (const auto& f : wxlint::output_formats()) names.emplace_back(f.name);
  one_of(c->add_option("--format,-f", check.formats, "Output format: " + format_names() + " (default: github under GitHub Actions, else text)"),
         names)->allow_extra_args(false);
  c->add_option("--output,-o", check.outputs,
                "Write the report to FILE (atomically; - is stdout); the terminal still gets text. Repeatable: the "
                "i-th -f goes to the i-th -o")
      ->check(non_empty("a file, or - for stdout"))->allow_extra_args(false);
  c->add_option("--output-format", check.output_formats,
                "FORMAT=FILE: also write FORMAT to FILE (repeatable; FILE - is stdout instead of the terminal's format)")
      ->allow_extra_args(false);
  c->footer(format_table());
  c->add_flag("--statistics", check.statistics, "After the report, count the findings per code");
  c->add_option("--operation", check.operation, "Lint as this operationId instead of detecting it")
      ->check(non_empty("an operationId"));
  c->add_option("--rules-dir", check.rules_dir, "Load schemas and rules from this directory instead of the built-in ones")
      ->check(non_empty("a directory"));
  c->add_option("--rules", check.rules, "Add this rule file on top of the rules (repeatable; after the config's)")
      ->check(non_empty("a rule file"))->allow_extra_args(false);
  one_of(c->add_option("--fail-on", check.fail_on, "Exit 1 when a finding is at or above this severity (default: error)"),
         {"error", "warning", "info"});
  c->add_flag("-q,--quiet", check.quiet, "Print findings only, no summary");
  c->add_option("--select", check.select, "Report only these rules (codes or rule ids, comma-separated)")
      ->delimiter(',')->allow_extra_args(false)->transform(trimmed);
  c->add_option("--ignore", check.ignore, "Do not report these rules (codes or rule ids, comma-separated)")
      ->delimiter(',')->allow_extra_args(false)->transform(trimmed);
  c->add_flag("--only-payloads", check.only_payloads,
             "Pass over JSON files that match no operation (package.json...) unless the config sets operation/undetected");
  one_of(c->add_option("--color", check.color,
                       "auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR is), always or never; a terminal also "
                       "gets the source under each finding"),
         {"auto", "always", "never"});
  c->add_flag("--exit-zero", check.exit_zero, "Exit 0 even when findings are at or above --fail-on");
  c->set_version_flag("--version", version);
  auto* cfg = c->add_option("--config", check.config, "Use this config file for every file instead of the nearest .wxlint.json above each")
                  ->check(non_empty("a config file"));
  c->add_flag("--no-config", check.no_config, "Do not search for .wxlint.json")->excludes(cfg);
  c->add_option("--allowed-sources", check.allowed_sources, "Contact sources the organisation may use, e.g. CH,Webex4Broadworks")
      ->delimiter(',')->allow_extra_args(false)->transform(trimmed);
  auto* gen = c->add_option("--generate-baseline", check.generate_baseline, "Record the current findings in FILE (- for stdout) and exit 0")
                  ->check(non_empty("a file, or - for stdout"));
  c->add_option("--baseline", check.baseline, "Report only findings that FILE (from --generate-baseline) does not hold")
      ->check(non_empty("a baseline file"))->excludes(gen);
  c->add_option("-j,--jobs", check.jobs, "Files linted in parallel (default: one per core)")
      ->check(non_empty("a whole number of at least 1"));
  c->add_option("--stdin-filename", check.stdin_filename, "The name of stdin (-) in reports, for editors")
      ->check(non_empty("a name"));
  c->add_flag("--fix", check.fix, "Apply the safe fixes in place (stdin: fixed text to stdout); report what remains");
  c->add_flag("--unsafe-fixes", check.unsafe_fixes, "With --fix or --diff: the unsafe fixes too");
  c->add_flag("--diff", check.diff, "Print the fixes as a unified diff; write nothing");
  c->add_option("--snapshot", check.snapshot,
                "An org snapshot: a saved list response, or a directory of them (repeatable; replaces the config's)")
      ->allow_extra_args(false);
  c->add_option("--region", check.region,
                "Read national-format phone numbers in this region (US, GB...) unless the snapshot gives the location's")
      ->check(non_empty("a region code (US, GB...)"));

  RulesOptions rules;
  auto* r = app.add_subcommand("rules", "List every rule: code, severity, id and summary.");
  one_of(r->add_option("--format,-f", rules.format, "text, json or markdown"), {"text", "json", "markdown"});
  r->add_option("--rules-dir", rules.rules_dir, "Load rules from this directory")->check(non_empty("a directory"));
  r->add_option("--rules", rules.rules, "Add this rule file on top of the rules (repeatable)")
      ->check(non_empty("a rule file"))->allow_extra_args(false);
  r->add_option("--config", rules.config, "Use this config file's rules and overrides (default: the nearest .wxlint.json)")
      ->check(non_empty("a config file"));
  r->add_flag("--no-config", rules.no_config, "Use no .wxlint.json")->excludes("--config");

  RulesOptions explain;
  auto* e = app.add_subcommand("explain", "Show one rule's documentation, by code or rule id.");
  e->add_option("code", explain.query, "A code (1026016, WX0001) or a rule id")->required();
  e->add_option("--rules-dir", explain.rules_dir, "Load rules from this directory")->check(non_empty("a directory"));
  e->add_option("--rules", explain.rules, "Add this rule file on top of the rules (repeatable)")
      ->check(non_empty("a rule file"))->allow_extra_args(false);
  e->add_option("--config", explain.config, "Use this config file's rules and overrides (default: the nearest .wxlint.json)")
      ->check(non_empty("a config file"));
  e->add_flag("--no-config", explain.no_config, "Use no .wxlint.json")->excludes("--config");

  SnapshotOptions snapshot;
  auto* s = app.add_subcommand("snapshot", "Take or inspect an org snapshot (saved Webex list responses).");
  s->require_subcommand(1);
  auto* si = s->add_subcommand("info", "What a snapshot holds: kinds, counts, age and its own inconsistencies.");
  si->add_option("paths", snapshot.paths,
                 "Snapshot files or directories (default: the \"snapshot\" of the nearest .wxlint.json)");
  si->add_option("--region", snapshot.region,
                 "Read national-format phone numbers in this region (US, GB...) unless the snapshot gives the location's")
      ->check(non_empty("a region code (US, GB...)"));
  one_of(si->add_option("--format,-f", snapshot.format, "text, or json for scripts"), {"text", "json"});
  // Its options (and --help) are the wxlint-snapshot-pull script's: all passed through.
  auto* sp = s->add_subcommand("pull", "Take a snapshot: save the org's Webex list responses into --out DIR "
                                       "(token from WEBEX_ACCESS_TOKEN; --help for more).");
  sp->prefix_command();
  sp->set_help_flag();

  // Generated from the definitions above: hidden (no group), for packagers and CMake's install.
  std::string shell;
  auto* comp = app.add_subcommand("completions", "Print a shell completion script (bash, zsh or fish).")->group("");
  one_of(comp->add_option("shell", shell, "bash, zsh or fish")->required(), {"bash", "zsh", "fish"});
  auto* man = app.add_subcommand("man", "Print the man page (roff).")->group("");

  if (const auto unknown = unknown_command(app, argc, argv)) {
    print_error(*unknown);
    return kExitUsage;
  }
  std::vector<std::string> after_marker;
  try {
    std::vector<std::string> args = split_empty_values(app, argc, argv);
    after_marker = take_after_marker(args);
    std::vector<char*> pointers;
    for (std::string& a : args) pointers.push_back(a.data());
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::ParseError& err) {
    if (const auto hint = unknown_option(app, err)) {
      print_error(*hint);
      return kExitUsage;
    }
    int rc = app.exit(err);
    return rc == 0 ? 0 : kExitUsage;
  }
  if (!after_marker.empty()) {  // operands of the command's
    if (*c) {
      check.paths.insert(check.paths.end(), after_marker.begin(), after_marker.end());
    } else if (*si) {
      snapshot.paths.insert(snapshot.paths.end(), after_marker.begin(), after_marker.end());
    } else {
      print_error("the operand " + after_marker.front() + " was not expected: only check and snapshot info take paths after --");
      return kExitUsage;
    }
  }
  try {
    report = *c || *si;
    if (*c) return run_check(check);
    if (*r) return run_rules(rules);
    if (*e) return run_explain(explain);
    if (*si) return run_snapshot_info(snapshot);
    if (*sp) run_snapshot_pull(sp->remaining());
    if (*comp) return std::cout << *completion_script(app, shell), kExitClean;
    if (*man) return std::cout << man_page(app), kExitClean;
  } catch (const wxlint::ConfigError& err) {
    print_error(err.what());
    return kExitUsage;
  } catch (const wxlint::IoError& err) {
    print_error(err.what());
    return kExitUsage;
  } catch (const OutOfMemory& err) {
    print_error(err.what());
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    print_error("out of memory; lint fewer files at once (-j 1), or give wxlint more memory");
    return kExitUsage;
  } catch (const std::exception& err) {
    print_error(std::string("internal error: ") + err.what());
    return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that goes away (`| head`) is a write error, exit 2, not death by SIGPIPE (141).
  std::signal(SIGPIPE, SIG_IGN);
  wxlint::cli::CheckedStdout out;
  bool report = false;
  const int status = run(argc, argv, report);
  const int error = out.finish();
  // `wxlint rules | head`: a reader that has read enough of a listing is no failure.
  if (error == EPIPE && !report) return status;
  if (error) {
    std::cerr << "wxlint: cannot write the report to stdout: " << std::strerror(error) << "\n";
    return wxlint::cli::kExitUsage;
  }
  return status;
}
