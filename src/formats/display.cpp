#include "formats/display.hpp"

#include "formats/formats.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace wxlint::display {
namespace {

// Bytes that a mode leaves alone without looking further: printable ASCII always, and the
// other ASCII bytes (controls) when only UTF-8 validity matters.
bool plain(unsigned char c, Mode mode) {
  return mode == Mode::utf8 ? c < 0x80 : c >= 0x20 && c < 0x7f;
}

// Whether the 8 bytes at p are all plain.
bool plain_word(const char* p, Mode mode) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  std::uint64_t special = w & kHigh;  // bytes >= 0x80
  if (mode == Mode::terminal) {
    const std::uint64_t del = w ^ (kOnes * 0x7f);
    special |= ((w - kOnes * 0x20) | (del - kOnes)) & ~w & kHigh;  // bytes < 0x20, or 0x7f
  }
  return special == 0;
}

// From i, past whole words of plain bytes (reports hold millions of strings, nearly all plain
// ASCII): s.size() when the rest is plain, else a place at most 7 bytes before the next byte
// that is not.
std::size_t skip_plain(std::string_view s, std::size_t i, Mode mode) {
  for (; i + 8 <= s.size(); i += 8)
    if (!plain_word(s.data() + i, mode)) return i;
  // The tail, in a word that overlaps bytes already known plain.
  return i < s.size() && s.size() >= 8 && plain_word(s.data() + s.size() - 8, mode) ? s.size() : i;
}

// The C1 controls; the bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069), which reorder what a terminal shows after them: a value could make a message
// read as another; and the line and paragraph separators (U+2028, U+2029), where a reader of
// lines (Python's splitlines) would cut a finding in two.
bool escaped_code_point(unsigned cp) {
  return (cp >= 0x80 && cp < 0xA0) || cp == 0x61C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// The escape for the character of n bytes at s[i] (n == 0: a byte outside valid UTF-8),
// or false when it is shown as it is.
bool escape(std::string_view s, std::size_t i, std::size_t n, Mode mode, char (&buf)[8]) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (n == 0) return std::snprintf(buf, sizeof buf, "\\x%02x", c), true;
  if (mode == Mode::utf8) return false;
  if (n == 1) {
    if (c == '\n' || c == '\r' || c == '\t') {
      buf[0] = '\\', buf[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't', buf[2] = '\0';
      return true;
    }
    return std::snprintf(buf, sizeof buf, "\\x%02x", c), true;  // the other C0 controls and DEL
  }
  const unsigned cp = formats::detail::decode_at(s, i, n);
  return escaped_code_point(cp) && (std::snprintf(buf, sizeof buf, "\\u%04x", cp), true);
}

}  // namespace

std::string_view shown(std::string_view s, Mode mode, std::string& scratch) {
  std::size_t i = 0, copied = 0;  // s[copied, i) is still to be copied into scratch
  bool changed = false;
  while ((i = skip_plain(s, i, mode)) < s.size()) {
    // Byte by byte to the end of the word that is not plain, then words again.
    for (const std::size_t stop = std::min(i + 8, s.size()); i < stop;) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (plain(c, mode)) {
        ++i;
        continue;
      }
      const std::size_t n = c < 0x80 ? 1 : formats::detail::utf8_sequence_length(s, i);
      char buf[8];
      if (!escape(s, i, n, mode, buf)) {
        i += n;
        continue;
      }
      if (!changed) scratch.clear(), changed = true;
      scratch.append(s, copied, i - copied);
      scratch += buf;
      i += n == 0 ? 1 : n;
      copied = i;
    }
  }
  if (!changed) return s;
  scratch.append(s, copied);
  return scratch;
}

}  // namespace wxlint::display
