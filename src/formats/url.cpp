// Absolute http(s) URLs, as used for avatars.
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

namespace wxlint::formats {

namespace {

// RFC 3986 reg-name (unreserved, sub-delims, %HH) plus raw UTF-8 for internationalised hosts.
bool is_reg_name(std::string_view host) {
  constexpr std::string_view allowed = "-._~!$&'()*+,;=";
  bool ip_like = true;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (c == '%') {
      if (i + 2 >= host.size() || !ascii::is_hex_digit(host[i + 1]) || !ascii::is_hex_digit(host[i + 2])) return false;
      i += 2;
    } else if (!ascii::is_alnum(c) && static_cast<unsigned char>(c) < 0x80 && allowed.find(c) == std::string_view::npos) {
      return false;
    }
    if (!(c == '.' || (c >= '0' && c <= '9'))) ip_like = false;
  }
  // Browsers read an all-numeric host as an IPv4 address, so it has to be one.
  return !ip_like || is_ipv4(host);
}

bool is_port(std::string_view port) {
  if (port.empty()) return true;  // "http://host:/" is allowed by RFC 3986
  if (!is_digits(port) || port.size() > 5) return false;
  unsigned long v = 0;
  for (char c : port) v = v * 10 + unsigned(c - '0');
  return v <= 65535;
}

}  // namespace

UrlKind classify_url(std::string_view s) {
  UrlKind kind;
  std::string_view rest;
  if (ascii::starts_with_nocase(s, "https://")) {
    kind = UrlKind::https;
    rest = s.substr(8);
  } else if (ascii::starts_with_nocase(s, "http://")) {
    kind = UrlKind::http;
    rest = s.substr(7);
  } else {
    return UrlKind::invalid;
  }
  if (detail::whitespace_problem(s) || !is_valid_utf8(s)) return UrlKind::invalid;

  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority = authority.substr(at + 1);

  std::string_view host, port;
  if (!authority.empty() && authority[0] == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || !is_ipv6(authority.substr(1, close - 1))) return UrlKind::invalid;
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after[0] != ':') return UrlKind::invalid;
    host = authority.substr(0, close + 1);
    port = after.empty() ? after : after.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    host = authority.substr(0, colon);
    port = colon == std::string_view::npos ? std::string_view() : authority.substr(colon + 1);
    if (host.empty() || !is_reg_name(host)) return UrlKind::invalid;
  }
  return is_port(port) ? kind : UrlKind::invalid;
}

}  // namespace wxlint::formats
