// uuid: a raw UUID (8-4-4-4-12 hex), where a base64 Webex id is the usual mistake: APIs
// such as Organization Contacts take the UUID inside the id, not the id. Outcome
// "webex-id" for a value that decodes as a Webex id (the message can name the UUID to
// use), "invalid" for anything else that is not a UUID. The fix to the UUID inside is safe
// only for an id of a resource type the field takes ("type"): a person's id in groupIds names
// a person, and its UUID would hide the mistake.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

#include <algorithm>

namespace wxlint::checks {

RawUuid judge_raw_uuid(std::string_view s) {
  RawUuid r;
  if (formats::is_uuid(s)) return r;
  auto id = formats::decode_webex_id(s);
  if (id.id) {
    r.outcome = "webex-id";
    r.type = id.id->type;
    r.id = id.id->id;
    if (formats::is_uuid(r.id)) r.hint = " Its UUID is " + r.id + ".";
  } else {
    r.outcome = "invalid";
  }
  return r;
}

std::string parse_uuid_outcome(Params& p) {
  auto o = p.str("outcome");
  if (o != "webex-id" && o != "invalid") p.fail("outcome", "must be \"webex-id\" or \"invalid\"");
  return o;
}

namespace {

class Uuid final : public Check {
 public:
  explicit Uuid(Params& p)
      : outcome_(parse_uuid_outcome(p)), types_(p.opt_strings("type").value_or(std::vector<std::string>{})) {}
  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || v.GetStringLength() == 0) return;
    RawUuid r = judge_raw_uuid({v.GetString(), v.GetStringLength()});
    if (r.outcome != outcome_) return;
    Finding& f = out.emit(path).arg("type", r.type).arg("id", r.id).arg("hint", r.hint);
    // The UUID inside the id names the same resource: what the API takes.
    if (r.outcome == "webex-id" && formats::is_uuid(r.id) && out.fixes("decode-webex-id")) {
      const std::string_view type = formats::canonical_id_type(r.type);
      const bool safe = std::find(types_.begin(), types_.end(), type) != types_.end();
      out.fix(f, "decode-webex-id",
              {safe, "Replace the base64 Webex id with the UUID it holds, " + r.id + "." +
                         (safe ? "" : " It is a " + std::string(type) + " id: make sure that is what this field names."),
               {{f.pointer, FixEdit::Target::value, json_string(r.id)}}, {}});
    }
  }

 private:
  std::string outcome_;
  std::vector<std::string> types_;  // the resource types whose UUID the field takes
};

}  // namespace

std::unique_ptr<Check> make_uuid(Params& p) { return std::make_unique<Uuid>(p); }

}  // namespace wxlint::checks
