// One hash for the in-process tables (unique's values, the locator's pointer tokens):
// 8 bytes at a time, multiply-xorshift mixed, no library call. Nothing keeps it stable:
// a hash never leaves the process.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace wxlint::detail {

inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = seed ^ (s.size() * kMul);
  const auto mix = [&h](std::uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    mix(word);
  }
  if (const std::size_t rest = s.size() - i; rest != 0) {
    // The last 1-7 bytes, little-endian in a word as if read one by one, from fixed-size
    // loads (a byte loop or a short memcpy costs more, or stalls the load after it).
    const char* p = s.data();
    const std::size_t n = s.size();
    std::uint64_t word;
    if (n >= 8) {  // the last 8 bytes, shifted down past those already mixed
      std::memcpy(&word, p + n - 8, 8);
      word >>= 8 * (8 - rest);
    } else if (n >= 4) {  // two 4-byte loads, overlapping: equal bytes OR into place
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      word = lo | std::uint64_t{hi} << (8 * (n - 4));
    } else {  // first, middle and last byte: all of them when n <= 3
      word = std::uint64_t{static_cast<unsigned char>(p[0])} |
             std::uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
             std::uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
    }
    mix(word);
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace wxlint::detail
