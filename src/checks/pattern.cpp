// pattern: a string must (or must not) match a regular expression, for an organisation's
// own policies ("extensions have 4 digits and start with 2"). RE2, compiled once at load:
// time is linear in the value whatever the pattern.
#include "checks/kinds.hpp"
#include "engine/regex.hpp"

namespace wxlint::checks {
namespace {

class PatternCheck final : public Check {
 public:
  explicit PatternCheck(Params& p) : skip_empty_(p.flag("skipEmpty", false)) {
    const std::string text = p.str("regex");
    std::string error;
    regex_ = Regex::compile(text, error);
    if (!regex_) p.fail("regex", "is not a valid RE2 regular expression: " + error);
    const std::string expect = p.opt_str("expect").value_or("match");
    if (expect != "match" && expect != "no-match") p.fail("expect", "must be \"match\" or \"no-match\"");
    must_match_ = expect == "match";
  }

  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    if (!must_match_) return {};
    return {{"match", "it is the part an \"expect\": \"no-match\" rule found"}};
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || (skip_empty_ && v.GetStringLength() == 0)) return;
    const std::string_view s(v.GetString(), v.GetStringLength());
    if (must_match_) {
      // Its own code and words explain the place better than the schema's generic finding.
      if (!regex_->search(s)) out.emit(path).arg("pattern", regex_->text()).covers_keyword = "pattern";
      return;
    }
    if (auto m = regex_->find(s)) {
      rapidjson::Value part(rapidjson::StringRef(s.data() + m->first, static_cast<rapidjson::SizeType>(m->second)));
      out.emit(path).arg("pattern", regex_->text()).arg("match", scalar_text(part, 40));
    }
  }

 private:
  std::unique_ptr<Regex> regex_;
  bool skip_empty_;
  bool must_match_ = true;
};

}  // namespace

std::unique_ptr<Check> make_pattern(Params& p) { return std::make_unique<PatternCheck>(p); }

}  // namespace wxlint::checks
