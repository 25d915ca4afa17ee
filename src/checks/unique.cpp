// unique: a value may appear once. "groupBy" (relative pointer) partitions by another
// value (extensions are unique per target locationId); "within" (relative pointer)
// partitions by a node (emails within one contact); "across" (relative pointer) reports
// only repeats whose node differs from the first's (the same email on two contacts).
// "normalize": "none" | "lower" | "digits" (only the digits count, so "+1 408 555 1234" and
// "14085551234" are the same number) decides what counts as the same.
#include "checks/kinds.hpp"

#include <unordered_map>

namespace wxlint::checks {
namespace {

struct Seen final : CheckState {
  struct First {
    std::string pointer, across;
  };
  std::unordered_map<std::string, First> first;
};

class Unique final : public Check {
 public:
  explicit Unique(Params& p)
      : group_by_(p.opt_rel("groupBy")), within_(p.opt_rel("within")), across_(p.opt_rel("across")) {
    auto n = p.opt_str("normalize").value_or("none");
    if (n == "lower") norm_ = Norm::lower;
    else if (n == "digits") norm_ = Norm::digits;
    else if (n != "none") p.fail("normalize", "must be \"none\", \"lower\" or \"digits\"");
  }

  std::unique_ptr<CheckState> start() const override { return std::make_unique<Seen>(); }

  void visit(const Path& path, CheckState* state, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() && !v.IsNumber()) return;
    std::string key = normalized(v);
    if (key.empty()) return;  // "" means "remove" in Webex payloads, not a value
    if (group_by_) {
      const auto* g = group_by_->resolve(path);
      if (!g) return;
      key = scalar_text(*g, SIZE_MAX) + '\x1f' + key;
    }
    if (within_) key = within_->pointer(path) + '\x1f' + key;
    std::string across = across_ ? across_->pointer(path) : std::string();
    auto& seen = static_cast<Seen*>(state)->first;
    auto [it, inserted] = seen.try_emplace(std::move(key));
    if (inserted) {
      it->second = {path.pointer(), std::move(across)};
      return;
    }
    if (across_ && it->second.across == across) return;
    Finding& f = out.emit(path);
    f.related.push_back(it->second.pointer);
    if (group_by_)
      if (const auto* g = group_by_->resolve(path)) f.arg("group", scalar_text(*g));
  }

 private:
  enum class Norm { none, lower, digits };
  std::string normalized(const rapidjson::Value& v) const {
    std::string s = v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : scalar_text(v, SIZE_MAX);
    if (norm_ == Norm::lower) {
      for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else if (norm_ == Norm::digits) {
      std::string d;
      for (char c : s)
        if (c >= '0' && c <= '9') d += c;
      s = std::move(d);
    }
    return s;
  }
  std::optional<RelPointer> group_by_, within_, across_;
  Norm norm_ = Norm::none;
};

}  // namespace

std::unique_ptr<Check> make_unique(Params& p) { return std::make_unique<Unique>(p); }

}  // namespace wxlint::checks
