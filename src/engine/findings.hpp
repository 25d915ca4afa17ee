// Collects a file's findings from every layer, then places them (pointer -> line:column,
// in one scan of the text) and renders their messages.
#pragma once

#include "document/document.hpp"
#include "engine/check.hpp"

#include <wxlint/diagnostic.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

class Catalogue;

// The builtin rule id for a schema keyword ("required" -> "schema/required").
std::string_view schema_rule_id(std::string_view keyword);

class FindingList {
 public:
  explicit FindingList(const Catalogue& catalogue) : catalogue_(catalogue) {}
  // `prefix` is the pointer of the linted request within the file ("" for a bare payload).
  void add(Finding f, const std::string& prefix);
  void add_issue(const ParseIssue& issue);
  void add_builtin(std::string_view rule_id, std::string pointer,
                   std::vector<std::pair<std::string, std::string>> args);
  std::vector<Diagnostic> finish(const Document& doc);

 private:
  struct Placed {
    Finding finding;
    std::size_t offset = SIZE_MAX;  // known up front for parser findings
  };
  const Catalogue& catalogue_;
  std::vector<Placed> items_;
};

// Replaces {name} placeholders; unknown names are left as they are.
std::string render(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace wxlint
