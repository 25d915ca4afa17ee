// enum: a string must be one of a list, compared exactly; a near miss ("WORK" for
// "work") gets a did-you-mean. With "only", values outside that list are left to other
// rules (allowed sources judge only valid sources).
#include "checks/kinds.hpp"
#include "engine/listed.hpp"
#include "formats/formats.hpp"

#include <algorithm>

namespace wxlint::checks {
namespace {

std::string join(const std::vector<std::string>& v) {
  return listed(v.size(), [&](std::size_t i) { return v[i]; });
}

class Enum final : public Check {
 public:
  explicit Enum(Params& p) : values_(p.strings("values")), only_(p.opt_strings("only")) {
    list_ = join(values_);
    // "values" outside "only" can never be met (a setting's typo, "ch" for "CH"): say so
    // where they were given, rather than fail every payload value.
    if (only_)
      for (const auto& v : values_)
        if (std::find(only_->begin(), only_->end(), v) == only_->end()) {
          const auto near = formats::did_you_mean(v, *only_);
          p.fail("values", "\"" + v + "\" is not one of " + join(*only_) + (near ? " (did you mean \"" + *near + "\"?)" : ""));
        }
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    std::string_view s(v.GetString(), v.GetStringLength());
    if (std::find(values_.begin(), values_.end(), s) != values_.end()) return;
    if (only_ && std::find(only_->begin(), only_->end(), s) == only_->end()) return;
    auto near = formats::did_you_mean(s, values_);
    Finding& f = out.emit(path);
    f.arg("allowed", list_).arg("hint", near ? " Did you mean \"" + *near + "\"?" : "");
    if (!only_) f.covers_keyword = "enum";
    if (near && out.fixes("did-you-mean")) out.fix(f, "did-you-mean", value_fix(f.pointer, s, *near));
  }

 private:
  std::vector<std::string> values_;
  std::optional<std::vector<std::string>> only_;
  std::string list_;
};

}  // namespace

std::unique_ptr<Check> make_enum(Params& p) { return std::make_unique<Enum>(p); }

}  // namespace wxlint::checks
