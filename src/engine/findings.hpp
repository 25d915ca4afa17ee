// Collects a file's findings from every layer, then places them (pointer -> line:column,
// in one scan of the text) and renders their messages.
#pragma once

#include "document/document.hpp"
#include "engine/check.hpp"

#include <wxlint/diagnostic.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wxlint {

class Catalogue;
class DuplicatedKeys;

// 3299000 -> "3,299,000".
std::string grouped(std::size_t n);

// The message of a rule's summary finding: `unlisted` more, after `listed` listed.
std::string unlisted_message(std::size_t unlisted, std::size_t listed);

// The builtin rule id for a schema keyword ("required" -> "schema/required").
std::string_view schema_rule_id(std::string_view keyword);

// Lists at most `max_per_rule` findings of each rule in a file, in the order they come;
// the rest are only counted, into one summary finding per rule placed at the first of
// them (Diagnostic::unlisted), so that no input makes a file's findings outgrow it.
class FindingList {
 public:
  // `fixable_past_max`: past max_per_rule, a finding with a fix is listed all the same (the
  // passes of Linter::fix), the others counted.
  FindingList(const Catalogue& catalogue, std::size_t max_per_rule, bool fixable_past_max = false)
      : catalogue_(catalogue), max_(max_per_rule), fixable_past_max_(fixable_past_max) {}
  // `prefix` is the pointer of the linted request within the file ("" for a bare payload).
  // A tally (Finding::unlisted) is counted, not listed.
  void add(Finding f, const std::string& prefix);
  void add_issue(const ParseIssue& issue);
  void add_builtin(std::string_view rule_id, std::string pointer,
                   std::vector<std::pair<std::string, std::string>> args);
  // The most findings of one rule it lists (the walkers count past it).
  std::size_t max_per_rule() const { return max_; }
  // Whether it lists the findings with a fix past max_per_rule (the walkers then hand it all
  // theirs, and it counts those without one).
  bool fixable_past_max() const { return fixable_past_max_; }
  // Whether the next finding of the rule would be listed, not only counted.
  bool lists(const Rule* rule) const;
  std::vector<Diagnostic> finish(const Document& doc);

 private:
  struct Placed {
    Finding finding;
    std::size_t offset = SIZE_MAX;  // known up front for parser findings
    std::size_t end = 0;            // with offset: where it ends (0: the byte at offset)
  };
  struct Tally {
    std::size_t listed = 0, unlisted = 0;
    Placed first_unlisted;  // its place only
  };
  // Lists the finding or counts it.
  void take(Placed p);
  // A finding under a duplicated key is placed at the value it was found at, not at the
  // first value its pointer names.
  void place_under_duplicates(const Document& doc, const DuplicatedKeys& duplicated);

  const Catalogue& catalogue_;
  std::size_t max_;
  bool fixable_past_max_;
  std::vector<Placed> items_;
  std::unordered_map<const Rule*, Tally> tallies_;
};

// Replaces {name} placeholders; unknown names are left as they are.
std::string render(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace wxlint
