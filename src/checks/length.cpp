// length: a string's length in characters (code points) within [min, max].
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

namespace wxlint::checks {
namespace {

class Length final : public Check {
 public:
  explicit Length(Params& p)
      : min_(p.opt_int("min", {0, kMaxSize})), max_(p.opt_int("max", {1, kMaxSize})), skip_empty_(p.flag("skipEmpty", false)) {
    if (!min_ && !max_) p.fail("", "a length needs \"min\" or \"max\"");
    p.ordered("min", min_, "max", max_);
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    if (skip_empty_ && v.GetStringLength() == 0) return;
    auto n = static_cast<long long>(formats::utf8_length({v.GetString(), v.GetStringLength()}));
    if ((min_ && n < *min_) || (max_ && n > *max_))
      out.emit(path)
          .arg("length", std::to_string(n))
          .arg("min", min_ ? std::to_string(*min_) : "0")
          .arg("max", max_ ? std::to_string(*max_) : "unlimited");
  }

 private:
  std::optional<long long> min_, max_;
  bool skip_empty_;
};

}  // namespace

std::unique_ptr<Check> make_length(Params& p) { return std::make_unique<Length>(p); }

}  // namespace wxlint::checks
