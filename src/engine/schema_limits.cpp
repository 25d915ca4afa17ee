// What valijson can evaluate safely: it has no cycle detection, re-evaluates a shared
// subschema once per path to it, and recurses once per subschema level. So a schema is
// refused when its graph has a cycle that never steps into a member or item, when one
// payload value could meet more than kMaxChecks subschemas, or when its recursion (at
// parse, or at evaluation with a payload nested Document::kMaxDepth deep) is too deep.
#include "engine/schema_graph.hpp"

#include "document/document.hpp"
#include "engine/regex.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

namespace wxlint::schema_graph {
namespace {

constexpr std::int64_t kMaxChecks = 1000;  // subschemas one payload value can meet
constexpr std::int64_t kCap = kMaxChecks + 1;
// Stack units of valijson's recursion at evaluation: a subschema applied to the same value
// costs 1 (about 250 bytes in a release build, 1.3 KB under AddressSanitizer), one applied
// to a member or item 4 (900 bytes, 3.3 KB). The limit keeps a release build under 2 MB.
constexpr std::int64_t kSameCost = 1, kStepCost = 4, kMaxEvalUnits = 6144;
// valijson's parser takes about 2.5 KB of stack per subschema level (25 KB under
// AddressSanitizer, which the fuzzers run with an 8 MB stack).
constexpr std::int64_t kMaxParseLevels = 128;
// The analysis itself stays linear in the schema times a constant.
constexpr std::int64_t kMaxWork = 50'000'000;

bool same(const Edge& e) { return e.via == Via::same_value; }

class Limits {
 public:
  explicit Limits(const Graph& g) : g_(g), n_(g.nodes.size()) {}

  void run() {
    match_patterns();
    order_same_value();
    count_paths();
    count_checks();
    eval_depth();
    parse_depth();
  }

 private:
  const Graph& g_;
  const std::size_t n_;
  std::vector<std::int32_t> post_;        // same-value edges: every node after the ones it reaches
  std::vector<std::int32_t> post_index_;  // node -> position in post_
  std::vector<std::int64_t> paths_;       // same-value paths from a node (itself included)
  // Per property edge of a node with patternProperties: the subschemas of the patterns its name matches.
  std::unordered_map<const Edge*, std::vector<std::int32_t>> patterns_of_;
  std::int64_t work_ = 0;

  void match_patterns() {
    std::vector<std::pair<std::unique_ptr<Regex>, std::int32_t>> patterns;
    for (std::size_t n = 0; n < n_; ++n) {
      patterns.clear();
      for (const Edge& e : g_.nodes[n].edges) {
        std::string error;
        if (e.via == Via::pattern_property) patterns.emplace_back(Regex::compile(e.name, error), e.to);
      }
      if (patterns.empty()) continue;
      for (const Edge& e : g_.nodes[n].edges) {
        if (e.via != Via::property) continue;
        spend(static_cast<std::int64_t>(patterns.size()), static_cast<std::int32_t>(n));
        auto& matched = patterns_of_[&e];
        for (const auto& [regex, to] : patterns)
          if (!regex || regex->search(e.name)) matched.push_back(to);  // checked before: compiles
      }
    }
  }

  void spend(std::int64_t units, std::int32_t node) {
    if ((work_ += units) > kMaxWork)
      g_.fail(g_.pointer(g_.nodes[node].place), "the schema is too complex to check for safe evaluation");
  }

  void refs_of(const Edge& e, std::vector<std::int32_t>& out) const {
    for (std::int32_t r = e.ref; r >= 0; r = g_.refs[r].next) out.push_back(r);
  }

  // Post-order over same-value edges; a back edge is a cycle valijson never leaves.
  void order_same_value() {
    std::vector<std::uint8_t> color(n_, 0);
    struct Frame {
      std::int32_t node;
      std::size_t edge;
    };
    std::vector<Frame> stack;
    for (std::size_t s = 0; s < n_; ++s) {
      if (color[s]) continue;
      color[s] = 1;
      stack.push_back({static_cast<std::int32_t>(s), 0});
      while (!stack.empty()) {
        Frame& f = stack.back();
        const auto& edges = g_.nodes[f.node].edges;
        while (f.edge < edges.size() && !same(edges[f.edge])) ++f.edge;
        if (f.edge == edges.size()) {
          color[f.node] = 2;
          post_.push_back(f.node);
          stack.pop_back();
          continue;
        }
        const Edge& e = edges[f.edge++];
        if (color[e.to] == 0) {
          color[e.to] = 1;
          stack.push_back({e.to, 0});
        } else if (color[e.to] == 1) {
          std::vector<std::int32_t> refs;
          auto from = std::find_if(stack.begin(), stack.end(), [&](const Frame& x) { return x.node == e.to; });
          for (auto it = from; it != stack.end(); ++it) refs_of(g_.nodes[it->node].edges[it->edge - 1], refs);
          g_.fail_cycle(refs);  // not empty: a cycle in a JSON tree goes through a $ref
        }
      }
    }
    post_index_.assign(n_, 0);
    for (std::size_t i = 0; i < post_.size(); ++i) post_index_[post_[i]] = static_cast<std::int32_t>(i);
  }

