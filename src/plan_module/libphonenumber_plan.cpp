// The numbering-plan module: libphonenumber behind the C interface of
// formats/numbering_plan_abi.h. Built as its own shared object and loaded by libwxlint on
// first use (formats/numbering_plan.cpp); nothing else includes libphonenumber's headers.
#include "formats/numbering_plan_abi.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace i18n::phonenumbers {
// libphonenumber befriends this name (its own test class): the one way to a region's metadata,
// whose patterns the matcher below compiles with RE2.
class PhoneNumberUtilTest {
 public:
  static const PhoneMetadata* metadata(const PhoneNumberUtil& u, int country_code, const std::string& region) {
    return region == "001" ? u.GetMetadataForNonGeographicalRegion(country_code) : u.GetMetadataForRegion(region);
  }
};
}  // namespace i18n::phonenumbers

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& util() {
  static PhoneNumberUtil* const u = [] {
    PhoneNumberUtil* p = PhoneNumberUtil::GetInstance();
    p->SetLogger(new i18n::phonenumbers::NullLogger());  // a library never prints
    return p;
  }();
  return *u;
}

template <std::size_t N>
void copy(char (&to)[N], const std::string& from) {
  std::size_t n = from.size() < N - 1 ? from.size() : N - 1;
  std::memcpy(to, from.data(), n);
  to[n] = '\0';
}

bool plus_digits(const char* s, std::size_t n) {
  if (n < 2 || n > 18 || s[0] != '+') return false;
  for (std::size_t i = 1; i < n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// "+" and digits read as E.164 exactly: the country code, then the national significant
// number (libphonenumber's Parse would also drop a national prefix, "+44 020..." being read as
// "+44 20...": an E.164 value holding one is not the number it means). false: no country code.
bool read_e164(const char* s, std::size_t n, PhoneNumber& out) {
  const std::string digits(s + 1, n - 1);
  if (digits[0] == '0') return false;  // no country calling code starts with 0
  for (std::size_t len = 1; len <= 3 && len <= digits.size(); ++len) {
    const int cc = std::stoi(digits.substr(0, len));
    std::string region;
    util().GetRegionCodeForCountryCode(cc, &region);
    if (region == "ZZ") continue;
    const std::string nsn = digits.substr(len);
    out.set_country_code(cc);
    out.set_national_number(nsn.empty() ? 0 : std::stoull(nsn));
    std::size_t zeros = 0;
    while (zeros + 1 < nsn.size() && nsn[zeros] == '0') ++zeros;
    if (zeros > 0) {
      out.set_italian_leading_zero(true);
      if (zeros > 1) out.set_number_of_leading_zeros(static_cast<int>(zeros));
    }
    return true;
  }
  return false;
}

// A North American area code with no valid number in a sample of its exchanges: unassigned.
// Cached: each area code is probed once per process.
bool nanp_area_unassigned(const std::string& npa) {
  static std::mutex mutex;
  static std::map<std::string, bool> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(npa); it != cache.end()) return it->second;
  }
  static const char* const exchanges[] = {"200", "201", "202", "212", "222", "234", "250", "301", "333", "345", "404",
                                          "456", "502", "555", "567", "601", "678", "702", "789", "890", "901", "955"};
  bool unassigned = true;
  for (const char* nxx : exchanges) {
    PhoneNumber probe;
    probe.set_country_code(1);
    probe.set_national_number(std::stoull(npa + nxx + "4567"));
    if (util().IsValidNumber(probe)) {
      unassigned = false;
      break;
    }
  }
  std::lock_guard<std::mutex> lock(mutex);
  cache[npa] = unassigned;
  return unassigned;
}

// libphonenumber's GetRegionCodeForNumber and IsValidNumberForRegion, step for step, on its own
// metadata, with the patterns compiled once into RE2 (linear time): its ICU path looks each
// pattern up by hashing its text, and builds a matcher and a UTF-16 copy per match, ~25 us a
// number. WXLINT_PLAN_REFERENCE=1 takes libphonenumber's path (the tests compare the two).
class FastPlan {
 public:
  // The number's region ("ZZ" none) and whether it is valid there; false: no fast answer (a
  // pattern RE2 refused), ask libphonenumber.
  bool judge(const PhoneNumber& n, std::string& region, bool& valid) {
    const Country* c = country(n.country_code());
    if (!c) return false;
    std::string nsn;
    util().GetNationalSignificantNumber(n, &nsn);
    const Region* found = nullptr;
    if (c->regions.size() == 1) {
      found = &c->regions.front();
    } else {
      for (const Region& r : c->regions) {
        if (r.leading) {
          re2::StringPiece input(nsn);
          if (RE2::Consume(&input, *r.leading)) {
            found = &r;
            break;
          }
        } else if (r.valid(nsn)) {
          found = &r;
          break;
        }
      }
    }
    region = found ? found->code : "ZZ";
    valid = found && found->valid(nsn);
    return true;
  }

