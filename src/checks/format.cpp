// format: a string value must have a given shape. Formats: e164, digits, uuid, email, sip,
// https-url. Outcomes let one rule report only part of what a format finds ("insecure"
// for an http:// avatar URL is a warning, "invalid" an error). Non-strings are left to the schema.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

#include <set>

namespace wxlint::checks {
namespace {

enum class Fmt { e164, digits, uuid, email, sip, https_url };

struct Result {
  std::string outcome;  // "" when the value is fine
  std::string problem, hint;
};

Result judge(Fmt f, std::string_view s) {
  using namespace formats;
  switch (f) {
    case Fmt::e164: {
      if (is_e164(s)) return {};
      auto sug = suggest_e164(s);
      return {"invalid", "is not in E.164 format", sug ? " Its E.164 form would be " + *sug + "." : ""};
    }
    case Fmt::digits:
      return is_digits(s) ? Result{} : Result{"invalid", "contains characters other than 0-9", ""};
    case Fmt::uuid:
      return is_uuid(s) ? Result{} : Result{"invalid", "is not a UUID", ""};
    case Fmt::email:
      if (auto p = email_problem(s)) return {"invalid", *p, ""};
      return {};
    case Fmt::sip:
      if (auto p = sip_problem(s)) return {"invalid", *p, ""};
      return {};
    case Fmt::https_url:
      switch (classify_url(s)) {
        case UrlKind::https: return {};
        case UrlKind::http: return {"insecure", "uses http, not https", ""};
        case UrlKind::invalid: return {"invalid", "is not an absolute https URL", ""};
      }
  }
  return {};
}

// Nearly every value is fine: the formats that can say so without building reasons
// are tested before judge(). false: judge() decides.
bool fine(Fmt f, std::string_view s) {
  using namespace formats;
  switch (f) {
    case Fmt::e164: return is_e164(s);
    case Fmt::digits: return is_digits(s);
    case Fmt::uuid: return is_uuid(s);
    default: return false;
  }
}

class Format final : public Check {
 public:
  explicit Format(Params& p) {
    static const std::pair<std::string_view, Fmt> names[] = {
        {"e164", Fmt::e164}, {"digits", Fmt::digits}, {"uuid", Fmt::uuid},
        {"email", Fmt::email}, {"sip", Fmt::sip}, {"https-url", Fmt::https_url}};
    auto name = p.str("format");
    bool known = false;
    for (auto& [n, f] : names)
      if (n == name) fmt_ = f, known = true;
    if (!known) p.fail("format", "unknown format \"" + name + "\" (e164, digits, uuid, email, sip, https-url)");
    if (auto o = p.opt_strings("outcomes")) outcomes_.insert(o->begin(), o->end());
    skip_empty_ = p.flag("skipEmpty", false);
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    std::string_view s(v.GetString(), v.GetStringLength());
    if (skip_empty_ && s.empty()) return;
    if (fine(fmt_, s)) return;
    Result r = judge(fmt_, s);
    if (r.outcome.empty() || (!outcomes_.empty() && !outcomes_.count(r.outcome))) return;
    out.emit(path).arg("problem", r.problem).arg("hint", r.hint);
  }

 private:
  Fmt fmt_ = Fmt::digits;
  std::set<std::string, std::less<>> outcomes_;
  bool skip_empty_ = false;
};

}  // namespace

std::unique_ptr<Check> make_format(Params& p) { return std::make_unique<Format>(p); }

}  // namespace wxlint::checks
