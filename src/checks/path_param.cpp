// path-param: an envelope's request path, matched against the operation's path template,
// must carry a raw UUID in one parameter ("/contacts/organizations/{orgId}/..." takes the
// org UUID, not the base64 org id), or, with outcome raw-uuid, must not where the API takes
// the base64 id ("/telephony/config/locations/{locationId}/..."). The template is matched against the path's trailing
// segments, so a base URL ("https://webexapis.com/v1") may precede it. A path that does
// not match the template, or still holds the placeholder itself, is left alone.
#include "checks/kinds.hpp"
#include "checks/path_template.hpp"
#include "formats/formats.hpp"

namespace wxlint::checks {
namespace {

class PathParam final : public Check {
 public:
  explicit PathParam(Params& p) : param_(p.str("param")), outcome_(p.str("outcome")) {
    if (outcome_ != "webex-id" && outcome_ != "invalid" && outcome_ != "raw-uuid")
      p.fail("outcome", "must be \"webex-id\", \"invalid\" or \"raw-uuid\"");
    auto t = PathTemplate::make(p.str("template"), param_);
    if (!t) p.fail("param", "\"{" + param_ + "}\" is not a segment of the template");
    template_ = std::move(*t);
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    auto found = template_.param_of({v.GetString(), v.GetStringLength()});
    if (!found) return;
    std::string_view seg = *found;
    RawUuid r = judge_raw_uuid(seg);
    if (outcome_ == "raw-uuid" ? !formats::is_uuid(seg) : r.outcome != outcome_) return;
    out.emit(path)
        .arg("param", param_)
        .arg("segment", std::string(seg))
        .arg("type", r.type)
        .arg("id", r.id)
        .arg("hint", r.hint);
  }

 private:
  std::string param_, outcome_;
  PathTemplate template_;
};

}  // namespace

std::unique_ptr<Check> make_path_param(Params& p) { return std::make_unique<PathParam>(p); }

}  // namespace wxlint::checks
