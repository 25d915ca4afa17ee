// Runs an operation's rules over a request in one walk: the rules' "at" patterns are merged
// into a trie, and each node of the payload is visited at most once per trie branch.
#pragma once

#include "engine/check.hpp"
#include "engine/rule.hpp"

#include <vector>

namespace wxlint {

class RuleWalker {
 public:
  RuleWalker(const std::vector<const Rule*>& rules);
  ~RuleWalker();
  // Appends findings, at most `limit` per rule and then one tally of the rest (Emitter);
  // pointers are relative to `root`. The schema failures that findings not listed
  // explain go to `unlisted_covers` (covers_key).
  void run(const rapidjson::Value& root, std::vector<Finding>& out, std::size_t limit,
           std::vector<std::uint64_t>& unlisted_covers, const LintContext* context = nullptr) const;

 private:
  struct Node;
  std::unique_ptr<Node> trie_;
  std::vector<const Rule*> rules_;
};

}  // namespace wxlint
