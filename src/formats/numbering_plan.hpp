// Phone numbers judged by real numbering plans: libphonenumber's, behind this interface so
// that nothing else includes its headers. It lives in a module loaded on the first number
// judged (numbering_plan_abi.h says why); until then a run pays nothing for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wxlint::formats::plan {

enum class Verdict {
  valid,
  not_a_number,     // libphonenumber cannot read it as a number
  unknown_country,  // no country calling code starts it
  wrong_length,     // too short, too long, or a length no number of its country has
  not_assigned,     // a possible length, but in no assigned range
  unavailable,      // the module could not be loaded: nothing can be judged
};

struct Judgement {
  Verdict verdict = Verdict::unavailable;
  std::string e164;    // its E.164 form, when it was read as a number
  std::string reason;  // why it is not valid, a clause: "894 is not an assigned area code in the North American plan"
  // Read in the region as a national number written without its trunk prefix ("20 7946 0000"
  // in GB): a reading libphonenumber allows, but the digits may as well mean something else.
  bool prefix_missing = false;
  int country_code = 0;  // of its country, when it was read as a number (valid or not); else 0
};

// Judges s: E.164 ("+" and digits) exactly as written, anything else as libphonenumber reads
// it with `region` ("US"; "" none: then only a number starting with + can be read).
Judgement judge(std::string_view s, std::string_view region = {});

// The region code for s ("us" or "US" -> "US") when the plan knows it, else nullopt; also
// nullopt when the module is unavailable (see unavailable_reason()).
std::optional<std::string> region_code(std::string_view s);

// Why s cannot be a default region ("\"XX\" is not a region code ..."), nullopt when it can.
std::optional<std::string> region_problem(std::string_view s);
// The region code for a region the user gave ("" for none); throws ConfigError
// ("region: " + region_problem(s)) when it is none.
std::string checked_region(std::string_view s);

// The numbering-plan metadata compiled into the module ("8.12.57"), known without loading it.
std::string_view metadata_version();

// "" when the module is loaded (or can be), else why not. Loads it.
std::string unavailable_reason();

}  // namespace wxlint::formats::plan
