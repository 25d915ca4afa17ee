// A stable sort of entries by a 32-bit number in linear time (least significant digit radix,
// two passes of 16 bits, the upper one skipped when no number needs it). Building a large
// snapshot's indexes sorts millions of (string number, row) entries: std::sort was 7% of the
// load.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace wxlint::snapshot {

template <typename Entry, typename NumberOf>
void stable_sort_by(std::vector<Entry>& entries, const NumberOf& number_of) {
  if (entries.size() < 1024) {  // the counts would cost more than the sort
    std::stable_sort(entries.begin(), entries.end(),
                     [&](const Entry& a, const Entry& b) { return number_of(a) < number_of(b); });
    return;
  }
  std::uint32_t most = 0;
  for (const Entry& e : entries) most = std::max(most, number_of(e));
  std::vector<Entry> out(entries.size());
  std::vector<std::size_t> start(1 << 16);
  for (unsigned shift = 0; shift < 32 && (shift == 0 || (most >> shift) != 0); shift += 16) {
    std::fill(start.begin(), start.end(), 0);
    for (const Entry& e : entries) ++start[(number_of(e) >> shift) & 0xFFFF];
    std::size_t at = 0;
    for (std::size_t& s : start) at += std::exchange(s, at);
    for (const Entry& e : entries) out[start[(number_of(e) >> shift) & 0xFFFF]++] = e;
    entries.swap(out);
  }
}

}  // namespace wxlint::snapshot
