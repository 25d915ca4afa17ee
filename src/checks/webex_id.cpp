// webex-id: a base64 Webex id that decodes to ciscospark://<cluster>/<TYPE>/<id>.
// Outcome "malformed" for undecodable ids, "wrong-type" for a well formed id of another
// resource type (a LOCATION id given as userId).
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

namespace wxlint::checks {
namespace {

// The malformed and wrong-type rules visit the same value one after the other: decode it once.
const formats::WebexIdResult& decode_cached(std::string_view s) {
  thread_local std::string last_value;
  thread_local formats::WebexIdResult last_result;
  thread_local bool valid = false;
  if (!valid || last_value != s) {
    last_result = formats::decode_webex_id(s);
    last_value.assign(s);
    valid = true;
  }
  return last_result;
}

class WebexIdCheck final : public Check {
 public:
  explicit WebexIdCheck(Params& p) : type_(p.opt_str("type")), outcome_(p.str("outcome")) {
    if (outcome_ != "malformed" && outcome_ != "wrong-type")
      p.fail("outcome", "must be \"malformed\" or \"wrong-type\"");
    if (outcome_ == "wrong-type" && !type_) p.fail("type", "is required for the \"wrong-type\" outcome");
  }
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || v.GetStringLength() == 0) return;
    const formats::WebexIdResult& r = decode_cached({v.GetString(), v.GetStringLength()});
    if (!r.id) {
      std::string_view s(v.GetString(), v.GetStringLength());
      // A raw UUID is the commonest mistake: say so rather than "not printable text".
      if (outcome_ == "malformed")
        out.emit(path).arg("problem", formats::is_uuid(s) ? "is a raw UUID; this API wants the base64 Webex id" : r.problem);
      return;
    }
    if (outcome_ == "wrong-type" && r.id->type != *type_)
      out.emit(path).arg("type", r.id->type).arg("expected", *type_);
  }

 private:
  std::optional<std::string> type_;
  std::string outcome_;
};

}  // namespace

std::unique_ptr<Check> make_webex_id(Params& p) { return std::make_unique<WebexIdCheck>(p); }

}  // namespace wxlint::checks
