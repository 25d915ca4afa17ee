// required: an object must have a member. Bound per field so that each field can carry
// the API's own code (userId -> BATCH-400, validate -> 1026006, ...). With "nonEmpty", a
// member that is "" is missing too (an id the API needs), found at the member; a blank
// string or null is left to the id and type rules, which say what is wrong with it.
#include "checks/kinds.hpp"
#include "document/json_pointer.hpp"

namespace wxlint::checks {
namespace {

class Required final : public Check {
 public:
  explicit Required(Params& p) : field_(p.str("field")), non_empty_(p.flag("nonEmpty", false)) {}
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsObject()) return;
    if (const rapidjson::Value* m = child(v, field_)) {
      if (!non_empty_ || !m->IsString() || m->GetStringLength() != 0) return;
      std::string at = path.pointer();
      pointer::append_key(at, field_);
      out.emit(std::move(at)).arg("field", field_);
      return;
    }
    Finding& f = out.emit(path.pointer());
    f.arg("field", field_);
    f.covers_keyword = "required";
    f.covers_detail = field_;
  }

 private:
  std::string field_;
  bool non_empty_;
};

}  // namespace

std::unique_ptr<Check> make_required(Params& p) { return std::make_unique<Required>(p); }

}  // namespace wxlint::checks
