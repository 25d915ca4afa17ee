// What two payload values are compared as, by the kinds that compare values with each other
// (unique, differs): the rule's "normalize" decides what counts as the same.
#pragma once

#include "engine/check.hpp"
#include "formats/ascii.hpp"
#include "formats/formats.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace wxlint::checks {

// webex_id: by identity (formats::webex_identity), so padded, unpadded and urlsafe
// spellings of one id are one value; a raw UUID ignoring case; anything else as it is.
enum class Norm { none, lower, digits, webex_id };

// compared_value() for a value that needs rewriting: s, rewritten.
[[gnu::noinline]] inline std::string_view rewritten_value(const rapidjson::Value& v, Norm norm, std::string& s) {
  if (norm == Norm::webex_id && v.IsString() &&
      formats::webex_identity(std::string_view(v.GetString(), v.GetStringLength()), s))
    return s;
  if (v.IsString()) s.assign(v.GetString(), v.GetStringLength());
  else s = scalar_text(v, SIZE_MAX);
  if (norm == Norm::lower || (norm == Norm::webex_id && formats::is_uuid(s))) {
    for (char& c : s) c = ascii::to_lower(c);
  } else if (norm == Norm::digits) {
    std::size_t n = 0;
    for (char c : s)
      if (ascii::is_digit(c)) s[n++] = c;
    s.resize(n);
  }
  return s;
}

// The value unique compares for a string or number node: a view of the DOM's string
// when nothing needs rewriting (no upper case; one run of digits, as in "+14085551234"),
// else s rewritten. Inline: it runs for every match, and nearly always returns a view.
inline std::string_view compared_value(const rapidjson::Value& v, Norm norm, std::string& s) {
  if (v.IsString()) {
    const std::string_view t(v.GetString(), v.GetStringLength());
    if (norm == Norm::none) return t;
    if (norm == Norm::lower) {
      if (std::none_of(t.begin(), t.end(), ascii::is_upper)) return t;
    } else if (norm == Norm::digits) {
      const auto first = std::find_if(t.begin(), t.end(), ascii::is_digit);
      const auto end = std::find_if_not(first, t.end(), ascii::is_digit);
      if (std::none_of(end, t.end(), ascii::is_digit)) return t.substr(first - t.begin(), end - first);
    }
  }
  return rewritten_value(v, norm, s);
}

// The "normalize" parameter: "none" (the default), "lower", "digits" or "webex-id".
inline Norm parse_norm(Params& p) {
  const std::string n = p.opt_str("normalize").value_or("none");
  if (n == "lower") return Norm::lower;
  if (n == "digits") return Norm::digits;
  if (n == "webex-id") return Norm::webex_id;
  if (n != "none") p.fail("normalize", "must be \"none\", \"lower\", \"digits\" or \"webex-id\"");
  return Norm::none;
}

}  // namespace wxlint::checks
