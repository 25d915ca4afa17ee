// forbidden: a member that must not be present, with its own explanation (groupIds is
// accepted by the single Create a Contact, not by the bulk request). Bound to the member
// itself; the finding points at its key and replaces the schema layer's generic
// "unknown property" finding for the same member.
#include "checks/kinds.hpp"

namespace wxlint::checks {
namespace {

class Forbidden final : public Check {
 public:
  explicit Forbidden(Params& p) : covers_(p.flag("coversUnknown", true)) {}
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    if (path.depth() == 0 || !path.step(path.depth()).is_key) return;  // only object members
    Finding& f = out.emit(path, Anchor::key);
    f.arg("field", std::string(path.step(path.depth()).key));
    if (covers_) {
      f.covers_keyword = "additionalProperties";
      f.covers_detail = std::string(path.step(path.depth()).key);
    }
  }

 private:
  bool covers_;
};

}  // namespace

std::unique_ptr<Check> make_forbidden(Params& p) { return std::make_unique<Forbidden>(p); }

}  // namespace wxlint::checks
