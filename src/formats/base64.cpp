// Base64 decoding (standard and URL-safe alphabets) with precise error reasons.
#include "formats/formats.hpp"

#include <array>

namespace wxlint::formats {

namespace {

constexpr signed char kInvalid = -1;

constexpr std::array<signed char, 256> make_table() {
  std::array<signed char, 256> t{};
  for (auto& v : t) v = kInvalid;
  for (std::size_t i = 0; i < 26; ++i) {
    t['A' + i] = static_cast<signed char>(i);
    t['a' + i] = static_cast<signed char>(26 + i);
  }
  for (std::size_t i = 0; i < 10; ++i) t['0' + i] = static_cast<signed char>(52 + i);
  t['+'] = t['-'] = 62;
  t['/'] = t['_'] = 63;
  return t;
}

constexpr auto kTable = make_table();

signed char value_of(char c) { return kTable[static_cast<unsigned char>(c)]; }

// Number of data characters (before padding) when s is valid base64, else the reason.
struct Scan {
  std::size_t data_len = 0;
  std::optional<std::string> problem;
};

Scan scan(std::string_view s) {
  Scan r;
  std::size_t first_pad = s.size();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '=') {
      if (first_pad == s.size()) first_pad = i;
    } else if (value_of(c) == kInvalid) {
      // Everything before i is ASCII here, so the byte index is also the character index.
      const std::string what = detail::describe_char_at(s, i);  // "'!'" or "byte 0x00"
      r.problem = (what[0] == '\'' ? "unexpected character " : "unexpected ") + what + " at position " +
                  std::to_string(i + 1);
      return r;
    } else if (first_pad != s.size()) {
      r.problem = "'=' padding at position " + std::to_string(first_pad + 1) + " is not at the end";
      return r;
    }
  }
  r.data_len = first_pad;
  const std::size_t pad = s.size() - first_pad;
  if (first_pad % 4 == 1) {
    r.problem = "has a length base64 cannot have (" + std::to_string(first_pad) + " characters before any padding)";
    return r;
  }
  const std::size_t needed = (4 - first_pad % 4) % 4;
  if (pad != 0 && pad != needed) {
    r.problem = needed == 0 ? std::string("has '=' padding where none is needed")
                            : "has the wrong amount of '=' padding (expected " + std::to_string(needed) + ")";
  }
  return r;
}

}  // namespace

std::optional<std::string> base64_problem(std::string_view s) { return scan(s).problem; }

std::optional<std::string> base64_decode(std::string_view s) {
  const Scan sc = scan(s);
  if (sc.problem) return std::nullopt;
  std::string out;
  out.reserve(sc.data_len / 4 * 3 + 2);
  unsigned acc = 0;
  int bits = 0;
  // Leftover low bits of the last character are ignored (lenient, like most decoders).
  for (std::size_t i = 0; i < sc.data_len; ++i) {
    acc = ((acc << 6) | static_cast<unsigned>(value_of(s[i]))) & 0xFFFFu;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFFu);
    }
  }
  return out;
}

}  // namespace wxlint::formats
