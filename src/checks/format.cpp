// format: a string value must have a given shape. Formats: e164, digits, uuid, email, sip,
// https-url, phone-plan (valid in its country's numbering plan). Outcomes let one rule report
// only part of what a format finds ("insecure" for an http:// avatar URL is a warning,
// "invalid" an error). Non-strings are left to the schema. Phone numbers that are not E.164
// are read in a region: the country of the location `regionFromLocation` points at, when the
// snapshot knows it, else the lint's default region (LintContext::region).
#include "checks/kinds.hpp"
#include "formats/formats.hpp"
#include "formats/numbering_plan.hpp"
#include "snapshot/store.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace wxlint::checks {
namespace {

enum class Fmt { e164, digits, uuid, email, sip, https_url, phone_plan };

struct Result {
  std::string outcome{};  // "" when the value is fine
  std::string problem{}, hint{};
  std::string e164{};      // e164: the value's E.164 form, when it can be derived
  bool e164_safe = false;  // ... read by the plan, so it keeps the meaning
};

// The number starts with + and its country code: the plan can read it without a region.
bool has_country_code(std::string_view s) {
  const std::size_t i = s.find_first_not_of(" \t");
  return i != std::string_view::npos && s[i] == '+';
}

// Digits written without a + that make a valid number once a + is put before them ("44 20 7946
// 0000"): the plan may read them in a region as a national number that lost its trunk prefix
// (+49 442079460000 in Germany), while they may as well be a number that lost its +. Either
// reading is then a guess.
bool reads_as_international(std::string_view s) {
  std::string plus_digits = "+";
  for (const char c : s)
    if (c >= '0' && c <= '9' && plus_digits.size() <= 16) plus_digits += c;
  return formats::plan::judge(plus_digits).verdict == formats::plan::Verdict::valid;
}

// A phone number as the plan judges it. Only an E.164 value can lack a country code, and "+"
// and digits of a length E.164 does not allow are the e164 format's finding alone.
Result judge_plan(std::string_view s, const std::string& region) {
  using formats::plan::Verdict;
  const bool e164 = formats::is_e164(s);
  if (!e164 && region.empty() && s.find('+') == std::string_view::npos) return {};
  if (!e164 && s.starts_with('+') && formats::is_digits(s.substr(1))) return {};
  const auto j = formats::plan::judge(s, e164 ? std::string() : region);
  if (j.verdict == Verdict::unknown_country && e164) return {"unknown-country", j.reason, ""};
  if (j.verdict == Verdict::wrong_length || j.verdict == Verdict::not_assigned) return {"invalid", j.reason, ""};
  return {};
}

Result judge(Fmt f, std::string_view s, const std::string& region) {
  using namespace formats;
  switch (f) {
    case Fmt::e164: {
      if (is_e164(s)) return {};
      // With a region, or a country code written, the plan reads the number: safe unless the
      // digits are as well an international number without its +, or lack the region's trunk
      // prefix. When it reads no valid number, a ten-digit number is taken as North American (a
      // guess: an unsafe fix), unless the region's plan is another country's. A number whose
      // written country code the plan finds no number of that length in ("+1 408 526 7209 /
      // 7210", two numbers) gets no form at all: its digits joined would be no number either.
      std::optional<std::string> sug;
      bool safe = false;  // a guess of the country, or of what a national prefix means
      const bool plus = has_country_code(s);
      bool no_number = false;
      if (!region.empty() || plus) {
        const plan::Judgement j = plan::judge(s, region);
        if (j.verdict == plan::Verdict::valid) sug = j.e164, safe = plus || (!j.prefix_missing && !reads_as_international(s));
        no_number = (!plus && j.country_code != 0 && j.country_code != 1) ||
                    (plus && (j.verdict == plan::Verdict::wrong_length || j.verdict == plan::Verdict::unknown_country ||
                              j.verdict == plan::Verdict::not_a_number));
      }
      if (!sug && !no_number) sug = suggest_e164(s);
      if (!sug) return {"invalid", "is not in E.164 format", "", "", false};
      return {"invalid", "is not in E.164 format", " Its E.164 form would be " + *sug + ".", *sug, safe};
    }
    case Fmt::phone_plan: return judge_plan(s, region);
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
        {"e164", Fmt::e164}, {"digits", Fmt::digits}, {"uuid", Fmt::uuid}, {"email", Fmt::email},
        {"sip", Fmt::sip}, {"https-url", Fmt::https_url}, {"phone-plan", Fmt::phone_plan}};
    auto name = p.str("format");
    bool known = false;
    for (auto& [n, f] : names)
      if (n == name) fmt_ = f, known = true;
    if (!known) p.fail("format", "unknown format \"" + name + "\" (e164, digits, uuid, email, sip, https-url, phone-plan)");
    if (auto o = p.opt_strings("outcomes")) {
      // A misspelt outcome would turn the rule off without a word.
      const std::vector<std::string_view> known = fmt_ == Fmt::https_url    ? std::vector<std::string_view>{"invalid", "insecure"}
                                                  : fmt_ == Fmt::phone_plan ? std::vector<std::string_view>{"invalid", "unknown-country"}
                                                                            : std::vector<std::string_view>{"invalid"};
      for (const std::string& outcome : *o)
        if (std::find(known.begin(), known.end(), outcome) == known.end()) {
          std::string list;
          for (std::string_view k : known) list += (list.empty() ? "\"" : ", \"") + std::string(k) + "\"";
          p.fail("outcomes", "\"" + formats::printable(outcome) + "\" is no outcome of the format " + name + " (it has " + list + ")");
        }
      outcomes_.insert(o->begin(), o->end());
    }
    skip_empty_ = p.flag("skipEmpty", false);
    locations_ = p.rels("regionFromLocation");
    if (!locations_.empty() && fmt_ != Fmt::e164 && fmt_ != Fmt::phone_plan)
      p.fail("regionFromLocation", "applies to the e164 and phone-plan formats only");
  }

