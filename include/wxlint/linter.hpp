// The wxlint library entry point: load a rule catalogue once, lint many payloads.
// The library never prints and never exits; problems with the catalogue or with
// paths are thrown as wxlint::ConfigError / wxlint::IoError (see error.hpp).
#pragma once

#include <wxlint/catalogue.hpp>
#include <wxlint/diagnostic.hpp>
#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

struct LinterOptions {
  // Overrides of the rule files' settings, as JSON text: "maxUsers" -> "50",
  // "allowedSources" -> "[\"CH\"]". A key "operationId/name" applies to one operation only.
  std::map<std::string, std::string> settings;
  std::set<std::string> disabled;              // rule ids or codes
  std::map<std::string, Severity> severities;  // rule id or code -> severity
  // An org snapshot for the rules that consult one: files or directories (searched for
  // *.json) that the Linter loads once, or a Snapshot already loaded. Not both.
  std::vector<std::string> snapshot;
  Snapshot snapshot_data;
  // The region ("US", "GB") national-format phone numbers are read in, where the payload
  // names no location of the snapshot with a country; "" none. Unknown regions: ConfigError.
  std::string region;
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
  // empty means: detect it (example envelope, then the payload's shape). Thread-safe.
  FileReport lint(std::string text, std::string path, std::string_view operation = {}) const;
  // Read and lint a file ("-" is standard input). Throws IoError when it cannot be read.
  FileReport lint_file(const std::string& path, std::string_view operation = {}) const;

  std::vector<OperationDoc> operations() const;
  // By operationId or rule file name (OperationDoc::name).
  bool has_operation(std::string_view id) const;
  // The operations for a message: "\"Bulk Create or Update Contacts\" (bulkCreateOrUpdateContacts), ...".
  std::string known_operations() const;
  // Every rule, builtin ones first, then per operation in file order.
  const std::vector<RuleDoc>& rules() const;

 private:
  struct Impl;
  explicit Linter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads a whole file ("-" = stdin). Throws IoError naming the path and the reason.
std::string read_file(const std::string& path);

}  // namespace wxlint
