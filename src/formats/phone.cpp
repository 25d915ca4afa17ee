// E.164 phone numbers: validation and conservative suggestions.
#include "formats/formats.hpp"

namespace wxlint::formats {

namespace {

bool is_separator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

// Ten NANP digits: area code and exchange both start with 2-9.
bool is_nanp10(std::string_view d) {
  return d.size() == 10 && is_digits(d) && d[0] >= '2' && d[3] >= '2';
}

}  // namespace

bool is_e164(std::string_view s) {
  if (s.size() < 3 || s.size() > 16 || s[0] != '+') return false;
  const std::string_view digits = s.substr(1);
  return is_digits(digits) && digits[0] != '0';
}

std::optional<std::string> suggest_e164(std::string_view s) {
  if (is_e164(s)) return std::nullopt;
  bool plus = false;
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      // No E.164 number has more than 15 digits (+2 for "00"); stop early on huge input.
      if (digits.size() >= 17) return std::nullopt;
      digits += c;
    } else if (c == '+' && !plus && digits.empty()) {
      plus = true;  // only as the first non-separator character
    } else if (!is_separator(c)) {
      return std::nullopt;  // letters ("ext"), '#', '*', a second '+': not derivable honestly
    }
  }
  if (digits.empty()) return std::nullopt;

  std::string candidate;
  const bool nanp11 = digits.size() == 11 && digits[0] == '1' && is_nanp10(std::string_view(digits).substr(1));
  if (plus || nanp11) {
    candidate = "+" + digits;
  } else if (digits.size() > 2 && digits[0] == '0' && digits[1] == '0') {
    candidate = "+" + digits.substr(2);
  } else if (is_nanp10(digits)) {
    candidate = "+1" + digits;
  } else {
    return std::nullopt;
  }
  if (!is_e164(candidate)) return std::nullopt;
  return candidate;
}

}  // namespace wxlint::formats