  bool needs_numbering_plan() const override { return fmt_ == Fmt::phone_plan; }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString()) return;
    std::string_view s(v.GetString(), v.GetStringLength());
    if (skip_empty_ && s.empty()) return;
    if (fine(fmt_, s)) return;
    Result r = judge(fmt_, s, fmt_ == Fmt::e164 || fmt_ == Fmt::phone_plan ? region(path, out.context()) : std::string());
    if (r.outcome.empty() || (!outcomes_.empty() && !outcomes_.count(r.outcome))) return;
    Finding& f = out.emit(path).arg("problem", r.problem).arg("hint", r.hint);
    // to-e164: safe when the plan read a valid number (a known region, or + and the country code).
    if (!r.e164.empty() && out.fixes("to-e164"))
      out.fix(f, "to-e164", FixSpec{r.e164_safe, "Write the number in E.164 form: " + r.e164 + ".",
                                    {{f.pointer, FixEdit::Target::value, json_string(r.e164)}}, {}});
  }

 private:
  // The country of the location the payload names (the first of regionFromLocation's that is
  // there: a workspace's calling location before its own), when the snapshot knows it; else
  // the default.
  std::string region(const Path& path, const LintContext& context) const {
    if (!context.snapshot) return context.region;
    for (const RelPointer& at : locations_) {
      const rapidjson::Value* id = at.resolve(path);
      if (!is_present(id, true)) continue;
      if (!id->IsString()) break;
      std::string code = snapshot::location_region(
          *context.snapshot, snapshot::normalise(snapshot::KeyType::id, {id->GetString(), id->GetStringLength()}));
      return code.empty() ? context.region : code;
    }
    return context.region;
  }

  Fmt fmt_ = Fmt::digits;
  std::vector<RelPointer> locations_;
  std::set<std::string, std::less<>> outcomes_;
  bool skip_empty_ = false;
};

}  // namespace

std::unique_ptr<Check> make_format(Params& p) { return std::make_unique<Format>(p); }

}  // namespace wxlint::checks
