// IP address literals, shared by the SIP and URL checks.
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

namespace wxlint::formats {

bool is_ipv4(std::string_view s) {
  int parts = 0;
  std::size_t i = 0;
  while (true) {
    std::size_t j = i;
    unsigned value = 0;
    while (j < s.size() && j - i < 4 && s[j] >= '0' && s[j] <= '9') value = value * 10 + unsigned(s[j++] - '0');
    const std::size_t len = j - i;
    // Leading zeros are rejected: some stacks read them as octal.
    if (len == 0 || len > 3 || value > 255 || (len > 1 && s[i] == '0')) return false;
    if (++parts == 4) return j == s.size();
    if (j >= s.size() || s[j] != '.') return false;
    i = j + 1;
  }
}

bool is_ipv6(std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  int groups = 0;
  bool compressed = false;
  if (n >= 2 && s[0] == ':' && s[1] == ':') {
    compressed = true;
    i = 2;
  } else if (n == 0 || s[0] == ':') {
    return false;
  }
  while (i < n) {
    std::size_t j = i;
    while (j < n && j - i <= 4 && ascii::is_hex_digit(s[j])) ++j;
    if (j < n && s[j] == '.') {  // trailing embedded IPv4, worth two groups
      if (!is_ipv4(s.substr(i))) return false;
      groups += 2;
      break;
    }
    if (j == i || j - i > 4) return false;
    if (++groups > 8) return false;
    if (j == n) break;
    if (s[j] != ':') return false;
    i = j + 1;
    if (i < n && s[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
    } else if (i == n) {
      return false;  // a single trailing ':'
    }
  }
  return compressed ? groups <= 7 : groups == 8;
}

}  // namespace wxlint::formats
