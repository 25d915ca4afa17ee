// base64_decode_into (blocks of 16 characters at a time where the CPU can, groups of 4
// otherwise) against a decoder that reads one character at a time.
#include "formats/formats.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace {

std::optional<std::string> reference_decode(const std::string& s) {
  std::size_t n = s.size();
  while (n > 0 && s[n - 1] == '=') --n;
  const std::size_t pad = s.size() - n;
  if (n % 4 == 1 || (pad != 0 && pad != (4 - n % 4) % 4)) return std::nullopt;
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[i];
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else return std::nullopt;
    bits = bits << 6 | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      out += static_cast<char>(bits >> 16);
      out += static_cast<char>(bits >> 8);
      out += static_cast<char>(bits);
      bits = 0;
      count = 0;
    }
  }
  if (count >= 2) out += static_cast<char>(bits >> (6 * count - 8));  // leftover low bits ignored
  if (count == 3) out += static_cast<char>(bits >> 2);
  return out;
}

}  // namespace

TEST_CASE("base64_decode_into decodes as one character at a time, at every length and place", "[formats][base64]") {
  // Mostly alphabet characters (long runs decode by blocks), sometimes any byte or '='.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_";
  std::uint32_t seed = 20240611;
  const auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
  };
  std::size_t accepted = 0, rejected = 0;
  for (int k = 0; k < 40000; ++k) {
    std::string s;
    const std::size_t len = next() % 120;
    const int stray = static_cast<int>(next() % 4);  // 0: none; else about 1 in 50 * stray
    for (std::size_t i = 0; i < len; ++i) {
      const std::uint32_t r = next();
      if (stray != 0 && r % 50 < static_cast<std::uint32_t>(stray)) s += static_cast<char>(r >> 8);
      else s += alphabet[r % alphabet.size()];
    }
    for (std::uint32_t p = next() % 4; p > 0 && p < 3; --p) s += '=';
    // Exactly the capacity, on the heap: a write past it is a sanitizer error.
    const std::size_t capacity = wxlint::formats::base64_decoded_capacity(s.size());
    const auto buf = std::make_unique<char[]>(capacity);
    const std::optional<std::size_t> n = wxlint::formats::base64_decode_into(s, buf.get());
    const std::optional<std::string> want = reference_decode(s);
    const bool same = n ? want && std::string(buf.get(), *n) == *want : !want;
    if (!same) FAIL_CHECK("decodes differently: " << s);
    ++(want ? accepted : rejected);
  }
  CHECK(accepted > 5000);
  CHECK(rejected > 5000);
}
