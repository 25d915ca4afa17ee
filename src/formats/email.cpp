// Email addresses: dot-atom local part @ DNS domain (RFC 5321/5322 subset, plus UTF-8 per RFC 6531).
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

namespace wxlint::formats {

namespace {

bool is_atext(unsigned char c) {
  if (ascii::is_alnum(static_cast<char>(c)) || c >= 0x80) return true;
  constexpr std::string_view specials = "!#$%&'*+/=?^_`{|}~-";
  return specials.find(static_cast<char>(c)) != std::string_view::npos;
}

std::optional<std::string> local_problem(std::string_view local) {
  if (local.empty()) return "has nothing before the '@'";
  if (local.size() > 64) return "local part is longer than 64 characters";
  if (local.front() == '.') return "local part starts with '.'";
  if (local.back() == '.') return "local part ends with '.'";
  for (std::size_t i = 0; i < local.size(); ++i) {
    const auto c = static_cast<unsigned char>(local[i]);
    if (c == '.') {
      if (local[i + 1] == '.') return "local part has '..'";  // i + 1 valid: local does not end with '.'
    } else if (!is_atext(c)) {
      return "local part has a character that is not allowed (" + detail::describe_byte(c) + ")";
    }
  }
  return std::nullopt;
}

std::optional<std::string> label_problem(std::string_view label) {
  const std::string shown = "'" + detail::excerpt(label, 24) + "'";
  if (label.size() > 63) return "domain label " + shown + " is longer than 63 characters";
  if (label.front() == '-') return "domain label " + shown + " starts with '-'";
  if (label.back() == '-') return "domain label " + shown + " ends with '-'";
  return std::nullopt;
}

std::optional<std::string> domain_problem(std::string_view domain) {
  if (domain.empty()) return "has nothing after the '@'";
  if (domain.size() > 253) return "domain is longer than 253 characters";
  for (char ch : domain) {
    const auto c = static_cast<unsigned char>(ch);
    if (!ascii::is_alnum(ch) && c != '-' && c != '.' && c < 0x80)
      return "domain has a character that is not allowed (" + detail::describe_byte(c) + ")";
  }
  if (domain.find('.') == std::string_view::npos) return "domain has no dot";
  std::string_view label;
  for (std::size_t start = 0;;) {
    const std::size_t dot = domain.find('.', start);
    label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) {
      if (start == 0) return "domain starts with '.'";
      return dot == std::string_view::npos ? "domain ends with '.'" : "domain has '..'";
    }
    if (auto p = label_problem(label)) return p;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (is_digits(label)) return "top-level domain '" + std::string(label) + "' is all digits";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> email_problem(std::string_view s) {
  if (s.empty()) return "is empty";
  if (auto p = detail::whitespace_problem(s)) return p;
  if (!is_valid_utf8(s)) return "is not valid UTF-8";
  if (s.find('"') != std::string_view::npos) return "has a '\"' (quoted local parts are not accepted)";
  const std::size_t at = s.find('@');
  if (at == std::string_view::npos) return "has no '@'";
  if (s.find('@', at + 1) != std::string_view::npos) return "has more than one '@'";
  if (s.size() > 254) return "address is longer than 254 characters";
  if (auto p = local_problem(s.substr(0, at))) return p;
  return domain_problem(s.substr(at + 1));
}

}  // namespace wxlint::formats