  void count_paths() {
    paths_.assign(n_, 1);
    for (std::int32_t n : post_) {
      for (const Edge& e : g_.nodes[n].edges)
        if (same(e)) paths_[n] = std::min(kCap, paths_[n] + paths_[e.to]);
      if (paths_[n] > kMaxChecks) too_many_checks(n);
    }
  }

  [[noreturn]] void too_many_checks(std::int32_t n) const {
    g_.fail(g_.pointer(g_.nodes[n].place),
            "a payload value would be checked against more than " + std::to_string(kMaxChecks) +
                " subschemas from here: allOf, anyOf, oneOf, not, if, then, else, dependencies, or a property that "
                "patternProperties match too, reach the same subschemas again and again");
  }

  // The most subschemas a payload value at any depth below an entry (the root, or a
  // subschema for a member or item) can meet: a least fixpoint, so recursion that keeps
  // one subschema per member converges and recursion that multiplies them is refused.
  void count_checks() {
    std::vector<std::int32_t> entry_of(n_, -1), entries;
    auto add = [&](std::int32_t n) {
      if (entry_of[n] < 0) entry_of[n] = static_cast<std::int32_t>(entries.size()), entries.push_back(n);
    };
    add(g_.root);
    for (const Node& node : g_.nodes)
      for (const Edge& e : node.edges)
        if (!same(e)) add(e.to);

    std::vector<std::int64_t> checks(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) checks[i] = paths_[entries[i]];
    std::vector<std::vector<std::int32_t>> readers(entries.size());
    std::vector<bool> computed(entries.size(), false), queued(entries.size(), true);
    std::vector<std::int32_t> queue(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) queue[i] = static_cast<std::int32_t>(i);

    std::vector<std::int32_t> closure, stamp(n_, -1);
    std::vector<std::int64_t> mult(n_, 0);
    std::unordered_map<std::string_view, std::int64_t> by_name, in_node;
    std::unordered_map<std::size_t, std::int64_t> by_index;
    std::int32_t stamp_id = 0;
    while (!queue.empty()) {
      const std::int32_t ei = queue.back();
      queue.pop_back();
      queued[ei] = false;
      const std::int32_t n = entries[ei];
      ++stamp_id;
      // The subschemas applied to the same value, with the number of paths to each.
      closure.assign(1, n);
      stamp[n] = stamp_id;
      for (std::size_t i = 0; i < closure.size(); ++i)
        for (const Edge& e : g_.nodes[closure[i]].edges)
          if (same(e) && stamp[e.to] != stamp_id) stamp[e.to] = stamp_id, closure.push_back(e.to);
      std::sort(closure.begin(), closure.end(), [&](std::int32_t a, std::int32_t b) { return post_index_[a] > post_index_[b]; });
      for (std::int32_t m : closure) mult[m] = 0;
      mult[n] = 1;
      std::int64_t edges = 0;
      for (std::int32_t m : closure) {
        edges += static_cast<std::int64_t>(g_.nodes[m].edges.size());
        for (const Edge& e : g_.nodes[m].edges)
          if (same(e)) mult[e.to] += mult[m];
      }
      spend(static_cast<std::int64_t>(closure.size()) + edges, n);

      auto at = [&](std::int32_t node) {
        const std::int32_t t = entry_of[node];
        if (!computed[ei]) readers[t].push_back(ei);
        return checks[t];
      };
      std::int64_t other_members = 0, items = 0, names = 0;
      by_name.clear();
      by_index.clear();
      for (std::int32_t m : closure) {
        const std::int64_t k = mult[m];
        // Another member meets the patterns its name matches (maybe all), or else
        // additionalProperties; a property, the patterns that match its name.
        std::int64_t extra = 0, pattern = 0, other_item = 0;
        for (const Edge& e : g_.nodes[m].edges) {
          if (e.via == Via::other_property) extra += at(e.to);
          else if (e.via == Via::pattern_property) pattern += at(e.to);
          else if (e.via == Via::other_item) other_item += at(e.to);
        }
        other_members += k * std::max(extra, pattern);
        in_node.clear();
        bool tuple = false;
        for (const Edge& e : g_.nodes[m].edges) {
          switch (e.via) {
            case Via::property: {
              std::int64_t sum = at(e.to);
              if (auto p = patterns_of_.find(&e); p != patterns_of_.end())
                for (std::int32_t to : p->second) sum += at(to);
              in_node[e.name] += sum;
              break;
            }
            case Via::every_item:
            case Via::contains: items += k * at(e.to); break;
            case Via::item:
              tuple = true;
              by_index[e.index] += k * (at(e.to) - other_item);
              break;
            case Via::property_name: names += k * at(e.to); break;
            default: break;
          }
        }
        if (tuple) items += k * other_item;
        for (const auto& [name, sum] : in_node) by_name[name] += k * (sum - std::max(extra, pattern));
      }
      std::int64_t best_name = 0, best_index = 0;
      for (const auto& [name, d] : by_name) best_name = std::max(best_name, d);
      for (const auto& [i, d] : by_index) best_index = std::max(best_index, d);
      const std::int64_t value =
          std::min(kCap, std::max({paths_[n], other_members + best_name, items + best_index, names}));
      computed[ei] = true;
      if (value > checks[ei]) {
        checks[ei] = value;
        if (value > kMaxChecks) too_many_checks(n);
        for (std::int32_t r : readers[ei])
          if (!queued[r]) queued[r] = true, queue.push_back(r);
      }
    }
  }

