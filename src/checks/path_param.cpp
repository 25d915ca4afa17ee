// path-param: an envelope's request path, matched against the operation's path template,
// must carry a raw UUID in one parameter ("/contacts/organizations/{orgId}/..." takes the
// org UUID, not the base64 org id). The template is matched against the path's trailing
// segments, so a base URL ("https://webexapis.com/v1") may precede it. A path that does
// not match the template, or still holds the placeholder itself, is left alone.
#include "checks/kinds.hpp"
#include "checks/path_template.hpp"

namespace wxlint::checks {
namespace {

class PathParam final : public Check {
 public:
  explicit PathParam(Params& p) : param_(p.str("param")), outcome_(parse_uuid_outcome(p)) {
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
    if (r.outcome != outcome_) return;
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
