// required: an object must have a member. Bound per field so that each field can carry
// the API's own code (userId -> BATCH-400, validate -> 1026006, ...).
#include "checks/kinds.hpp"

namespace wxlint::checks {
namespace {

class Required final : public Check {
 public:
  explicit Required(Params& p) : field_(p.str("field")) {}
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsObject() || child(v, field_)) return;
    Finding& f = out.emit(path.pointer());
    f.arg("field", field_);
    f.covers_keyword = "required";
    f.covers_detail = field_;
  }

 private:
  std::string field_;
};

}  // namespace

std::unique_ptr<Check> make_required(Params& p) { return std::make_unique<Required>(p); }

}  // namespace wxlint::checks
