#include "engine/walker.hpp"

#include <map>

namespace wxlint {

struct RuleWalker::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> named;
  std::unique_ptr<Node> any;
  std::vector<std::size_t> rules;  // indexes into rules_
};

RuleWalker::RuleWalker(const std::vector<const Rule*>& rules) : trie_(std::make_unique<Node>()), rules_(rules) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    Node* n = trie_.get();
    for (const auto& t : rules_[i]->at.tokens) {
      auto& next = t == Pattern::kAny ? n->any : n->named[t];
      if (!next) next = std::make_unique<Node>();
      n = next.get();
    }
    n->rules.push_back(i);
  }
}

RuleWalker::~RuleWalker() = default;

namespace {

struct Run {
  const std::vector<const Rule*>& rules;
  std::vector<std::unique_ptr<CheckState>> states;
  std::vector<Emitter> emitters;

  bool conditions_hold(const Rule& r, const Path& path) const {
    for (const auto& c : r.when) {
      const auto* v = c.target.resolve(path);
      if (!v || *v != c.equals) return false;
    }
    return true;
  }

  template <typename NodeT>
  void walk(const NodeT& n, Path& path) {
    for (std::size_t i : n.rules)
      if (conditions_hold(*rules[i], path)) rules[i]->check->visit(path, states[i].get(), emitters[i]);
    const rapidjson::Value& v = path.node();
    for (const auto& [token, next] : n.named) {
      if (const rapidjson::Value* c = child(v, token)) {
        if (v.IsArray())
          path.push_index(static_cast<std::size_t>(c - v.Begin()), *c);
        else
          path.push_key(token, *c);
        walk(*next, path);
        path.pop();
      }
    }
    if (!n.any) return;
    if (v.IsArray()) {
      for (rapidjson::SizeType k = 0; k < v.Size(); ++k) {
        path.push_index(k, v[k]);
        walk(*n.any, path);
        path.pop();
      }
    } else if (v.IsObject()) {
      for (const auto& m : v.GetObject()) {
        path.push_key({m.name.GetString(), m.name.GetStringLength()}, m.value);
        walk(*n.any, path);
        path.pop();
      }
    }
  }
};

}  // namespace

void RuleWalker::run(const rapidjson::Value& root, std::vector<Finding>& out) const {
  // Each rule emits into its own list so that the final order does not depend on the walk.
  std::vector<std::vector<Finding>> per_rule(rules_.size());
  Run run{rules_, {}, {}};
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    run.states.push_back(rules_[i]->check->start());
    run.emitters.emplace_back(*rules_[i], per_rule[i]);
  }
  Path path(root);
  run.walk(*trie_, path);
  for (std::size_t i = 0; i < rules_.size(); ++i) rules_[i]->check->finish(run.states[i].get(), run.emitters[i]);
  for (auto& list : per_rule)
    for (auto& f : list) out.push_back(std::move(f));
}

}  // namespace wxlint
