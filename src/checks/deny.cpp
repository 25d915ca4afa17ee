// deny: a value must not be one of a list (an extension that is an emergency number).
#include "checks/kinds.hpp"

#include <cstdint>
#include <set>

namespace wxlint::checks {
namespace {

class Deny final : public Check {
 public:
  explicit Deny(Params& p) {
    auto v = p.strings("values");
    values_.insert(v.begin(), v.end());
    for (const auto& s : values_) lengths_ |= length_bit(s.size());
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    // Most values have a length no denied value has (a 4-digit extension, 3-digit
    // emergency numbers): one test instead of a set lookup.
    if (!(lengths_ & length_bit(v.GetStringLength()))) return;
    if (values_.count(std::string_view(v.GetString(), v.GetStringLength()))) out.emit(path);
  }

 private:
  static std::uint64_t length_bit(std::size_t n) { return std::uint64_t{1} << (n < 63 ? n : 63); }  // 63: any longer
  std::set<std::string, std::less<>> values_;
  std::uint64_t lengths_ = 0;
};

}  // namespace

std::unique_ptr<Check> make_deny(Params& p) { return std::make_unique<Deny>(p); }

}  // namespace wxlint::checks
