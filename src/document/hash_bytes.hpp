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
  if (i < s.size()) {  // gathered in a register: a short memcpy would stall the load after it
    std::uint64_t word = 0;
    for (std::size_t k = i; k < s.size(); ++k)
      word |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * (k - i));
    mix(word);
  }
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  h ^= h >> 32;
  return h;
}

}  // namespace wxlint::detail