  // Where the heaviest path from the root goes too deep, for a located message: its first
  // $ref, or without one the deepest subschema on it (plain nesting).
  struct TooDeep {
    std::string pointer, through;  // through: " through this $ref", or ""
  };
  template <class Weight>
  TooDeep heaviest_path(Weight weight) const {
    std::vector<bool> seen(n_, false);
    std::int32_t x = g_.root;
    for (; x >= 0 && !seen[x];) {
      seen[x] = true;
      const Edge* best = nullptr;
      std::int64_t best_w = -1;
      for (const Edge& e : g_.nodes[x].edges)
        if (weight(e) > best_w) best_w = weight(e), best = &e;
      if (!best) break;
      if (best->ref >= 0) return {g_.ref_pointer(best->ref), " through this $ref"};
      x = best->to;
    }
    return {g_.pointer(g_.nodes[x >= 0 ? x : g_.root].place), ""};
  }

  // valijson's evaluation recursion, with a payload as deep as the parser allows.
  void eval_depth() {
    std::vector<std::int64_t> prev(n_, 0), cur(n_, 0);
    for (unsigned s = 0; s <= Document::kMaxDepth; ++s) {
      for (std::int32_t n : post_) {
        std::int64_t best = 0;
        for (const Edge& e : g_.nodes[n].edges) {
          if (same(e)) best = std::max(best, kSameCost + cur[e.to]);
          else if (s > 0) best = std::max(best, kStepCost + prev[e.to]);
        }
        cur[n] = best;
      }
      if (cur[g_.root] > kMaxEvalUnits) {
        const TooDeep at = heaviest_path([&](const Edge& e) { return (same(e) ? kSameCost : kStepCost) + cur[e.to]; });
        g_.fail(at.pointer, "subschemas nest too deeply" + at.through + ": checking a payload nested " +
                        std::to_string(Document::kMaxDepth) + " levels deep could recurse more than " +
                        std::to_string(kMaxEvalUnits) + " steps (1 for each allOf, anyOf, oneOf, not, if, then, else or " +
                        "dependencies, " + std::to_string(kStepCost) + " for each property or item)");
      }
      if (cur == prev) break;
      std::swap(prev, cur);
    }
  }

  // valijson's parser recursion: a depth-first walk that stops at subschemas it has seen,
  // so at most the heaviest path through the strongly connected components, each
  // weighing its size.
  void parse_depth() {
    std::vector<std::int32_t> index(n_, -1), low(n_, 0), comp(n_, -1), stack;
    std::vector<std::int64_t> depth;  // per component
    std::int32_t next = 0;
    struct Frame {
      std::int32_t node;
      std::size_t edge;
    };
    std::vector<Frame> frames{{g_.root, 0}};
    index[g_.root] = low[g_.root] = next++;
    stack.push_back(g_.root);
    while (!frames.empty()) {
      Frame& f = frames.back();
      const auto& edges = g_.nodes[f.node].edges;
      if (f.edge < edges.size()) {
        const std::int32_t t = edges[f.edge++].to;
        if (index[t] < 0) {
          index[t] = low[t] = next++;
          stack.push_back(t);
          frames.push_back({t, 0});
        } else if (comp[t] < 0) {
          low[f.node] = std::min(low[f.node], index[t]);
        }
        continue;
      }
      const std::int32_t v = f.node;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().node] = std::min(low[frames.back().node], low[v]);
      if (low[v] != index[v]) continue;
      const auto c = static_cast<std::int32_t>(depth.size());
      std::int64_t size = 0, below = 0;
      std::vector<std::int32_t> members;
      for (std::int32_t w = -1; w != v;) {
        w = stack.back();
        stack.pop_back();
        comp[w] = c;
        members.push_back(w);
        ++size;
      }
      for (std::int32_t w : members)
        for (const Edge& e : g_.nodes[w].edges)
          if (comp[e.to] != c) below = std::max(below, depth[comp[e.to]]);
      depth.push_back(size + below);
    }
    if (depth[comp[g_.root]] > kMaxParseLevels) {
      const TooDeep at = heaviest_path([&](const Edge& e) { return depth[comp[e.to]]; });
      g_.fail(at.pointer, "subschemas nest too deeply" + at.through + ": reading the schema would recurse through more than " +
                      std::to_string(kMaxParseLevels) + " of them");
    }
  }
};

}  // namespace

void check_limits(const Graph& g) { Limits(g).run(); }

}  // namespace wxlint::schema_graph
