// JSON Pointer (RFC 6901) helpers: build, split and join pointer strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::pointer {

// Appends "/" + key, escaping '~' as "~0" and '/' as "~1".
void append_key(std::string& ptr, std::string_view key);
// Appends the key with '~' and '/' escaped ("~0", "~1"), without the "/" before it.
void append_escaped(std::string& ptr, std::string_view key);

// Appends "/" + the decimal index.
void append_index(std::string& ptr, std::size_t index);

// "" or "/..." with every '~' starting "~0" or "~1".
bool is_valid(std::string_view ptr);

// Calls fn(token, end) for each token of a valid ptr from offset `from` (a '/' or the
// end): the token unescaped (in `plain` while fn runs when it had escapes) and the
// offset it ends at. No allocation for tokens without escapes.
template <class Fn>
void each_token(std::string_view ptr, std::size_t from, std::string& plain, Fn fn) {
  while (from < ptr.size()) {
    std::size_t end = ptr.find('/', from + 1);
    if (end == std::string_view::npos) end = ptr.size();
    std::string_view token = ptr.substr(from + 1, end - from - 1);
    if (token.find('~') != std::string_view::npos) {
      plain.clear();
      for (std::size_t k = 0; k < token.size(); ++k) {
        if (token[k] == '~') plain.push_back(token[++k] == '0' ? '~' : '/');  // is_valid() checked it
        else plain.push_back(token[k]);
      }
      token = plain;
    }
    fn(token, end);
    from = end;
  }
}

// An array index token: "0" or [1-9][0-9]* (no sign, no leading zero, no "-").
bool parse_index(std::string_view token, std::size_t& out);

// "" -> {}; "/a~1b/0" -> {"a/b", "0"}. nullopt if the pointer is not is_valid().
std::optional<std::vector<std::string>> split(std::string_view ptr);

// Inverse of split().
std::string join(const std::vector<std::string>& tokens);

}  // namespace wxlint::pointer
