// Loads and validates the rule catalogue: rule files, their schemas and the user's options.
#pragma once

#include "engine/rule.hpp"

#include <wxlint/linter.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

struct SourceFile {
  std::string name;  // "rules/x.rules.json" or "schemas/x.schema.json": how a rule file names its schema
  std::string_view text;  // must outlive the Catalogue when it is trusted (lazy schemas)
  std::string path = {};  // where it was read from, for messages; "" for an embedded file: its name
  const std::string& shown() const { return path.empty() ? name : path; }
};

class Catalogue {
 public:
  // Throws ConfigError naming the file and the place of the first problem. `trusted`
  // files (the embedded ones, checked by the test suite) skip the meta-schema and build
  // their operations' schemas on first use, so a cold start pays only for what it lints.
  Catalogue(const std::vector<SourceFile>& files, const LinterOptions& options, bool trusted = false);
  ~Catalogue();

  // By operationId, else by rule file name.
  const Operation* find(std::string_view operation_id) const;
  // Detection (detect.cpp). A bare payload by its shape: the operations that have one of
  // their "detect" key sets all among `root`'s members. One is the answer; several are
  // ambiguous, and the payload needs --operation.
  std::vector<const Operation*> detect(const rapidjson::Value& root) const;
  // An example envelope's operation by its method and path template (a base URL and a query
  // string may surround the template); null when none fits.
  const Operation* by_request(std::string_view method, std::string_view path) const;
  // The operations whose request schemas know the most of `root`'s top-level members, for a
  // payload nothing detects; empty when none knows any.
  std::vector<const Operation*> closest(const rapidjson::Value& root) const;
  // Whether some operation's request schema has this top-level member (then it is no
  // misspelling of a detection key: "emails" of a person is not "email" of a licence request).
  bool known_member(std::string_view name) const;
  // A builtin rule (parser, schema and engine findings); throws if the catalogue lacks it.
  const Rule& builtin(std::string_view id) const;
  // Null when the user disabled it.
  const Rule* builtin_if_enabled(std::string_view id) const;
  // The operation's schema validator (built once, thread-safe), or null when it has none.
  const SchemaValidator* schema(const Operation& op) const;

  // The most findings of one rule a file lists (setting maxFindingsPerRule).
  std::size_t max_findings_per_rule() const { return max_findings_per_rule_; }

  const std::vector<std::unique_ptr<Operation>>& operations() const { return operations_; }
  const std::vector<RuleDoc>& docs() const { return docs_; }
  // A setting of the rule files without an operation (core.rules.json), as an integer.
  long long core_setting_int(std::string_view name, long long fallback) const;

 private:
  std::vector<std::unique_ptr<Operation>> operations_;
  std::map<std::string, std::unique_ptr<Rule>, std::less<>> builtins_;
  std::set<std::string, std::less<>> disabled_builtins_;
  std::vector<RuleDoc> docs_;
  std::map<std::string, long long, std::less<>> core_settings_;
  std::size_t max_findings_per_rule_ = 1000;  // when rules/core.rules.json does not set it
  struct LazySchema {
    std::string name;
    std::string_view text;  // trusted: static
    std::once_flag once;
    std::unique_ptr<SchemaValidator> validator;
  };
  std::map<const Operation*, std::unique_ptr<LazySchema>> lazy_schemas_;
  // The error for a setting key no operation has.
  std::string unknown_setting(const std::string& key) const;

 public:
  // The operations for a message: "\"Bulk Create or Update Contacts\" (bulkCreateOrUpdateContacts), ...".
  std::string known_operations() const;
  // What follows "unknown operation \"x\"": the closest operation, then the known ones.
  std::string operation_hint(std::string_view operation) const;

 private:
  // Each operation's top-level schema members, read on first use.
  const std::map<const Operation*, std::set<std::string, std::less<>>>& members() const;
  mutable std::once_flag members_once_;
  mutable std::map<const Operation*, std::set<std::string, std::less<>>> members_;
};

// Builds a schema's validator; a refused schema is reported as "file:line:col: /pointer: ...".
std::unique_ptr<SchemaValidator> load_schema(std::string_view name, std::string_view text);

// The meta-schema rule files are validated against (schemas/wxlint.rules.schema.json).
inline constexpr std::string_view kRulesMetaSchema = "schemas/wxlint.rules.schema.json";

}  // namespace wxlint
