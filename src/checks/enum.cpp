// enum: a string must be one of a list, compared exactly; a near miss ("WORK" for
// "work") gets a did-you-mean. With "only", values outside that list are left to other
// rules (allowed sources judge only valid sources). With "normalize": "webex-id", Webex ids
// are compared by what they identify: padded, unpadded and urlsafe spellings of one id match.
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
    const std::string normalize = p.opt_str("normalize").value_or("none");
    if (normalize != "none" && normalize != "webex-id") p.fail("normalize", "must be \"none\" or \"webex-id\"");
    if (normalize == "webex-id") {
      if (only_) p.fail("normalize", "\"webex-id\" does not go with \"only\"");
      for (const auto& v : values_) {
        std::string identity;
        if (!formats::webex_identity(v, identity))
          p.fail("values", "\"" + formats::clipped(v, 60) + "\" is no Webex id: " + formats::decode_webex_id(v).problem);
        identities_.push_back(std::move(identity));
      }
      std::sort(identities_.begin(), identities_.end());
    }
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
    if (!identities_.empty())
      if (const auto id = formats::webex_identity_cached(s); id && std::binary_search(identities_.begin(), identities_.end(), *id))
        return;
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
  std::vector<std::string> identities_;  // with normalize "webex-id": the values' identities, sorted
};

}  // namespace

std::unique_ptr<Check> make_enum(Params& p) { return std::make_unique<Enum>(p); }

}  // namespace wxlint::checks
