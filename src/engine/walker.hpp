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
  // Appends findings; pointers are relative to `root`.
  void run(const rapidjson::Value& root, std::vector<Finding>& out, const LintContext* context = nullptr) const;

 private:
  struct Node;
  std::unique_ptr<Node> trie_;
  std::vector<const Rule*> rules_;
};

}  // namespace wxlint
