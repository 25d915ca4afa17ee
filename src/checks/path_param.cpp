// path-param: an envelope's request path, matched against the operation's path template,
// must carry a raw UUID in one parameter ("/contacts/organizations/{orgId}/..." takes the
// org UUID, not the base64 org id). The template is matched against the path's trailing
// segments, so a base URL ("https://webexapis.com/v1") may precede it. A path that does
// not match the template, or still holds the placeholder itself, is left alone.
#include "checks/kinds.hpp"
#include "engine/request_path.hpp"

namespace wxlint::checks {
namespace {

class PathParam final : public Check {
 public:
  explicit PathParam(Params& p) : template_(p.str("template")), param_(p.str("param")), outcome_(parse_uuid_outcome(p)) {
    auto t = request_path_segments(template_);
    for (std::size_t i = 0; i < t.size(); ++i) {
      tokens_.emplace_back(t[i]);
      if (t[i] == "{" + param_ + "}") index_ = i;
    }
    if (index_ == SIZE_MAX) p.fail("param", "\"{" + param_ + "}\" is not a segment of the template");
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    auto segs = request_path_segments({v.GetString(), v.GetStringLength()});
    if (segs.size() < tokens_.size()) return;
    const std::size_t base = segs.size() - tokens_.size();
    for (std::size_t i = 0; i < tokens_.size(); ++i)
      if (!is_path_placeholder(tokens_[i]) && segs[base + i] != tokens_[i]) return;
    std::string_view seg = segs[base + index_];
    if (is_path_placeholder(seg) || seg.empty()) return;
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
  std::string template_, param_, outcome_;
  std::vector<std::string> tokens_;
  std::size_t index_ = SIZE_MAX;
};

}  // namespace

std::unique_ptr<Check> make_path_param(Params& p) { return std::make_unique<PathParam>(p); }

}  // namespace wxlint::checks
