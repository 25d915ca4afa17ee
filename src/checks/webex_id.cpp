// webex-id: a base64 Webex id that decodes to ciscospark://<cluster>/<TYPE>/<id>.
// Outcome "malformed" for undecodable ids, "wrong-type" for a well formed id of another
// resource type (a LOCATION id given as userId). Types are compared with their aliases folded
// (formats::canonical_id_type): a PERSON id is a PEOPLE id.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

namespace wxlint::checks {
namespace {

// The malformed and wrong-type rules visit the same value one after the other: decode it once.
// The value is known by where its bytes are: the DOM stays put during a lint, so the same place
// means the same bytes, and a hit costs no comparison. A lint's start() forgets it, as the next
// DOM may reuse the addresses. Nothing is allocated for usual ids; only a malformed id pays for
// its reason, in visit.
struct LastDecoded {
  const char* data = nullptr;
  std::size_t size = 0;
  formats::WebexIdScratch scratch;  // the view points into it
  std::optional<formats::WebexIdView> id;
};

LastDecoded& last_decoded() {
  thread_local LastDecoded last;
  return last;
}

const std::optional<formats::WebexIdView>& decode_cached(std::string_view s) {
  LastDecoded& last = last_decoded();
  if (s.data() != last.data || s.size() != last.size) {
    last.id = formats::decode_webex_view(s, last.scratch);
    last.data = s.data();
    last.size = s.size();
  }
  return last.id;
}

class WebexIdCheck final : public Check {
 public:
  explicit WebexIdCheck(Params& p)
      : type_(p.opt_str("type")), outcome_(p.str("outcome")), wrong_type_(outcome_ == "wrong-type") {
    if (outcome_ != "malformed" && outcome_ != "wrong-type")
      p.fail("outcome", "must be \"malformed\" or \"wrong-type\"");
    if (wrong_type_ && !type_) p.fail("type", "is required for the \"wrong-type\" outcome");
  }
  std::unique_ptr<CheckState> start() const override {
    last_decoded().data = nullptr;
    return nullptr;
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || v.GetStringLength() == 0) return;
    const std::string_view s(v.GetString(), v.GetStringLength());
    if (const std::optional<formats::WebexIdView>& id = decode_cached(s)) {
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
