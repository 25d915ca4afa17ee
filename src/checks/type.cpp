// type: a value must have one of some JSON types. The schema layer reports the same
// failure generically; this kind lets an operation explain it in its own words (schemas
// given as a SCIM-style array, an address given as an object instead of a JSON string).
#include "checks/kinds.hpp"

#include <algorithm>

namespace wxlint::checks {

namespace {

class Type final : public Check {
 public:
  explicit Type(Params& p) : types_(p.strings("types")) {
    for (const auto& t : types_) {
      if (const std::string problem = json_type_problem(t); !problem.empty()) p.fail("types", problem);
      expected_ += (expected_.empty() ? "" : " or ") + json_type_words(t);
    }
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    std::string_view actual = json_type_name(path.node());
    for (const auto& t : types_)
      if (t == actual || (t == "number" && actual == "integer")) return;
    Finding& f = out.emit(path);
    f.arg("actual", json_type_words(actual)).arg("expected", expected_);
    f.covers_keyword = "type";
  }

 private:
  std::vector<std::string> types_;
  std::string expected_;
};

}  // namespace

std::unique_ptr<Check> make_type(Params& p) { return std::make_unique<Type>(p); }

}  // namespace wxlint::checks
