#include "engine/walker.hpp"

#include <algorithm>

namespace wxlint {

struct RuleWalker::Node {
  struct Named {
    std::string token;
    std::unique_ptr<Node> next;
  };
  std::vector<Named> named;  // by token; a flat list: nodes have a few named children at most
  std::unique_ptr<Node> any;
  // The rules that end here: what the walk needs of each at hand, without going through the Rule.
  struct Target {
    std::size_t rule;  // index into rules_
    const Check* check;
    bool conditional;  // has "when" or "unless" conditions
  };
  std::vector<Target> rules;
};

RuleWalker::RuleWalker(const std::vector<const Rule*>& rules) : trie_(std::make_unique<Node>()), rules_(rules) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    Node* n = trie_.get();
    for (const auto& t : rules_[i]->at.tokens) {
      std::unique_ptr<Node>* next = &n->any;
      if (t != Pattern::kAny) {
        auto it = std::lower_bound(n->named.begin(), n->named.end(), t,
                                   [](const Node::Named& a, const std::string& b) { return a.token < b; });
        if (it == n->named.end() || it->token != t) it = n->named.insert(it, {t, nullptr});
        next = &it->next;
      }
      if (!*next) *next = std::make_unique<Node>();
      n = next->get();
    }
    n->rules.push_back({i, rules_[i]->check.get(), !rules_[i]->when.empty() || !rules_[i]->unless.empty()});
  }
}

RuleWalker::~RuleWalker() = default;

namespace {

struct Run {
  const std::vector<const Rule*>& rules;
  std::vector<std::unique_ptr<CheckState>> states;
  std::vector<Emitter> emitters;
  // A condition that starts `up` levels above the node names the same value for all the
  // siblings a wildcard visits: it is resolved once per node it starts from, not once per
  // sibling (a search of a wide object each time). Per rule, per condition.
  struct Memo {
    const rapidjson::Value* from = nullptr;
    const rapidjson::Value* value = nullptr;
  };
  std::vector<std::vector<Memo>> memos;

  bool conditions_hold(std::size_t rule, const Path& path) {
    const Rule& r = *rules[rule];
    if (memos[rule].size() < r.when.size()) memos[rule].resize(r.when.size());
    for (std::size_t k = 0; k < r.when.size(); ++k) {
      const RelPointer& target = r.when[k].target;
      const rapidjson::Value* v = nullptr;
      if (target.up == 0 || target.up > path.depth()) {
        v = target.resolve(path);
      } else {
        Memo& m = memos[rule][k];
        const rapidjson::Value* from = path.step(path.depth() - target.up).value;
        if (m.from != from) m = {from, target.resolve(path)};
        v = m.value;
      }
      if (!v || *v != r.when[k].equals) return false;
    }
    // Rare and few: resolved each time.
    const auto all_hold = [&](const std::vector<Condition>& conditions) {
      return std::all_of(conditions.begin(), conditions.end(), [&](const Condition& c) {
        const rapidjson::Value* v = c.target.resolve(path);
        return v && *v == c.equals;
      });
    };
    return std::none_of(r.unless.begin(), r.unless.end(), all_hold);
  }

  template <typename NodeT>
  void walk(const NodeT& n, Path& path) {
    for (const auto& t : n.rules)
      if (!t.conditional || conditions_hold(t.rule, path)) t.check->visit(path, states[t.rule].get(), emitters[t.rule]);
    const rapidjson::Value& v = path.node();
    if (v.IsObject()) {
      for (const auto& [token, next] : n.named) {
        if (const rapidjson::Value::Member* m = find_member(v, token)) {
          path.push_key(token, static_cast<std::size_t>(m - &*v.MemberBegin()), m->value);
          walk(*next, path);
          path.pop();
        }
      }
      if (!n.any) return;
      std::size_t pos = 0;
      for (const auto& m : v.GetObject()) {
        path.push_key({m.name.GetString(), m.name.GetStringLength()}, pos++, m.value);
        walk(*n.any, path);
        path.pop();
      }
    } else if (v.IsArray()) {
      for (const auto& [token, next] : n.named) {
        if (const rapidjson::Value* c = array_child(v, token)) {
          path.push_index(static_cast<std::size_t>(c - v.Begin()), *c);
          walk(*next, path);
          path.pop();
        }
      }
      if (!n.any) return;
      for (rapidjson::SizeType k = 0; k < v.Size(); ++k) {
        path.push_index(k, v[k]);
        walk(*n.any, path);
        path.pop();
      }
    }
  }
};

}  // namespace

void RuleWalker::run(const rapidjson::Value& root, std::vector<Finding>& out, std::size_t limit,
                     std::vector<std::uint64_t>& unlisted_covers, const LintContext* context) const {
  // Each rule emits into its own list so that the final order does not depend on the walk.
  std::vector<std::vector<Finding>> per_rule(rules_.size());
  Run run{rules_, {}, {}, std::vector<std::vector<Run::Memo>>(rules_.size())};
  run.states.reserve(rules_.size());
  run.emitters.reserve(rules_.size());
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    run.states.push_back(rules_[i]->check->start());
    run.emitters.emplace_back(*rules_[i], per_rule[i], context, limit, &unlisted_covers);
  }
  Path path(root);
  run.walk(*trie_, path);
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    rules_[i]->check->finish(run.states[i].get(), run.emitters[i]);
    run.emitters[i].close();
  }
  for (auto& list : per_rule)
    for (auto& f : list) out.push_back(std::move(f));
}

}  // namespace wxlint
