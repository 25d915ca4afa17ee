#include "document/locator_trie.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "document/hash_bytes.hpp"
#include "document/json_pointer.hpp"

namespace wxlint::detail {
namespace {

// A parsed document nests at most kMaxDepth containers and is under 4 GiB, so
// deeper or longer pointers cannot resolve; leaving them out bounds the trie's size.
bool usable(std::string_view ptr) {
  if (!pointer::is_valid(ptr) || ptr.size() >= UINT32_MAX) return false;
  return ptr.size() <= Document::kMaxDepth ||
         static_cast<std::size_t>(std::count(ptr.begin(), ptr.end(), '/')) <= Document::kMaxDepth;
}

// Of (parent, token).
std::uint64_t hash_of(std::uint32_t parent, std::string_view token) {
  return hash_bytes(token, (parent + std::uint64_t{1}) * 0x9e3779b97f4a7c15ull);
}

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

// How far ahead the constructor asks for a pointer's bytes: far enough for
// memory to answer.
constexpr std::size_t kReadAhead = 16;

std::size_t common_prefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

}  // namespace

LocatorTrie::LocatorTrie(const std::vector<std::string>& pointers)
    : nodes_(1), spans_(pointers.size()), request_node_(pointers.size(), kNone) {
  // Sized for about two nodes a pointer, the usual count with shared
  // prefixes, so that a big batch needs no regrowing.
  nodes_.reserve(2 * pointers.size() + 1);
  std::size_t slots = 16;
  while (3 * slots < 4 * 2 * pointers.size()) slots *= 2;
  slots_.resize(slots);
  // Pointers of one batch share long prefixes (/usersList/123/users/...), and
  // neighbours often share theirs: the previous pointer's path, as (end of
  // token, node) pairs, lets the shared tokens skip the table.
  std::vector<std::pair<std::size_t, std::uint32_t>> path;
  std::string_view prev;
  std::string plain;
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    // The strings' bytes are all over the heap.
    if (i + kReadAhead < pointers.size()) prefetch(pointers[i + kReadAhead].data());
    const std::string_view ptr = pointers[i];
    // Token offsets are 32-bit: past 4 GiB of distinct tokens (which no
    // finding list comes near), further pointers are not looked up.
    if (!usable(ptr) || tokens_.size() + ptr.size() >= UINT32_MAX) continue;
    const std::size_t common = common_prefix(prev, ptr);
    std::size_t kept = 0;
    while (kept < path.size() && path[kept].first <= common &&
           (path[kept].first == ptr.size() || ptr[path[kept].first] == '/'))
      ++kept;
    path.resize(kept);
    std::uint32_t node = kept ? path.back().second : 0;
    pointer::each_token(ptr, kept ? path.back().first : 0, plain, [&](std::string_view token, std::size_t end) {
      node = child_or_add(node, token);
      path.emplace_back(end, node);
    });
    prev = ptr;
    request_node_[i] = node;
    if (nodes_[node].result == kNone) {
      nodes_[node].result = static_cast<std::uint32_t>(i);
      ++remaining_;
      for (std::uint32_t m = node; m != kNone; m = nodes_[m].parent) ++nodes_[m].pending;
    }
  }
}

std::size_t LocatorTrie::probe(std::uint32_t parent, std::string_view token, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.node == kNone) return i;
    if (s.tag == tag && nodes_[s.node].parent == parent && this->token(nodes_[s.node]) == token) return i;
  }
}

std::uint32_t LocatorTrie::child_or_add(std::uint32_t parent, std::string_view token) {
  const std::uint64_t hash = hash_of(parent, token);
  Slot& s = slots_[probe(parent, token, hash)];
  if (s.node != kNone) return s.node;
  const auto id = static_cast<std::uint32_t>(nodes_.size());
  Node& n = nodes_.emplace_back();
  n.token_at = static_cast<std::uint32_t>(tokens_.size());  // the constructor bounds both
  n.token_size = static_cast<std::uint32_t>(token.size());
  tokens_.append(token);
  n.parent = parent;
  n.next_sibling = nodes_[parent].first_kid;
  nodes_[parent].first_kid = id;
  if (nodes_[parent].kids <= kFewKids) ++nodes_[parent].kids;
  s = {id, tag_of(hash)};
  if (4 * nodes_.size() > 3 * slots_.size()) grow();
  return id;
}

void LocatorTrie::grow() {
  slots_.assign(2 * slots_.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t id = 1; id < nodes_.size(); ++id) {  // all distinct: the first free slot
    const std::uint64_t hash = hash_of(nodes_[id].parent, token(nodes_[id]));
    std::size_t i = hash & mask;
    while (slots_[i].node != kNone) i = (i + 1) & mask;
    slots_[i] = {id, tag_of(hash)};
  }
}

std::uint32_t LocatorTrie::find_child(std::uint32_t node, std::string_view token) const {
  // A few children, made right after their parent, are likely in cache
  // already; the table's slot would not be.
  if (nodes_[node].kids <= kFewKids) {
    for (std::uint32_t kid = nodes_[node].first_kid; kid != kNone; kid = nodes_[kid].next_sibling)
      if (this->token(nodes_[kid]) == token) return kid;
    return kNone;
  }
  return slots_[probe(node, token, hash_of(node, token))].node;
}

void LocatorTrie::settle(std::uint32_t node) {
  nodes_[node].settled = true;
  --remaining_;
  for (std::uint32_t m = node; m != kNone; m = nodes_[m].parent) --nodes_[m].pending;
}

void LocatorTrie::resolve(std::uint32_t node, const Span& span) {
  Node& n = nodes_[node];
  if (n.result == kNone || n.settled) return;
  spans_[n.result] = span;
  settle(node);
}

void LocatorTrie::finish(std::uint32_t node) {
  // Subtrees with nothing pending are never walked, so all finish() calls of
  // one skim together touch each node at most once.
  todo_.assign(1, node);
  while (!todo_.empty()) {
    std::uint32_t m = todo_.back();
    todo_.pop_back();
    if (nodes_[m].pending == 0) continue;
    if (nodes_[m].result != kNone && !nodes_[m].settled) settle(m);
    for (std::uint32_t kid = nodes_[m].first_kid; kid != kNone; kid = nodes_[kid].next_sibling) todo_.push_back(kid);
  }
}

std::vector<Span> LocatorTrie::results() {
  // Repeated pointers share their node's first request's span.
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    const std::uint32_t node = request_node_[i];
    if (node != kNone && nodes_[node].result != i) spans_[i] = spans_[nodes_[node].result];
  }
  return std::move(spans_);
}

}  // namespace wxlint::detail
