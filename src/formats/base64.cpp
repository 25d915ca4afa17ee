// Base64 decoding (standard and URL-safe alphabets) with precise error reasons.
#include "formats/formats.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

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

// Each character's value already shifted to its place in a group of four (24 bits), so that a
// group decodes with four lookups and three ORs; characters outside both alphabets set bit 31.
constexpr std::uint32_t kBadChar = 0x80000000;

constexpr std::array<std::array<std::uint32_t, 256>, 4> make_shifted() {
  std::array<std::array<std::uint32_t, 256>, 4> t{};
  for (std::size_t place = 0; place < 4; ++place)
    for (std::size_t c = 0; c < 256; ++c)
      t[place][c] = kTable[c] == kInvalid ? kBadChar : static_cast<std::uint32_t>(kTable[c]) << (18 - 6 * place);
  return t;
}

constexpr auto kShifted = make_shifted();

std::uint32_t shifted(std::string_view s, std::size_t i, std::size_t place) {
  return kShifted[place][static_cast<unsigned char>(s[i + place])];
}

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

std::optional<std::size_t> base64_decode_into(std::string_view s, char* out) {
  // One pass, four characters at a time: ids are decoded by the million. Accepts exactly
  // what scan() accepts (base64_problem says why when this returns nullopt).
  std::size_t n = s.size();
  while (n > 0 && s[n - 1] == '=') --n;
  const std::size_t pad = s.size() - n;
  if (n % 4 == 1) return std::nullopt;
  const std::size_t needed = (4 - n % 4) % 4;
  if (pad != 0 && pad != needed) return std::nullopt;
  char* o = out;
  std::size_t i = 0;
  std::uint32_t seen = 0;  // OR of all groups: one test for bad characters at the end, as they are rare
  for (; i + 4 <= n; i += 4) {
    const std::uint32_t v = shifted(s, i, 0) | shifted(s, i, 1) | shifted(s, i, 2) | shifted(s, i, 3);
    seen |= v;
    // One 4-byte store of the 3 bytes, most significant first; the 4th byte is overwritten
    // by the next group or lies within the capacity's 2 spare bytes.
    std::uint32_t bytes = v << 8;
    if constexpr (std::endian::native == std::endian::little) bytes = __builtin_bswap32(bytes);
    std::memcpy(o, &bytes, sizeof bytes);
    o += 3;
  }
  if (n - i >= 2) {  // leftover low bits of the last character are ignored (lenient, like most decoders)
    const std::uint32_t v = shifted(s, i, 0) | shifted(s, i, 1) | (n - i == 3 ? shifted(s, i, 2) : 0);
    seen |= v;
    *o++ = static_cast<char>(v >> 16);
    if (n - i == 3) *o++ = static_cast<char>(v >> 8);
  }
  if (seen & kBadChar) return std::nullopt;
  return static_cast<std::size_t>(o - out);
}

std::optional<std::string> base64_decode(std::string_view s) {
  std::string out(base64_decoded_capacity(s.size()), '\0');
  const std::optional<std::size_t> n = base64_decode_into(s, out.data());
  if (!n) return std::nullopt;
  out.resize(*n);
  return out;
}

}  // namespace wxlint::formats
