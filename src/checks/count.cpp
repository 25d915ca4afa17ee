// count: how many nodes a pattern matches, against a minimum and a maximum. "items" is
// relative to the matched node (default "*": its items or members); "of" counts from the
// linted root instead (e.g. every user across all usersList entries). "where" keeps only
// items whose relative pointers equal given values (e.g. {"/primary": true}).
// "minItems" applies the check only when the node holds at least that many items.
#include "checks/kinds.hpp"
#include "document/json_pointer.hpp"

#include <wxlint/error.hpp>

namespace wxlint::checks {
namespace {

struct Where {
  RelPointer target;
  rapidjson::Value equals;
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
    if (!min_ && !max_) p.fail("max", "a count needs \"min\" or \"max\"");
    p.ordered("min", min_, "max", max_);
    if (const auto* w = p.raw("where")) {
      if (!w->IsObject()) p.fail("where", "must be an object of relative pointer -> value");
      for (const auto& m : w->GetObject()) {
        auto r = RelPointer::parse({m.name.GetString(), m.name.GetStringLength()});
        if (!r) p.fail("where", "has a key that is not a relative JSON pointer");
        where_.push_back({*r, rapidjson::Value(m.value, alloc_)});
      }
    }
    bulk_ = bulk_ && where_.empty();
    if (bulk_) prefix_.assign(tokens_.begin(), tokens_.end() - 1);
  }

  void visit(const Path& at, CheckState*, Emitter& out) const override {
    if (direct_items_ && !at.node().IsArray() && !at.node().IsObject()) return;  // the schema reports the type
    std::vector<std::string> matches_beyond;  // pointer of the first item past max
    long long n = 0, items = 0;
    // bulk: the items or members of each node the prefix matches are all matches, counted
    // by their number rather than one by one.
    const auto add_items = [&](const Path& p) {
      const rapidjson::Value& c = p.node();
      const long long size = c.IsArray() ? c.Size() : c.IsObject() ? c.MemberCount() : 0;
      if (max_ && n <= *max_ && n + size > *max_) matches_beyond.push_back(item_pointer(p, *max_ - n));
      n += size;
    };
    if (bulk_ && !absolute_ && prefix_.empty()) {
      add_items(at);
    } else {
      Path path = absolute_ ? Path(*at.step(0).value) : at;
      if (bulk_) {
        for_each_match(path, prefix_, 0, add_items);
      } else {
        for_each_match(path, tokens_, 0, [&](const Path& p) {
          ++items;
          for (const auto& w : where_) {
            const auto* v = w.target.resolve(p);
            if (!v || *v != w.equals) return;
          }
          ++n;
          if (max_ && n == *max_ + 1) matches_beyond.push_back(p.pointer());
        });
      }
    }
    if (bulk_) items = n;
    if (min_items_ && items < *min_items_) return;
    if (min_ && n < *min_) {
      Finding& f = out.emit(at.pointer());
      f.arg("count", std::to_string(n)).arg("min", std::to_string(*min_));
      if (direct_items_ && where_.empty()) f.covers_keyword = "minItems";
    } else if (max_ && n > *max_) {
      Finding& f = out.emit(direct_items_ && where_.empty() ? at.pointer() : matches_beyond.front());
      f.arg("count", std::to_string(n)).arg("max", std::to_string(*max_));
      if (direct_items_ && where_.empty()) f.covers_keyword = "maxItems";
    }
  }

 private:
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
  std::vector<Where> where_;
};

}  // namespace

std::unique_ptr<Check> make_count(Params& p) { return std::make_unique<Count>(p); }

}  // namespace wxlint::checks
