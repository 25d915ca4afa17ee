#include "document/locator_trie.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "document/json_pointer.hpp"

namespace wxlint::detail {

LocatorTrie::LocatorTrie(const std::vector<std::string>& pointers) : nodes_(1) {
  request_node_.assign(pointers.size(), kNone);
  // (parent id bytes + token) -> node, so building stays linear however
  // many siblings there are.
  std::unordered_map<std::string, std::uint32_t> index;
  std::string key;
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    // A parsed document nests at most kMaxDepth containers, so deeper
    // pointers cannot resolve; skipping them bounds the trie's size.
    if (std::count(pointers[i].begin(), pointers[i].end(), '/') > Document::kMaxDepth) continue;
    auto tokens = pointer::split(pointers[i]);
    if (!tokens) continue;
    std::uint32_t node = 0;
    for (auto& token : *tokens) {
      key.assign(reinterpret_cast<const char*>(&node), sizeof node);
      key += token;
      auto [it, inserted] = index.try_emplace(key, static_cast<std::uint32_t>(nodes_.size()));
      if (inserted) {
        Node child;
        child.parent = node;
        nodes_[node].kids.emplace_back(std::move(token), it->second);
        nodes_.push_back(std::move(child));
      }
      node = it->second;
    }
    request_node_[i] = node;
    if (!nodes_[node].terminal) {
      nodes_[node].terminal = true;
      ++remaining_;
      for (std::uint32_t m = node; m != kNone; m = nodes_[m].parent) ++nodes_[m].pending;
    }
  }
  for (auto& n : nodes_) std::sort(n.kids.begin(), n.kids.end());
}

std::uint32_t LocatorTrie::find_child(std::uint32_t node, std::string_view token) const {
  const Children& kids = nodes_[node].kids;
  auto it = std::lower_bound(kids.begin(), kids.end(), token,
                             [](const auto& kid, std::string_view t) { return std::string_view(kid.first) < t; });
  return it != kids.end() && it->first == token ? it->second : kNone;
}

void LocatorTrie::settle(std::uint32_t node) {
  nodes_[node].settled = true;
  --remaining_;
  for (std::uint32_t m = node; m != kNone; m = nodes_[m].parent) --nodes_[m].pending;
}

void LocatorTrie::resolve(std::uint32_t node, const Span& span) {
  Node& n = nodes_[node];
  if (!n.terminal || n.settled) return;
  n.span = span;
  settle(node);
}

void LocatorTrie::finish(std::uint32_t node) {
  // Subtrees with nothing pending are never walked, so all finish() calls of
  // one skim together touch each node at most once.
  std::vector<std::uint32_t> todo{node};
  while (!todo.empty()) {
    std::uint32_t m = todo.back();
    todo.pop_back();
    if (nodes_[m].pending == 0) continue;
    if (nodes_[m].terminal && !nodes_[m].settled) settle(m);
    for (const auto& kid : nodes_[m].kids) todo.push_back(kid.second);
  }
}

std::vector<Span> LocatorTrie::results() const {
  std::vector<Span> out(request_node_.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (request_node_[i] != kNone) out[i] = nodes_[request_node_[i]].span;
  }
  return out;
}

}  // namespace wxlint::detail
