// require-any: an object must have at least one of several members; with "nonEmpty",
// an empty string, blank string, empty array or null counts as absent. "unless" (relative
// pointers) skips objects where one of those members is present: a contact with a contactId is an
// update, and what creating one needs does not apply. "ifAny" (member names) judges only
// objects that have one of them: a person given an extension is a calling person, and
// needs a locationId and licenses in the same request. "whenAllGiven" judges only objects
// that have every field, empty or not: a moved user without extension and phoneNumber keeps
// the current ones, and only both given empty remove them all.
#include "checks/kinds.hpp"

namespace wxlint::checks {
namespace {

class RequireAny final : public Check {
 public:
  explicit RequireAny(Params& p)
      : fields_(p.strings("fields")),
        non_empty_(p.flag("nonEmpty", false)),
        unless_(p.rels("unless")),
        if_any_(p.opt_strings("ifAny").value_or(std::vector<std::string>{})),
        when_all_given_(p.flag("whenAllGiven", false)) {
    for (std::size_t i = 0; i < fields_.size(); ++i)
      list_ += (i == 0 ? "" : i + 1 == fields_.size() ? " or " : ", ") + fields_[i];
  }
  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    if (!if_any_.empty()) return {};
    return {{"trigger", "it is the \"ifAny\" member found"}};
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsObject() || any_present(unless_, path)) return;
    const std::string* trigger = nullptr;
    for (const auto& f : if_any_)
      if (!trigger && is_present(child(v, f), true)) trigger = &f;
    if (!if_any_.empty() && !trigger) return;
    if (when_all_given_)
      for (const auto& f : fields_)
        if (!child(v, f)) return;
    for (const auto& f : fields_)
      if (is_present(child(v, f), non_empty_)) return;
    Finding& f = out.emit(path.pointer());
    f.arg("fields", list_);
    if (trigger) f.arg("trigger", *trigger);
  }

 private:
  std::vector<std::string> fields_;
  bool non_empty_;
  std::vector<RelPointer> unless_;
  std::vector<std::string> if_any_;
  bool when_all_given_;
  std::string list_;
};

}  // namespace

std::unique_ptr<Check> make_require_any(Params& p) { return std::make_unique<RequireAny>(p); }

}  // namespace wxlint::checks
