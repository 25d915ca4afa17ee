// require-any: an object must have at least one of several members; with "nonEmpty",
// an empty string, blank string, empty array or null counts as absent.
#include "checks/kinds.hpp"

namespace wxlint::checks {
namespace {

class RequireAny final : public Check {
 public:
  explicit RequireAny(Params& p) : fields_(p.strings("fields")), non_empty_(p.flag("nonEmpty", false)) {
    for (std::size_t i = 0; i < fields_.size(); ++i)
      list_ += (i == 0 ? "" : i + 1 == fields_.size() ? " or " : ", ") + fields_[i];
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsObject()) return;
    for (const auto& f : fields_)
      if (is_present(child(v, f), non_empty_)) return;
    out.emit(path.pointer()).arg("fields", list_);
  }

 private:
  std::vector<std::string> fields_;
  bool non_empty_;
  std::string list_;
};

}  // namespace

std::unique_ptr<Check> make_require_any(Params& p) { return std::make_unique<RequireAny>(p); }

}  // namespace wxlint::checks
