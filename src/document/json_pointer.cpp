#include "document/json_pointer.hpp"

#include <charconv>

namespace wxlint::pointer {

void append_key(std::string& ptr, std::string_view key) {
  ptr.reserve(ptr.size() + 1 + key.size());
  ptr.push_back('/');
  append_escaped(ptr, key);
}

void append_escaped(std::string& ptr, std::string_view key) {
  for (char c : key) {
    if (c == '~') {
      ptr.append("~0");
    } else if (c == '/') {
      ptr.append("~1");
    } else {
      ptr.push_back(c);
    }
  }
}

void append_index(std::string& ptr, std::size_t index) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, index);
  ptr.push_back('/');
  ptr.append(buf, res.ptr);
}

bool is_valid(std::string_view ptr) {
  if (ptr.empty()) return true;
  if (ptr[0] != '/') return false;
  for (std::size_t i = ptr.find('~'); i != std::string_view::npos; i = ptr.find('~', i + 2))
    if (i + 1 >= ptr.size() || (ptr[i + 1] != '0' && ptr[i + 1] != '1')) return false;
  return true;
}

bool parse_index(std::string_view token, std::size_t& out) {
  if (token.empty() || token.size() > 19 || (token.size() > 1 && token[0] == '0')) return false;
  std::size_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

std::optional<std::vector<std::string>> split(std::string_view ptr) {
  if (!is_valid(ptr)) return std::nullopt;
  std::vector<std::string> tokens;
  std::string plain;
  each_token(ptr, 0, plain, [&](std::string_view token, std::size_t) { tokens.emplace_back(token); });
  return tokens;
}

std::string join(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) append_key(out, t);
  return out;
}

}  // namespace wxlint::pointer
