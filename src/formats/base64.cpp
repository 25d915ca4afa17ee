// Base64 decoding (standard and URL-safe alphabets) with precise error reasons.
#include "formats/formats.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WXLINT_BASE64_SSSE3 1
#endif

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

#ifdef WXLINT_BASE64_SSSE3
// 16 characters at a time into 12 bytes, while 4 more characters follow (the 16-byte store
// then stays within the output's capacity). Stops before a block with a character outside
// both alphabets, for the scalar loop to reject. Returns the characters decoded.
__attribute__((target("ssse3"))) std::size_t decode_blocks_ssse3(const char* in, std::size_t n, char* out) {
  // Valid characters by nibbles: a bit per high nibble 2..7, set in the low nibble's entry
  // where that character is in an alphabet ("+-/" 2, digits 3, letters 4..7, '_' 5).
  const __m128i valid_lo = _mm_setr_epi8(0x2A, 0x3E, 0x3E, 0x3E, 0x3E, 0x3E, 0x3E, 0x3E, 0x3E, 0x3E, 0x3C, 0x15,
                                         0x14, 0x15, 0x14, 0x1D);
  const __m128i valid_hi = _mm_setr_epi8(0, 0, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0, 0, 0, 0, 0, 0, 0, 0);
  // Value = character + offset: by high nibble, then '_' and the '+', '-', '/' of nibble 2.
  const __m128i offset_hi = _mm_setr_epi8(0, 0, 0, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
  const __m128i offset_2 = _mm_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 17, 0, 16);
  const __m128i nibble = _mm_set1_epi8(0x0F);
  // The 3 bytes of each 24-bit group, most significant first, packed into 12.
  const __m128i pack = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  std::size_t i = 0;
  for (; i + 20 <= n; i += 16, out += 12) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    const __m128i lo = _mm_and_si128(c, nibble);
    const __m128i hi = _mm_and_si128(_mm_srli_epi16(c, 4), nibble);  // bytes >= 0x80: 8..15, invalid
    const __m128i ok = _mm_and_si128(_mm_shuffle_epi8(valid_lo, lo), _mm_shuffle_epi8(valid_hi, hi));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(ok, _mm_setzero_si128())) != 0) break;
    __m128i off = _mm_shuffle_epi8(offset_hi, hi);
    off = _mm_add_epi8(off, _mm_and_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('_')), _mm_set1_epi8(33)));
    off = _mm_add_epi8(off, _mm_and_si128(_mm_cmpeq_epi8(hi, _mm_set1_epi8(2)), _mm_shuffle_epi8(offset_2, lo)));
    const __m128i v = _mm_add_epi8(c, off);  // 0..63 each
    const __m128i pairs = _mm_maddubs_epi16(v, _mm_set1_epi32(0x01400140));     // a << 6 | b
    const __m128i groups = _mm_madd_epi16(pairs, _mm_set1_epi32(0x00011000));  // ab << 12 | cd
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_shuffle_epi8(groups, pack));
  }
  return i;
}

bool has_ssse3() {
  static const bool yes = __builtin_cpu_supports("ssse3");
  return yes;
}
#endif

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
    // Most often an id that lost or gained a character on its way from the API.
    r.problem = "is " + std::to_string(first_pad) + " characters long" + (pad ? " before its '=' padding" : "") +
                ", a length no base64 text has: a character lost or added in copying?";
    return r;
  }
  const std::size_t needed = (4 - first_pad % 4) % 4;
  if (pad != 0 && pad != needed) {
    r.problem = needed == 0 ? std::string("has '=' padding where none is needed")
                            : "has the wrong amount of '=' padding: " + std::to_string(needed) + (needed == 1 ? " is" : " are") +
                                  " needed";
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
#ifdef WXLINT_BASE64_SSSE3
  if (has_ssse3()) {
    i = decode_blocks_ssse3(s.data(), n, out);
    o += i / 4 * 3;
  }
#endif
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
