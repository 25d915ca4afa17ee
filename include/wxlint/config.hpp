// The project configuration (.wxlint.json) and baselines: what other tools built on the
// library need to behave like `wxlint check`. Errors are thrown as ConfigError / IoError
// naming the file and the place ("file:line:col: pointer: problem").
#pragma once

#include <wxlint/diagnostic.hpp>
#include <wxlint/linter.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace wxlint {

inline constexpr std::string_view kConfigFileName = ".wxlint.json";

// Globs for paths and JSON Pointers: `*` and `?` stay within one '/'-separated segment,
// `**` crosses segments ("**/" may also match nothing), `[abc]`, `[a-z]` and `[!a]` are
// classes, `\` escapes the next character.
bool glob_match(std::string_view pattern, std::string_view text);

// `path` relative to `base_dir`, '/'-separated ("../x.json" when it is outside).
std::string relative_to(const std::string& path, const std::string& base_dir);

struct IgnoreEntry {
  std::string files;    // glob on the path relative to the config file's directory; "" = any file
  std::string pointer;  // glob on the finding's pointer or one of its ancestors; "" = anywhere
  std::string rule;     // rule id or code; "" = every rule
};

// "operations": {"people/**/*.json": "Create a Person"}: files that are linted as an operation.
struct OperationGlob {
  std::string files;      // glob on the path relative to the config file's directory
  std::string operation;  // operationId or rule file name
};

class OperationGlobs;  // compiled (src/config/operation_globs.cpp)

struct Config {
  std::string path;      // where it was read from; "" when there is none
  std::string base_dir;  // the directory file globs are relative to
  LinterOptions options;
  std::vector<IgnoreEntry> ignore;
  std::vector<OperationGlob> operation_globs;
  std::vector<std::string> operation_glob_origins;  // operation_globs[i]'s place
  // Option key (rule id/code, setting name) -> its place in the file, for errors found later.
  std::map<std::string, std::string> origins;
  std::vector<std::string> ignore_origins;  // ignore[i]'s place
  std::map<std::string, std::string> snapshot_origins;  // a "snapshot" path (as in options) -> its place
  std::set<std::string> turned_on;  // rule ids or codes set "on": no option, but named, they must exist

  bool ignored(const std::string& file, const Diagnostic& d) const;
  // The operation the first "operations" glob matching `file` names, or "".
  std::string operation_for(const std::string& file) const;
  // Removes ignored findings; returns how many were removed.
  std::size_t apply_ignores(std::span<FileReport> reports) const;
  // The embedded catalogue, or the one in rules_dir, with these options. Unknown rule ids,
  // codes, settings and operations are reported at their place in the config file.
  Linter make_linter(const std::string& rules_dir = {}) const;
  // Throws ConfigError, at its place in the file, for a "snapshot" path of the file that does
  // not exist (one that replaced the file's list is the caller's to report). make_linter() does.
  void check_snapshot_paths() const;
  // Where this file names the snapshot path a loader's message starts with ("DIR: no *.json
  // snapshot files"), for saying it at that place; nullopt when the path is not from here.
  std::optional<std::string> snapshot_place(std::string_view message) const;
  // The files of the run it configures that are not payloads: itself, its snapshot paths (the
  // file's own too, when --snapshot replaced them) and rule files (`wxlint check` and
  // wxlint_lint_paths pass over them).
  std::vector<std::string> own_files() const;
  // What make_linter() checks once the linter is built: the operations of "operations"
  // globs and the rules of "ignore" entries, against a linter built from equal options.
  void check_names(const Linter& linter) const;

  std::shared_ptr<const OperationGlobs> compiled_operation_globs;  // set by parse_config
};

// The nearest .wxlint.json in start_dir ("" = the working directory) or one of its parents.
// Throws ConfigError when that file is not yours (nor root's), others may write it, or it is
// not a file that can be read (a dangling or looping link, a directory, a FIFO, a device):
// the search does not pass over it to one above.
std::optional<std::string> find_config(const std::string& start_dir = {});
// Parses and validates against schemas/wxlint.config.schema.json. `name` is used in errors.
Config parse_config(std::string text, const std::string& name, const std::string& base_dir);
Config load_config(const std::string& path);
// load_config() of a file find_config() found: its rule files, the schemas beside them and
// its snapshot's files are refused as that file would be (not yours, or others may write them).
Config load_found_config(const std::string& path);

// Files to lint for the given paths: files as given, directories searched recursively
// for *.json (sorted, hidden directories and files skipped), "-" for stdin. A directory that cannot
// be read is an error ("DIR: cannot read directory: why"); the others are still searched.
struct ExpandedPaths {
  std::vector<std::string> files;
  std::vector<std::string> errors;
};
ExpandedPaths expand_paths(const std::vector<std::string>& paths);
// A file named twice (d.json ./d.json, a hard link, a directory and a file in it) is kept
// once, where it came first: linted, and fixed, once.
void drop_repeated_files(std::vector<std::string>& files);
// Removes the files inside the snapshot's paths: they are not payloads, so
// `check --snapshot examples/snapshot examples/` lints the examples only.
void drop_snapshot_files(std::vector<std::string>& files, const std::vector<std::string>& snapshot);

// Findings recorded earlier: keys are file (relative to the baseline's directory), rule,
// identity key (Diagnostic::key: array items by their identity, not their index) and a hash
// of the message with its numbers taken out, so moving lines, inserting or reordering items
// and changing counts keep them. Versions 1 (keyed by pointer) and 2 (only line numbers and
// indexes out of the message) are still read.
class Baseline {
 public:
  static constexpr int kVersion = 3;  // written by from_reports()
  struct Key {
    std::string file, rule, pointer, message;  // pointer: the identity key (version 1: the pointer)
    auto operator<=>(const Key&) const = default;
  };
  struct Outcome {
    std::size_t removed = 0;  // findings the baseline held
    std::size_t fixed = 0;    // entries (counted) for linted files that matched nothing
  };

  static Baseline from_reports(const std::vector<FileReport>& reports, const std::string& base_dir);
  static Baseline load(const std::string& path);  // base_dir = the file's directory
  static Key key(const std::string& file, const Diagnostic& d, const std::string& base_dir, int version = kVersion);

  std::string to_json() const;  // one finding per line, sorted, for readable diffs
  void save(const std::string& path) const;  // atomically
  // Removes findings the baseline holds (each entry absorbs as many as it counted). An entry
  // left over is fixed only where the run could have found it again: in a file linted as an
  // operation (one that no longer parses tells nothing), and of a rule `reported` says the
  // run reports (--select, say, leaves others out; none given: every rule).
  Outcome apply(std::span<FileReport> reports, const std::function<bool(std::string_view rule)>& reported) const;
  Outcome apply(std::span<FileReport> reports) const;  // every rule reported
  std::size_t filter(std::span<FileReport> reports) const;  // apply(reports).removed
  std::size_t size() const;
  int version() const { return version_; }

 private:
  static Baseline load_text(const std::string& path, std::string text);  // load() once read

  std::string base_dir_;
  int version_ = kVersion;
  std::map<Key, std::size_t> counts_;
};

}  // namespace wxlint
