// webex-id: a base64 Webex id that decodes to ciscospark://<cluster>/<TYPE>/<id>.
// Outcome "malformed" for undecodable ids, "wrong-type" for a well formed id of another
// resource type (a LOCATION id given as userId). Types are compared with their aliases folded
// (formats::canonical_id_type): a PERSON id is a PEOPLE id.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

namespace wxlint::checks {
namespace {

class WebexIdCheck final : public Check {
 public:
  explicit WebexIdCheck(Params& p)
      : type_(p.opt_str("type")), outcome_(p.str("outcome")), wrong_type_(outcome_ == "wrong-type") {
    if (outcome_ != "malformed" && outcome_ != "wrong-type")
      p.fail("outcome", "must be \"malformed\" or \"wrong-type\"");
    if (wrong_type_ && !type_) p.fail("type", "is required for the \"wrong-type\" outcome");
    // As ids spell it: "people" would make every PEOPLE id the wrong type.
    if (type_ && (type_->empty() || type_->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != std::string::npos))
      p.fail("type", "must be a resource type in capitals, as ids spell it (PEOPLE, LOCATION, LICENSE...), not \"" +
                         formats::clipped(*type_, 40) + "\"");
  }
  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    if (wrong_type_) return {{"problem", "it is filled for the \"malformed\" outcome"}};
    return {{"type", "it is filled for the \"wrong-type\" outcome"}, {"expected", "it is filled for the \"wrong-type\" outcome"}};
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || v.GetStringLength() == 0) return;
    const std::string_view s(v.GetString(), v.GetStringLength());
    // The malformed and wrong-type rules, and unique and snapshot-lookup, decode it once.
    if (const std::optional<formats::WebexIdView>& id = formats::decode_webex_view_cached(s)) {
      if (wrong_type_ && formats::canonical_id_type(id->type) != formats::canonical_id_type(*type_))
        out.emit(path).arg("type", std::string(id->type)).arg("expected", *type_);
      return;
    }
    if (wrong_type_) return;
    // A raw UUID is the commonest mistake: say so rather than "not printable text".
    out.emit(path).arg("problem", formats::is_uuid(s) ? "is a raw UUID; this API wants the base64 Webex id"
                                                      : formats::decode_webex_id(s).problem);
  }

 private:
  std::optional<std::string> type_;
  std::string outcome_;
  bool wrong_type_;  // else "malformed"
};

}  // namespace

std::unique_ptr<Check> make_webex_id(Params& p) { return std::make_unique<WebexIdCheck>(p); }

}  // namespace wxlint::checks
