// differs: a value must not equal another value of the same request ("from", a relative
// pointer), compared as "normalize" says (as unique compares): a numbers job may not move
// numbers from the location it moves them to. Blank values are left to other rules: ""
// means "remove" in Webex payloads, and two of them are no conflict.
#include "checks/compared_value.hpp"
#include "checks/kinds.hpp"

namespace wxlint::checks {
namespace {

bool comparable(const rapidjson::Value* v) { return v && (v->IsNumber() || (v->IsString() && !is_blank_string(*v))); }

class Differs final : public Check {
 public:
  explicit Differs(Params& p) : from_(p.rel("from")), norm_(parse_norm(p)) {}

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const rapidjson::Value* other = from_.resolve(path);
    if (!comparable(&path.node()) || !comparable(other)) return;
    std::string here_buf, other_buf;
    if (compared_value(path.node(), norm_, here_buf) != compared_value(*other, norm_, other_buf)) return;
    out.emit(path).related.push_back(from_.pointer(path));
  }

 private:
  RelPointer from_;
  Norm norm_;
};

}  // namespace

std::unique_ptr<Check> make_differs(Params& p) { return std::make_unique<Differs>(p); }

}  // namespace wxlint::checks
