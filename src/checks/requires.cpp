// requires: a value asks for another member to be present ("primaryContactMethod": "EMAIL"
// needs an emails entry). "map" binds values to relative pointers; with "nonEmpty", an
// empty string, blank string, empty array or null counts as absent. "unless" (relative
// pointers): members whose presence makes the rule not apply (a bulk item's contactId makes it
// an update, whose contact may already have the entry); "ifPresent": members without one of
// which it does not apply.
#include "checks/kinds.hpp"

#include <map>

namespace wxlint::checks {
namespace {

class Requires final : public Check {
 public:
  explicit Requires(Params& p)
      : non_empty_(p.flag("nonEmpty", false)), unless_(p.rels("unless")), if_present_(p.rels("ifPresent")) {
    const auto* m = p.raw("map");
    if (!m || !m->IsObject() || m->MemberCount() == 0)
      p.fail("map", "must be a non-empty object of value -> relative pointer");
    for (const auto& e : m->GetObject()) {
      auto r = e.value.IsString() ? RelPointer::parse({e.value.GetString(), e.value.GetStringLength()}) : std::nullopt;
      if (!r) p.fail("map", "has a target that is not a relative JSON pointer");
      map_.emplace(std::string(e.name.GetString(), e.name.GetStringLength()), std::move(*r));
    }
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || any_present(unless_, path) || (!if_present_.empty() && !any_present(if_present_, path))) return;
    auto it = map_.find(std::string_view(v.GetString(), v.GetStringLength()));
    if (it == map_.end() || is_present(it->second.resolve(path), non_empty_)) return;
    const auto& tokens = it->second.tokens;
    out.emit(path).arg("target", tokens.empty() ? it->second.text : tokens.back());
  }

 private:
  std::map<std::string, RelPointer, std::less<>> map_;
  bool non_empty_;
  std::vector<RelPointer> unless_, if_present_;
};

}  // namespace

std::unique_ptr<Check> make_requires(Params& p) { return std::make_unique<Requires>(p); }

}  // namespace wxlint::checks
