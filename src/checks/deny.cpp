// deny: a value must not be one of a list (an extension that is an emergency number).
#include "checks/kinds.hpp"

#include <set>

namespace wxlint::checks {
namespace {

class Deny final : public Check {
 public:
  explicit Deny(Params& p) {
    auto v = p.strings("values");
    values_.insert(v.begin(), v.end());
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    if (values_.count(std::string_view(v.GetString(), v.GetStringLength()))) out.emit(path);
  }

 private:
  std::set<std::string, std::less<>> values_;
};

}  // namespace

std::unique_ptr<Check> make_deny(Params& p) { return std::make_unique<Deny>(p); }

}  // namespace wxlint::checks
