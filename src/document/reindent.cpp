#include "document/reindent.hpp"

#include "document/json_text.hpp"

#include <algorithm>

namespace wxlint::detail {

std::optional<std::string> reindent(std::string_view text, std::size_t width) {
  const std::size_t n = text.size();
  const std::size_t limit = 3 * n + (std::size_t{1} << 20);
  std::string out;
  out.reserve(n + n / 2);
  std::size_t depth = 0;
  const auto newline = [&] {
    out += '\n';
    out.append(depth * width, ' ');
  };
  // Whitespace between two tokens of a value ("1 2", "tr ue") is kept as one space: joined,
  // they would read as one token and hide the syntax error.
  bool gap = false;
  const auto keep_gap = [&] {
    if (gap && !out.empty() && out.back() != ' ' && out.back() != '\n' && out.back() != '{' && out.back() != '[' &&
        out.back() != ',')
      out += ' ';
  };
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (is_json_ws(c)) {
      gap = true;
      continue;
    }
    const bool scalar = c == '"' || (c != '{' && c != '[' && c != '}' && c != ']' && c != ',' && c != ':');
    if (scalar) keep_gap();
    gap = false;
    if (c == '"') {  // the whole string token, escapes included
      std::size_t j = i + 1;
      while (j < n && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      const std::size_t end = std::min(j + 1, n);
      out.append(text.substr(i, end - i));
      i = end - 1;
    } else if (c == '{' || c == '[') {
      out += c;
      std::size_t k = i + 1;
      while (k < n && is_json_ws(text[k])) ++k;
      if (k < n && text[k] == (c == '{' ? '}' : ']')) {
        out += text[k];
        i = k;
      } else {
        ++depth;
        newline();
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;
    }
    if (out.size() > limit) return std::nullopt;
  }
  return out;
}

}  // namespace wxlint::detail
