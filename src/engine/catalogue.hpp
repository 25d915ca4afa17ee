// Loads and validates the rule catalogue: rule files, their schemas and the user's options.
#pragma once

#include "engine/rule.hpp"

#include <wxlint/linter.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

struct SourceFile {
  std::string name;  // "rules/x.rules.json" or "schemas/x.schema.json", used in errors
  std::string text;
};

class Catalogue {
 public:
  // Throws ConfigError naming the file and the place of the first problem.
  Catalogue(const std::vector<SourceFile>& files, const LinterOptions& options);
  ~Catalogue();

  const Operation* find(std::string_view operation_id) const;
  // The first operation whose "detect" keys are all members of `root`.
  const Operation* detect(const rapidjson::Value& root) const;
  // A builtin rule (parser, schema and engine findings); throws if the catalogue lacks it.
  const Rule& builtin(std::string_view id) const;
  // Null when the user disabled it.
  const Rule* builtin_if_enabled(std::string_view id) const;

  const std::vector<std::unique_ptr<Operation>>& operations() const { return operations_; }
  const std::vector<RuleDoc>& docs() const { return docs_; }

 private:
  std::vector<std::unique_ptr<Operation>> operations_;
  std::map<std::string, std::unique_ptr<Rule>, std::less<>> builtins_;
  std::set<std::string, std::less<>> disabled_builtins_;
  std::vector<RuleDoc> docs_;
};

// The meta-schema rule files are validated against (schemas/wxlint.rules.schema.json).
inline constexpr std::string_view kRulesMetaSchema = "schemas/wxlint.rules.schema.json";

}  // namespace wxlint
