#include "document/json_pointer.hpp"

#include <charconv>

namespace wxlint::pointer {

void append_key(std::string& ptr, std::string_view key) {
  ptr.reserve(ptr.size() + 1 + key.size());
  ptr.push_back('/');
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

std::optional<std::vector<std::string>> split(std::string_view ptr) {
  std::vector<std::string> tokens;
  if (ptr.empty()) return tokens;
  if (ptr.front() != '/') return std::nullopt;
  std::string token;
  for (std::size_t i = 1; i <= ptr.size(); ++i) {
    if (i == ptr.size() || ptr[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    char c = ptr[i];
    if (c == '~') {
      if (i + 1 >= ptr.size()) return std::nullopt;
      char e = ptr[++i];
      if (e == '0') {
        token.push_back('~');
      } else if (e == '1') {
        token.push_back('/');
      } else {
        return std::nullopt;
      }
    } else {
      token.push_back(c);
    }
  }
  return tokens;
}

std::string join(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) append_key(out, t);
  return out;
}

}  // namespace wxlint::pointer