 private:
  struct Desc {
    std::vector<int> lengths;  // none: any length
    std::unique_ptr<RE2> pattern;  // none: matches nothing
    bool matches(const std::string& nsn) const {
      if (!lengths.empty() && std::find(lengths.begin(), lengths.end(), static_cast<int>(nsn.size())) == lengths.end()) return false;
      return pattern && RE2::FullMatch(nsn, *pattern);
    }
  };
  struct Region {
    std::string code;
    std::unique_ptr<RE2> leading;
    Desc general, fixed_line, mobile;
    std::vector<Desc> others;  // premium rate ... voicemail: any of them makes the number valid
    bool same_mobile_and_fixed_line = false;
    // GetNumberTypeHelper(nsn) != UNKNOWN.
    bool valid(const std::string& nsn) const {
      if (!general.matches(nsn)) return false;
      for (const Desc& d : others)
        if (d.matches(nsn)) return true;
      if (fixed_line.matches(nsn)) return true;
      return !same_mobile_and_fixed_line && mobile.matches(nsn);
    }
  };
  struct Country {
    std::vector<Region> regions;
  };

  static bool compile(const std::string& text, std::unique_ptr<RE2>& out) {
    if (text.empty()) return true;
    RE2::Options o;
    o.set_log_errors(false);
    out = std::make_unique<RE2>(text, o);
    return out->ok();
  }
  static bool compile(const i18n::phonenumbers::PhoneNumberDesc& d, Desc& out) {
    out.lengths.assign(d.possible_length().begin(), d.possible_length().end());
    return compile(d.national_number_pattern(), out.pattern);
  }

  // Null when the country code has no regions or a pattern RE2 refuses.
  const Country* country(int code) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, fresh] = countries_.try_emplace(code);
    if (!fresh) return it->second.get();
    std::list<std::string> codes;
    util().GetRegionCodesForCountryCallingCode(code, &codes);
    auto c = std::make_unique<Country>();
    for (const std::string& rc : codes) {
      const auto* m = i18n::phonenumbers::PhoneNumberUtilTest::metadata(util(), code, rc);
      if (!m) return nullptr;
      Region& r = c->regions.emplace_back();
      r.code = rc;
      r.same_mobile_and_fixed_line = m->same_mobile_and_fixed_line_pattern();
      bool ok = (!m->has_leading_digits() || (compile(m->leading_digits(), r.leading) && r.leading)) &&
                compile(m->general_desc(), r.general) && compile(m->fixed_line(), r.fixed_line) && compile(m->mobile(), r.mobile);
      for (const auto* d : {&m->premium_rate(), &m->toll_free(), &m->shared_cost(), &m->voip(), &m->personal_number(),
                            &m->pager(), &m->uan(), &m->voicemail()})
        ok = ok && compile(*d, r.others.emplace_back());
      if (!ok) return nullptr;
    }
    if (c->regions.empty()) return nullptr;
    it->second = std::move(c);
    return it->second.get();
  }

  std::mutex mutex_;
  std::map<int, std::unique_ptr<Country>> countries_;  // null: ask libphonenumber
};

FastPlan& fast_plan() {
  static FastPlan* const f = new FastPlan();  // never destroyed: no work at exit
  return *f;
}

bool reference_only() {
  static const bool on = [] {
    const char* v = std::getenv("WXLINT_PLAN_REFERENCE");
    return v && std::strcmp(v, "1") == 0;
  }();
  return on;
}

