// The wxlint command line: one function per subcommand; each returns the exit code.
#pragma once

#include <wxlint/linter.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::cli {

// Exit codes (README "Exit codes").
inline constexpr int kExitClean = 0;     // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitUsage = 2;     // usage error, unreadable path, bad rule/schema/config file

inline constexpr unsigned kMaxJobs = 1024;  // -j: more threads than any machine here has cores

struct CheckOptions {
  std::vector<std::string> paths;
  // -f and -o, repeatable: the i-th -f goes to the i-th -o; one -f without -o is stdout's
  // format (none: github under GitHub Actions, else text).
  std::vector<std::string> formats;
  std::string operation;
  std::string rules_dir;
  std::string fail_on = "error";
  bool quiet = false;
  std::vector<std::string> outputs;  // write the reports here; the terminal gets text
  std::vector<std::string> output_formats;  // --output-format FORMAT=FILE, repeatable
  std::vector<std::string> select, ignore;  // codes or rule ids: report only these / not these
  bool exit_zero = false;                   // findings do not make the exit code 1
  bool only_payloads = false;               // pass over JSON files that match no operation
  std::string color = "auto";               // auto | always | never (NO_COLOR, FORCE_COLOR)
  bool statistics = false;
  std::string config;  // "" = the nearest .wxlint.json above each file (src/cli/projects.hpp)
  bool no_config = false;
  std::vector<std::string> allowed_sources;
  std::string baseline, generate_baseline;
  std::string jobs;    // -j as given: a whole number from 1 to kMaxJobs; "" = one per core
  std::string stdin_filename;
  std::vector<std::string> snapshot;  // replaces the config's "snapshot" when given
  std::vector<std::string> rules;     // rule files added on top (after the config's)
  bool fix = false, unsafe_fixes = false, diff = false;  // docs/fixes.md
  std::string region;                 // replaces the config's "region" when given
};

struct RulesOptions {
  std::string format = "text";  // text | json | markdown
  std::string rules_dir;
  std::string query;            // explain: a code or rule id
  std::vector<std::string> rules;  // rule files added on top
  std::string config;              // --config; else the nearest .wxlint.json, unless no_config
  bool no_config = false;
};

// Memory ran out while loading what every file is linted with (the rules, an org snapshot):
// main() prints the message and exits kExitUsage, as for an unreadable file.
struct OutOfMemory : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Its message for the snapshot at `paths` (none: the rules alone).
std::string out_of_memory_loading(const std::vector<std::string>& paths);

struct SnapshotOptions {
  std::vector<std::string> paths;
  std::string region;  // national-format numbers' region where the snapshot gives none
  std::string format = "text";  // text | json (docs/snapshot.md)
};

// "wxlint: MESSAGE" on stderr, in the terminal display form: messages quote file names,
// config keys and values, which may hold control characters.
void print_error(std::string_view message);

Linter load_linter(const std::string& rules_dir, const LinterOptions& options = {});
int run_check(const CheckOptions& options);
int run_rules(const RulesOptions& options);
int run_explain(const RulesOptions& options);
// `snapshot info`: exit 0 when consistent, 1 when it found inconsistencies.
int run_snapshot_info(const SnapshotOptions& options);
// `snapshot pull ARGS...`: replaces wxlint with the wxlint-snapshot-pull script beside it;
// returns only by throwing IoError when the script cannot be run.
[[noreturn]] void run_snapshot_pull(const std::vector<std::string>& args);

}  // namespace wxlint::cli
