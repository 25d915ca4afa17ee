// The wxlint library entry point: load a rule catalogue once, lint many payloads.
// The library never prints and never exits; problems with the catalogue or with
// paths are thrown as wxlint::ConfigError / wxlint::IoError (see error.hpp).
#pragma once

#include <wxlint/catalogue.hpp>
#include <wxlint/diagnostic.hpp>
#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

// A changed range: bytes [old_offset, old_offset + old_length) of the input became bytes
// [new_offset, new_offset + new_length) of the fixed text; what lies between ranges is the same.
struct Change {
  std::size_t old_offset = 0, old_length = 0, new_offset = 0, new_length = 0;
};

// What Linter::fix did to a text.
struct FixResult {
  std::string text;        // the fixed text (the input itself when no fix applied)
  std::vector<Change> changes;  // sorted, disjoint: for a diff or an editor
  FileReport report;       // the fixed text linted again: what remains
  std::size_t applied = 0; // fixes applied, over all passes
  // Fixes that overlapped one applied before them in the same pass: left out of it and
  // offered again by the next pass's lint (where most apply).
  std::size_t deferred = 0;
  unsigned passes = 0;     // lints that offered fixes; capped at Linter::kMaxFixPasses
  // Fixes turned the text back into what an earlier pass had (two rules that disagree on a
  // value): it stops there, with what was applied until then.
  bool undone = false;
};

// One pass: the fixes of `diagnostics` (safe ones, and with `unsafe` the unsafe ones) applied
// to `text` in the diagnostics' order; a fix overlapping one taken before it, or reaching past
// the text, is left out and its index listed in `skipped`. Nothing else changes, byte for byte.
struct AppliedFixes {
  std::string text;
  std::size_t applied = 0;
  std::vector<std::size_t> skipped;
  std::vector<Change> changes;  // one per edit applied, sorted
};
AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe);

struct LinterOptions {
  // Overrides of the rule files' settings, as JSON text: "maxUsers" -> "50",
  // "allowedSources" -> "[\"CH\"]". A key "operationId/name" (or "ruleFileName/name") applies to
  // one operation only, and wins there over "name".
  std::map<std::string, std::string> settings;
  std::set<std::string> disabled;              // rule ids or codes
  std::map<std::string, Severity> severities;  // rule id or code -> severity
  // An org snapshot for the rules that consult one: files or directories (searched for
  // *.json) that the Linter loads once, or a Snapshot already loaded. Not both.
  std::vector<std::string> snapshot;
  Snapshot snapshot_data;
  // Rule files layered on top of the catalogue (paths, read when the Linter is built). A file
  // whose "operation" is an operationId (a string) adds its rules and settings to that
  // operation; one with an "operation" block adds an operation (its schema beside it).
  std::vector<std::string> rule_files;
  // The region ("US", "GB") national-format phone numbers are read in, where the payload
  // names no location of the snapshot with a country; "" none. Unknown regions: ConfigError.
  std::string region;
  // Every finding listed, past the setting maxFindingsPerRule: for a caller that leaves some
  // out (a baseline's) before it caps the rest with cap_findings().
  bool list_every_finding = false;
};

class Linter {
 public:
  // The catalogue compiled into the library (schemas/ and rules/ at build time).
  static Linter embedded(const LinterOptions& options = {});
  // A directory holding rules/*.rules.json and schemas/*.json (or those files directly).
  static Linter from_directory(const std::string& dir, const LinterOptions& options = {});

  Linter(Linter&&) noexcept;
  Linter& operator=(Linter&&) noexcept;
  ~Linter();

  // Lint JSON text. `path` is only used for display. `operation` forces an operationId;
  // empty means: detect it (example envelope, then the payload's shape); one the catalogue
  // lacks throws ConfigError. Thread-safe.
  FileReport lint(std::string text, std::string path, std::string_view operation = {}) const;
  // Read and lint a file ("-" is standard input, reported as "<stdin>"). Throws IoError when
  // it cannot be read. One larger than the setting maxFileSize is reported (WX0006), and
  // no more of it than that is kept in memory.
  FileReport lint_file(const std::string& path, std::string_view operation = {}) const;
  // The text of `path` ("-": standard input) for fix(), read as lint_file() reads it:
  // nullopt for one larger than maxFileSize, whose report is then put in `too_large`.
  std::optional<std::string> read_within_limit(const std::string& path, FileReport& too_large) const;
  // The setting maxFileSize: the largest text a lint parses.
  unsigned long long max_file_size() const;
  // The setting maxFindingsPerRule: the findings of one rule a file lists.
  std::size_t max_findings_per_rule() const;

  // Lint, apply the offered fixes, lint again, until no fix applies (or kMaxFixPasses):
  // a fix may uncover another (an address escaped three times). Thread-safe.
  // `shown`, when given, removes from a copy of each pass's report the findings the caller
  // would not report (its ignores, a selection, a baseline): only the rest are fixed.
  // FixResult::report is still the whole report.
  static constexpr unsigned kMaxFixPasses = 100;
  using FixFilter = std::function<void(FileReport&)>;
  FixResult fix(std::string text, std::string path, bool unsafe, std::string_view operation = {},
                const FixFilter& shown = {}) const;

  std::vector<OperationDoc> operations() const;
  // By operationId or rule file name (OperationDoc::name).
  bool has_operation(std::string_view id) const;
  // The operations for a message: "\"Bulk Create or Update Contacts\" (bulkCreateOrUpdateContacts), ...".
  std::string known_operations() const;
  // What follows "unknown operation \"x\"" in a message: the closest operation, if one is
  // close, then known_operations().
  std::string operation_hint(std::string_view operation) const;
  // Every rule, builtin ones first, then per operation in file order.
  const std::vector<RuleDoc>& rules() const;

 private:
  // lint() that hands `text` back afterwards instead of copying it (Linter::fix); `all`: past
  // maxFindingsPerRule, the findings with a fix listed too.
  FileReport relint(std::string& text, const std::string& path, std::string_view operation, bool all = false) const;
  struct Impl;
  explicit Linter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads a whole file ("-" = stdin). Throws IoError naming the path and the reason.
std::string read_file(const std::string& path);

// Lists at most `max_per_rule` findings of each rule, as a lint with that maxFindingsPerRule
// does: the rest become one summary finding per rule (Diagnostic::unlisted) at the first of
// them. For reports of a Linter built with LinterOptions::list_every_finding.
void cap_findings(FileReport& report, std::size_t max_per_rule);

}  // namespace wxlint
