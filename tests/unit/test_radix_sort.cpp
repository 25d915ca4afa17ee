// snapshot::stable_sort_by (the snapshot indexes' sort): the order std::stable_sort gives,
// small and large, numbers of 16 bits and of 32.
#include <catch2/catch.hpp>

#include "snapshot/radix_sort.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using Entry = std::array<std::uint32_t, 2>;  // (number, original place)

std::vector<Entry> entries(std::size_t n, std::uint32_t most, unsigned seed) {
  std::mt19937 random(seed);
  std::vector<Entry> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = {static_cast<std::uint32_t>(random() % (std::uint64_t{most} + 1)), static_cast<std::uint32_t>(i)};
  return v;
}

void check_as_stable_sort(std::vector<Entry> v) {
  std::vector<Entry> expected = v;
  std::stable_sort(expected.begin(), expected.end(), [](const Entry& a, const Entry& b) { return a[0] < b[0]; });
  wxlint::snapshot::stable_sort_by(v, [](const Entry& e) { return e[0]; });
  CHECK(v == expected);
}

}  // namespace

TEST_CASE("stable_sort_by: as std::stable_sort, by radix past 1,024 entries", "[snapshot]") {
  check_as_stable_sort({});
  check_as_stable_sort(entries(10, 3, 1));        // small: std::stable_sort itself
  check_as_stable_sort(entries(5000, 40, 2));      // many ties: stability shows
  check_as_stable_sort(entries(5000, 0xFFFF, 3));  // one pass of 16 bits
  check_as_stable_sort(entries(5000, 0xFFFFFFFFu, 4));  // both passes
  check_as_stable_sort(entries(70000, 0x1FFFF, 5));     // just past 16 bits
  std::vector<Entry> top = entries(2000, 5, 6);
  for (Entry& e : top) e[0] = 0xFFFFFFFFu - e[0];
  check_as_stable_sort(top);
}

TEST_CASE("stable_sort_by twice sorts by two numbers, the second first", "[snapshot]") {
  std::mt19937 random(7);
  std::vector<std::array<std::uint32_t, 3>> v(3000);
  for (std::uint32_t i = 0; i < v.size(); ++i) v[i] = {static_cast<std::uint32_t>(random() % 9), static_cast<std::uint32_t>(random() % 70000), i};  // (scope, key, row)
  std::vector<std::array<std::uint32_t, 3>> expected = v;
  std::sort(expected.begin(), expected.end());
  wxlint::snapshot::stable_sort_by(v, [](const auto& e) { return e[1]; });
  wxlint::snapshot::stable_sort_by(v, [](const auto& e) { return e[0]; });
  CHECK(v == expected);
}