// IsValidNumber(n) is IsValidNumberForRegion(n, GetRegionCodeForNumber(n)): the region, the
// costly part (for +1, a pass over some twenty regions' patterns), is found once, and only
// for a number of a possible length. `region` receives it then.
int verdict_of(const PhoneNumber& n, std::string& region) {
  switch (util().IsPossibleNumberWithReason(n)) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return WXLINT_PLAN_UNKNOWN_COUNTRY;
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY: return WXLINT_PLAN_TOO_SHORT;  // lacks its area code
    case PhoneNumberUtil::TOO_LONG: return WXLINT_PLAN_TOO_LONG;
    case PhoneNumberUtil::INVALID_LENGTH: return WXLINT_PLAN_INVALID_LENGTH;
    case PhoneNumberUtil::IS_POSSIBLE: break;
  }
  bool valid = false;
  if (reference_only() || !fast_plan().judge(n, region, valid)) {
    util().GetRegionCodeForNumber(n, &region);
    valid = util().IsValidNumberForRegion(n, region);
  }
  return valid ? WXLINT_PLAN_VALID : WXLINT_PLAN_NOT_ASSIGNED;
}

int parse_error_verdict(PhoneNumberUtil::ErrorType e) {
  switch (e) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return WXLINT_PLAN_UNKNOWN_COUNTRY;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return WXLINT_PLAN_TOO_SHORT;
    case PhoneNumberUtil::TOO_LONG_NSN: return WXLINT_PLAN_TOO_LONG;
    default: return WXLINT_PLAN_NOT_A_NUMBER;
  }
}

// Read in `region` as its national number, while the region writes a national number after a
// trunk prefix (0, 8...) that the text does not start with. The North American plan writes
// its numbers without theirs (1).
bool prefix_missing(const char* text, std::size_t length, const std::string& region, const PhoneNumber& n) {
  if (n.country_code() == 1 || n.country_code() != util().GetCountryCodeForRegion(region)) return false;
  std::string prefix;
  util().GetNddPrefixForRegion(region, true, &prefix);
  if (prefix.empty()) return false;
  std::string digits;
  for (std::size_t i = 0; i < length && digits.size() < prefix.size(); ++i)
    if (text[i] >= '0' && text[i] <= '9') digits += text[i];
  return digits != prefix;
}

}  // namespace

extern "C" {

__attribute__((visibility("default"))) int wxlint_plan_abi_version(void) { return WXLINT_PLAN_ABI_VERSION; }

__attribute__((visibility("default"))) int wxlint_plan_is_region(const char* region) {
  if (!region) return 0;
  // Built once: a location's country is asked for every phone number judged in it.
  static const std::set<std::string> regions = [] {
    std::set<std::string> r;
    util().GetSupportedRegions(&r);
    return r;
  }();
  return regions.count(region) ? 1 : 0;
}

__attribute__((visibility("default"))) int wxlint_plan_judge(const char* text, size_t length,
                                                              const char* default_region, wxlint_plan_result* out) {
  if (!text || !out || length > 64) return -1;
  *out = wxlint_plan_result{};
  try {
    PhoneNumber n;
    if (plus_digits(text, length)) {
      if (!read_e164(text, length, n)) {
        out->verdict = WXLINT_PLAN_UNKNOWN_COUNTRY;
        return 0;
      }
    } else {
      const std::string region = default_region && *default_region ? default_region : "ZZ";
      const auto error = util().Parse(std::string(text, length), region, &n);
      if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        out->verdict = parse_error_verdict(error);
        return 0;
      }
      out->prefix_missing = prefix_missing(text, length, region, n) ? 1 : 0;
    }
    out->country_code = n.country_code();
    std::string s;
    util().GetRegionCodeForCountryCode(n.country_code(), &s);
    copy(out->main_region, s);
    util().Format(n, PhoneNumberUtil::E164, &s);
    copy(out->e164, s);
    std::string region;
    out->verdict = verdict_of(n, region);
    if (!region.empty() && region != "ZZ" && region != "001") copy(out->region, region);
    if (out->verdict == WXLINT_PLAN_NOT_ASSIGNED && n.country_code() == 1 && !out->region[0]) {
      const std::string nsn = std::to_string(n.national_number());
      if (nsn.size() == 10 && nanp_area_unassigned(nsn.substr(0, 3))) copy(out->area_code, nsn.substr(0, 3));
    }
    return 0;
  } catch (...) {  // std::bad_alloc, or a digit string std::stoull cannot hold: nothing may unwind into C
    *out = wxlint_plan_result{};
    out->verdict = WXLINT_PLAN_NOT_A_NUMBER;
    return 0;
  }
}

}  // extern "C"
