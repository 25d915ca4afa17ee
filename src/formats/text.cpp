// Byte/character helpers shared by the other format checks.
#include "formats/formats.hpp"

#include "formats/ascii.hpp"
#include "formats/display.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <initializer_list>

namespace wxlint::formats {

namespace {

bool in(unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
  return buf;
}

std::string code_point_name(unsigned cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

}  // namespace

bool is_digits(std::string_view s) {
  // Words at a time (extensions and phone numbers are checked by the million): after
  // xor-ing '0' away a digit byte is below 10, so adding 0x76 leaves its high bit clear;
  // any other byte sets it. A carry out of a bad byte can only flag more bytes.
  constexpr std::uint64_t kZeros = 0x3030303030303030, kAdd = 0x7676767676767676, kHigh = 0x8080808080808080;
  const auto bad = [&](const char* p, std::size_t n) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    const std::uint64_t ones = ~std::uint64_t{0} >> (64 - 8 * n);
    const std::uint64_t x = (w ^ kZeros) & ones;
    return (((x + (kAdd & ones)) | x) & kHigh & ones) != 0;
  };
  const std::size_t n = s.size();
  if (n == 0) return false;
  if (n < 8) return !bad(s.data(), n);
  for (std::size_t i = 0; i + 8 <= n; i += 8)
    if (bad(s.data() + i, 8)) return false;
  return !bad(s.data() + n - 8, 8);  // the tail, overlapping
}

namespace detail {

unsigned decode_at(std::string_view s, std::size_t i, std::size_t n) {
  auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[i + k])); };
  switch (n) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    case 3: return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    default: return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
  }
}

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const std::size_t left = s.size() - i;
  const auto c0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return k < left && in(static_cast<unsigned char>(s[i + k]), lo, hi);
  };
  if (c0 < 0x80) return 1;
  // Second-byte ranges exclude overlong forms, surrogates and values above U+10FFFF.
  if (in(c0, 0xC2, 0xDF)) return cont(1) ? 2 : 0;
  if (c0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
  if (in(c0, 0xE1, 0xEC) || in(c0, 0xEE, 0xEF)) return cont(1) && cont(2) ? 3 : 0;
  if (c0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c0 == 0xF0) return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
  if (in(c0, 0xF1, 0xF3)) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

std::string describe_byte(unsigned char c) {
  if (c >= 0x21 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
  if (c == ' ') return "' '";
  return "byte " + hex_byte(c);
}

std::string describe_char_at(std::string_view s, std::size_t i) {
  const std::size_t n = detail::utf8_sequence_length(s, i);
  const auto c = static_cast<unsigned char>(s[i]);
  // Multi-byte characters are quoted unless they are invisible (C1 controls, spaces).
  if (n > 1 && unicode_space_length(s, i) == 0 && decode_at(s, i, n) >= 0xA0)
    return "'" + std::string(s.substr(i, n)) + "'";
  return describe_byte(c);
}

std::string excerpt(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0, chars = 0;
  while (i < s.size() && chars < max_chars) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) break;  // keep excerpts valid UTF-8
    i += n;
    ++chars;
  }
  std::string out(s.substr(0, i));
  if (i < s.size()) out += "...";
  return out;
}

std::size_t unicode_space_length(std::string_view s, std::size_t i) {
  const std::size_t n = utf8_sequence_length(s, i);
  if (n < 2) return 0;
  const unsigned cp = decode_at(s, i, n);
  const bool space = cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
                     cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
                     cp == 0xFEFF;
  return space ? n : 0;
}

std::optional<std::string> whitespace_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ') return "has a space";
    if (c == '\t') return "has a tab";
    if (c == '\n' || c == '\r') return "has a line break";
    if (c < 0x20 || c == 0x7f) return "has a control character (byte " + hex_byte(c) + ")";
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence_length(s, i);
      if (n == 0) continue;
      const unsigned cp = decode_at(s, i, n);
      if (cp >= 0x80 && cp < 0xA0) return "has a control character (" + code_point_name(cp) + ")";
      if (unicode_space_length(s, i) != 0) return "has an invisible space (" + code_point_name(cp) + ")";
      i += n - 1;
    }
  }
  return std::nullopt;
}

}  // namespace detail

std::size_t utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const std::size_t n = detail::utf8_sequence_length(s, i);
    i += n == 0 ? 1 : n;
  }
  return count;
}

std::string clipped(std::string_view s, std::size_t max_chars) {
  std::size_t n = 0, i = 0;
  for (; i < s.size() && n < max_chars; ++n) {  // cut on a code point boundary
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  if (i == s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "...";
}

std::optional<std::string> percent_decoded(std::string_view s) {
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    const int hi = i + 2 < s.size() ? hex(s[i + 1]) : -1, lo = hi >= 0 ? hex(s[i + 2]) : -1;
    if (lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

std::string printable(std::string_view s) { return display::shown(s, display::Mode::terminal); }

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = detail::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

bool is_uuid(std::string_view s) {
  // The dashes, then the 32 hex digits eight at a time, each byte tested in place with no
  // branch (SWAR): a byte at a time cost ~3 instructions a byte, and ids come by the
  // hundred thousand.
  if (s.size() != 36) return false;
  const char* p = s.data();
  if (p[8] != '-' || p[13] != '-' || p[18] != '-' || p[23] != '-') return false;
  const auto load4 = [p](std::size_t at) {
    std::uint32_t w;
    std::memcpy(&w, p + at, sizeof w);
    return std::uint64_t{w};
  };
  const auto load8 = [p](std::size_t at) {
    std::uint64_t w;
    std::memcpy(&w, p + at, sizeof w);
    return w;
  };
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  // Per byte, its high bit set when lo <= byte <= hi; every byte below 0x80, so no carry
  // crosses into the next.
  const auto within = [](std::uint64_t x, std::uint64_t lo, std::uint64_t hi) {
    return (x + (0x80 - lo) * kOnes) & ~(x + (0x7F - hi) * kOnes) & kHigh;
  };
  std::uint64_t bad = 0;
  for (const std::uint64_t w : {load8(0), load4(9) | load4(14) << 32, load4(19) | load4(24) << 32, load8(28)}) {
    const std::uint64_t x = w & ~kHigh;
    // '0'-'9', or 'a'-'f' once 0x20 is set (which takes 'A'-'F' there and no other byte).
    bad |= w & kHigh;
    bad |= ~(within(x, '0', '9') | within(x | 0x20 * kOnes, 'a', 'f')) & kHigh;
  }
  return bad == 0;
}

}  // namespace wxlint::formats
