// Internal: the requested pointers of one Document::locate() call as a trie,
// with per-subtree counts of what is still unresolved so the skim can skip
// whatever no pointer needs and stop as soon as everything is settled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document/document.hpp"

namespace wxlint::detail {

class LocatorTrie {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  using Children = std::vector<std::pair<std::string, std::uint32_t>>;  // sorted by token

  // Node 0 is the root (pointer ""). Malformed pointers get no node.
  explicit LocatorTrie(const std::vector<std::string>& pointers);

  std::size_t remaining() const { return remaining_; }
  std::size_t pending(std::uint32_t node) const { return nodes_[node].pending; }
  const Children& children(std::uint32_t node) const { return nodes_[node].kids; }
  std::uint32_t find_child(std::uint32_t node, std::string_view token) const;

  // Records where the node's value is (if some pointer ends there).
  void resolve(std::uint32_t node, const Span& span);
  // The node's value has been read: whatever below it is still unresolved
  // does not exist.
  void finish(std::uint32_t node);

  std::vector<Span> results() const;

 private:
  struct Node {
    std::uint32_t parent = kNone;
    bool terminal = false;  // some requested pointer ends here
    bool settled = false;
    std::size_t pending = 0;  // unsettled terminal nodes in this subtree
    Span span;
    Children kids;
  };
  void settle(std::uint32_t node);

  std::vector<Node> nodes_;
  std::vector<std::uint32_t> request_node_;
  std::size_t remaining_ = 0;
};

}  // namespace wxlint::detail
