// Internal: the requested pointers of one Document::locate() call as a trie,
// with per-subtree counts of what is still unresolved so the skim can skip
// whatever no pointer needs and stop as soon as everything is settled.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.hpp"

namespace wxlint::detail {

// A hint that p will be read soon; never faults, whatever p is.
inline void prefetch([[maybe_unused]] const void* p) {
#if defined(__GNUC__)
  __builtin_prefetch(p);
#endif
}

class LocatorTrie {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // Node 0 is the root (pointer ""). Malformed pointers get no node.
  explicit LocatorTrie(const std::vector<std::string>& pointers);

  std::size_t remaining() const { return remaining_; }
  std::size_t pending(std::uint32_t node) const { return nodes_[node].pending; }
  std::uint32_t find_child(std::uint32_t node, std::string_view token) const;
  // A node's children, in no particular order: first_child, then
  // next_sibling until kNone.
  std::uint32_t first_child(std::uint32_t node) const { return nodes_[node].first_kid; }
  std::uint32_t next_sibling(std::uint32_t node) const { return nodes_[node].next_sibling; }
  std::string_view token(std::uint32_t node) const { return token(nodes_[node]); }

  // Records where the node's value is (if some pointer ends there).
  void resolve(std::uint32_t node, const Span& span);
  // The node's value has been read: whatever below it is still unresolved
  // does not exist.
  void finish(std::uint32_t node);

  // result[i] for pointers[i]; the trie is spent afterwards.
  std::vector<Span> results();

 private:
  // 32 bytes: a big batch has hundreds of thousands, in memory that is new
  // to the process, and every page first touched costs a fault.
  struct Node {
    std::uint32_t token_at = 0, token_size = 0;  // in tokens_
    std::uint32_t parent = kNone;
    std::uint32_t first_kid = kNone, next_sibling = kNone;
    std::uint32_t pending = 0;     // unsettled terminal nodes in this subtree
    std::uint32_t result = kNone;  // a terminal node's first request: its span is spans_[result]
    std::uint8_t kids = 0;         // how many children, counted up to kFewKids + 1
    bool settled = false;
  };
  static constexpr std::uint8_t kFewKids = 8;
  // One open-addressing slot: (parent, token) -> node. `tag` is the hash's
  // high half, so most mismatches are rejected without touching the node.
  struct Slot {
    std::uint32_t node = kNone;
    std::uint32_t tag = 0;
  };

  std::uint32_t child_or_add(std::uint32_t parent, std::string_view token);
  std::size_t probe(std::uint32_t parent, std::string_view token, std::uint64_t hash) const;
  void grow();
  void settle(std::uint32_t node);
  std::string_view token(const Node& n) const { return std::string_view(tokens_).substr(n.token_at, n.token_size); }

  std::vector<Node> nodes_;
  std::vector<Slot> slots_;  // size a power of two, at most 3/4 full
  std::string tokens_;       // every node's token, unescaped, back to back; under 4 GiB
  std::vector<Span> spans_;  // per request; filled in at its node's `result`
  std::vector<std::uint32_t> request_node_;
  std::vector<std::uint32_t> todo_;  // finish()'s worklist, kept to reuse its buffer
  std::size_t remaining_ = 0;
};

}  // namespace wxlint::detail
