// count: how many nodes a pattern matches, against a minimum and a maximum. "items" is
// relative to the matched node (default "*": its items or members); "of" counts from the
// linted root instead (e.g. every user across all usersList entries). "where" keeps only
// items whose relative pointers equal given values (e.g. {"/primary": true}); "except" leaves
// out items where any of its pointers equals its value (an update's {"/operation": "delete"}),
// as if they were not there.
// "minItems" applies the check only when the node holds at least that many items.
#include "checks/kinds.hpp"
#include "document/json_pointer.hpp"

#include <wxlint/error.hpp>

#include <utility>

namespace wxlint::checks {
namespace {

struct Where {
  RelPointer target;
  rapidjson::Value equals;
};

// What a count found: matches kept, matches seen, and the pointer of the first kept one past max.
struct Tally {
  long long n = 0, items = 0;
  std::string beyond;
};

// "of" counts from the root, the same for every node the rule visits: counted once a lint,
// else a payload with many matched nodes costs their number times the whole payload.
struct RootTally final : CheckState {
  std::optional<Tally> tally;
  // Past max, every node is told of the same first extra match: said once (a usersList of
  // 50,000 entries with validate:true once made 50,000 findings at one place).
  bool beyond_reported = false;
};

class Count final : public Check {
 public:
  explicit Count(Params& p) {
    auto items = p.opt_pattern("items");
    auto of = p.opt_pattern("of");
    if (items && of) p.fail("of", "use either \"items\" or \"of\", not both");
    absolute_ = of.has_value();
    tokens_ = of ? of->tokens : items ? items->tokens : std::vector<std::string>{std::string(Pattern::kAny)};
    direct_items_ = !of && tokens_.size() == 1 && tokens_[0] == Pattern::kAny;
    bulk_ = !tokens_.empty() && tokens_.back() == Pattern::kAny;
    min_ = p.opt_int("min", {0, kMaxSize});
    max_ = p.opt_int("max", {0, kMaxSize});
    min_items_ = p.opt_int("minItems", {0, kMaxSize});
    if (!min_ && !max_) p.fail("", "a count needs \"min\" or \"max\"");
    p.ordered("min", min_, "max", max_);
    for (auto [key, into] : {std::pair{"where", &where_}, std::pair{"except", &except_}})
      if (const auto* w = p.raw(key)) {
        if (!w->IsObject()) p.fail(key, "must be an object of relative pointer -> value");
        for (const auto& m : w->GetObject()) {
          auto r = RelPointer::parse({m.name.GetString(), m.name.GetStringLength()});
          if (!r) p.fail(key, "has a key that is not a relative JSON pointer");
          into->push_back({*r, rapidjson::Value(m.value, alloc_)});
        }
      }
    // Filtered, the count is no longer the schema's minItems/maxItems.
    bulk_ = bulk_ && where_.empty() && except_.empty();
    if (bulk_) prefix_.assign(tokens_.begin(), tokens_.end() - 1);
  }

  std::unique_ptr<CheckState> start() const override {
    return absolute_ ? std::make_unique<RootTally>() : nullptr;
  }

  void visit(const Path& at, CheckState* state, Emitter& out) const override {
    if (direct_items_ && !at.node().IsArray() && !at.node().IsObject()) return;  // the schema reports the type
    Tally local;
    const Tally& t = absolute_ ? root_tally(at, *static_cast<RootTally*>(state)) : (local = count(at));
    if (min_items_ && t.items < *min_items_) return;
    if (min_ && t.n < *min_) {
      Finding& f = out.emit(at.pointer());
      bounds(f.arg("count", std::to_string(t.n)));
      if (direct_items_ && where_.empty() && except_.empty()) f.covers_keyword = "minItems";
    } else if (max_ && t.n > *max_) {
      if (absolute_ && std::exchange(static_cast<RootTally*>(state)->beyond_reported, true)) return;
      Finding& f = out.emit(direct_items_ && where_.empty() && except_.empty() ? at.pointer() : t.beyond);
      bounds(f.arg("count", std::to_string(t.n)));
      if (direct_items_ && where_.empty() && except_.empty()) f.covers_keyword = "maxItems";
    }
  }

  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    if (!min_) out.emplace_back("min", "the rule has no \"min\"");
    if (!max_) out.emplace_back("max", "the rule has no \"max\"");
    return out;
  }

 private:
  // Both bounds, whichever was crossed: "a move takes {min} to {max} users".
  void bounds(Finding& f) const {
    if (min_) f.arg("min", std::to_string(*min_));
    if (max_) f.arg("max", std::to_string(*max_));
  }

  const Tally& root_tally(const Path& at, RootTally& state) const {
    if (!state.tally) state.tally = count(Path(*at.step(0).value));
    return *state.tally;
  }

  // The matches below `from` (the visited node, or the root for "of").
  Tally count(const Path& from) const {
    Tally t;
    // bulk: the items or members of each node the prefix matches are all matches, counted
    // by their number rather than one by one.
    const auto add_items = [&](const Path& p) {
      const rapidjson::Value& c = p.node();
      const long long size = c.IsArray() ? c.Size() : c.IsObject() ? c.MemberCount() : 0;
      if (max_ && t.n <= *max_ && t.n + size > *max_) t.beyond = item_pointer(p, *max_ - t.n);
      t.n += size;
    };
    if (bulk_ && prefix_.empty()) {
      add_items(from);
    } else {
      Path path = from;
      if (bulk_) {
        for_each_match(path, prefix_, 0, add_items);
      } else {
        for_each_match(path, tokens_, 0, [&](const Path& p) {
          for (const auto& e : except_)
            if (const auto* v = e.target.resolve(p); v && *v == e.equals) return;
          ++t.items;
          for (const auto& w : where_) {
            const auto* v = w.target.resolve(p);
            if (!v || *v != w.equals) return;
          }
          ++t.n;
          if (max_ && t.n == *max_ + 1) t.beyond = p.pointer();
        });
      }
    }
    if (bulk_) t.items = t.n;
    return t;
  }

  // The pointer of the item (array) or member (object) at position k of p's node.
  static std::string item_pointer(const Path& p, long long k) {
    std::string s = p.pointer();
    const rapidjson::Value& c = p.node();
    if (c.IsArray()) {
      pointer::append_index(s, static_cast<std::size_t>(k));
    } else {
      const auto& name = (c.MemberBegin() + k)->name;
      pointer::append_key(s, {name.GetString(), name.GetStringLength()});
    }
    return s;
  }

  rapidjson::MemoryPoolAllocator<> alloc_;
  std::vector<std::string> tokens_, prefix_;  // prefix_: tokens_ but the last "*", when bulk_
  bool absolute_ = false, direct_items_ = false, bulk_ = false;
  std::optional<long long> min_, max_, min_items_;
  std::vector<Where> where_, except_;
};

}  // namespace

std::unique_ptr<Check> make_count(Params& p) { return std::make_unique<Count>(p); }

}  // namespace wxlint::checks
