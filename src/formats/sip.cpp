// SIP addresses: "user@host" or a sip:/sips: URI (RFC 3261 section 25.1, without the rarer corners).
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

namespace wxlint::formats {

namespace {

bool one_of(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

bool is_unreserved(char c) { return ascii::is_alnum(c) || one_of(c, "-_.!~*'()"); }

// First character of s not in the allowed set (escapes "%HH" are allowed), or npos.
template <class Allowed>
std::size_t first_bad(std::string_view s, Allowed allowed) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      if (i + 2 >= s.size() || !ascii::is_hex_digit(s[i + 1]) || !ascii::is_hex_digit(s[i + 2])) return i;
      i += 2;
    } else if (!allowed(s[i])) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string bad_char(std::string_view what, std::string_view s, std::size_t i) {
  if (s[i] == '%') return std::string(what) + " has a '%' that does not start a %XX escape";
  return std::string(what) + " has a character that is not allowed (" + detail::describe_char_at(s, i) + ")";
}

std::optional<std::string> userinfo_problem(std::string_view userinfo) {
  const std::size_t colon = userinfo.find(':');
  const std::string_view user = userinfo.substr(0, colon);
  if (user.empty()) return "has an empty user part";
  const std::size_t u = first_bad(user, [](char c) { return is_unreserved(c) || one_of(c, "&=+$,;?/"); });
  if (u != std::string_view::npos) return bad_char("user part", user, u);
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string_view password = userinfo.substr(colon + 1);
  const std::size_t p = first_bad(password, [](char c) { return is_unreserved(c) || one_of(c, "&=+$,"); });
  if (p != std::string_view::npos) return bad_char("password", password, p);
  return std::nullopt;
}

std::optional<std::string> hostname_problem(std::string_view host) {
  bool ip_like = true;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (!ascii::is_alnum(c) && c != '-' && c != '.') return bad_char("host", host, i);
    if (!(c == '.' || (c >= '0' && c <= '9'))) ip_like = false;
  }
  if (ip_like) return is_ipv4(host) ? std::nullopt : std::optional<std::string>("has an invalid IPv4 address");
  if (host.size() > 253) return "host name is longer than 253 characters";
  // A single trailing dot (fully qualified name) is allowed.
  const std::string_view name = host.back() == '.' ? host.substr(0, host.size() - 1) : host;
  std::string_view label;
  for (std::size_t start = 0;;) {
    const std::size_t dot = name.find('.', start);
    label = name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) return "host name has an empty label";
    if (label.size() > 63) return "host name has a label longer than 63 characters";
    if (label.front() == '-' || label.back() == '-') return "host name has a label that starts or ends with '-'";
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (!ascii::is_alpha(label.front())) return "host name's last label does not start with a letter";
  return std::nullopt;
}

// host[:port][;params][?headers]
std::optional<std::string> hostport_problem(std::string_view rest) {
  std::size_t pos = 0;
  if (!rest.empty() && rest[0] == '[') {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos) return "has an IPv6 address without a closing ']'";
    if (!is_ipv6(rest.substr(1, close - 1))) return "has an invalid IPv6 address";
    pos = close + 1;
  } else {
    pos = rest.find_first_of(":;?");
    if (pos == std::string_view::npos) pos = rest.size();
    const std::string_view host = rest.substr(0, pos);
    if (host.empty()) return "has no host";
    if (auto p = hostname_problem(host)) return p;
  }
  if (pos < rest.size() && rest[pos] == ':') {
    std::size_t end = rest.find_first_of(";?", pos + 1);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view port = rest.substr(pos + 1, end - pos - 1);
    if (!is_digits(port)) return "has an invalid port";
    unsigned long value = 0;
    for (std::size_t i = 0; i < port.size() && value <= 65535; ++i) value = value * 10 + unsigned(port[i] - '0');
    if (value == 0 || value > 65535) return "port is out of range";
    pos = end;
  }
  while (pos < rest.size() && rest[pos] == ';') {
    std::size_t end = rest.find_first_of(";?", pos + 1);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view param = rest.substr(pos + 1, end - pos - 1);
    const std::size_t eq = param.find('=');
    const std::string_view name = param.substr(0, eq);
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : param.substr(eq + 1);
    if (name.empty()) return "has a parameter with no name";
    auto paramchar = [](char c) { return is_unreserved(c) || one_of(c, "[]/:&+$"); };
    if (const std::size_t b = first_bad(name, paramchar); b != std::string_view::npos) return bad_char("parameter", name, b);
    if (const std::size_t b = first_bad(value, paramchar); b != std::string_view::npos) return bad_char("parameter", value, b);
    pos = end;
  }
  if (pos < rest.size()) {
    if (rest[pos] != '?') return bad_char("host", rest, pos);
    const std::string_view headers = rest.substr(pos + 1);
    if (headers.empty()) return "has an empty header part after '?'";
    const std::size_t b = first_bad(headers, [](char c) { return is_unreserved(c) || one_of(c, "[]/?:+$=&"); });
    if (b != std::string_view::npos) return bad_char("header part", headers, b);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> sip_problem(std::string_view s) {
  if (s.empty()) return "is empty";
  if (auto p = detail::whitespace_problem(s)) return p;
  std::string_view body = s;
  const bool uri = ascii::starts_with_nocase(s, "sip:") || ascii::starts_with_nocase(s, "sips:");
  if (uri) body = s.substr(s.find(':') + 1);
  const std::size_t at = body.find('@');
  if (at == std::string_view::npos && !uri) return "is not a SIP URI or user@host";
  if (at != std::string_view::npos) {
    if (body.find('@', at + 1) != std::string_view::npos) return "has more than one '@'";
    const std::string_view userinfo = body.substr(0, at);
    // Without a scheme, "x:y@host" is more likely another URI scheme (mailto:, tel:) than a password.
    if (!uri && userinfo.find(':') != std::string_view::npos) return "is not a SIP URI or user@host";
    if (auto p = userinfo_problem(userinfo)) return p;
    body = body.substr(at + 1);
  }
  return hostport_problem(body);
}

}  // namespace wxlint::formats
