// Offsets -> 1-based line:column, batched so that many positions on one huge
// line cost one pass over the text.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "document/document.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wxlint {
namespace {

std::uint32_t clamp32(std::size_t v) {
  return v > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(v);
}

// '\n' bytes in [b, e), or with kLeads the bytes that start a code point
// (all but 10xxxxxx continuations). The text goes on to `limit`, which
// bounds prefetching.
template <bool kLeads>
std::size_t count_bytes(const char* b, const char* e, [[maybe_unused]] const char* limit) {
  std::size_t n = 0;
#if defined(__SSE2__)
  // The sweep goes through the whole text with little work per byte; asking
  // for it well ahead keeps it from waiting on memory.
  constexpr std::ptrdiff_t kPrefetchAhead = 2048;
  // As signed bytes, continuations are -128..-65.
  const __m128i pattern = kLeads ? _mm_set1_epi8(-65) : _mm_set1_epi8('\n');
  while (e - b >= 64) {
    // Per-byte-lane counts, summed before any lane can pass 255.
    __m128i lanes = _mm_setzero_si128();
    const char* stop = b + 64 * std::min<std::ptrdiff_t>((e - b) / 64, 63);
    for (; b < stop; b += 64) {
      if (limit - b > kPrefetchAhead) __builtin_prefetch(b + kPrefetchAhead);
      for (int k = 0; k < 64; k += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + k));
        const __m128i hit = kLeads ? _mm_cmpgt_epi8(v, pattern) : _mm_cmpeq_epi8(v, pattern);
        lanes = _mm_sub_epi8(lanes, hit);  // a hit is -1
      }
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
         static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
#endif
  for (; b < e; ++b) n += kLeads ? (static_cast<unsigned char>(*b) & 0xC0) != 0x80 : *b == '\n';
  return n;
}

}  // namespace

std::vector<Position> Document::positions(const std::vector<std::size_t>& offsets) const {
  std::vector<Position> out(offsets.size());
  // (offset, index) pairs sort without chasing indices into `offsets`.
  std::vector<std::pair<std::size_t, std::size_t>> order(offsets.size());
  for (std::size_t i = 0; i < offsets.size(); ++i) order[i] = {offsets[i], i};
  std::sort(order.begin(), order.end());

  const char* data = text_.data();
  const std::size_t size = text_.size();
  // A BOM is invisible in editors: the first column starts after it.
  std::size_t cursor = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  std::size_t line = 1;
  std::size_t cols = 0;  // code points from the line start to cursor

  for (const auto& [off, i] : order) {
    if (off > size) break;  // unknown: {0, 0}, as is every later one
    if (off < cursor) {     // only inside the BOM
      out[i] = {1, 1};
      continue;
    }
    // Lines in between are only counted; off's own line starts after the
    // last newline before it (looked for only if there is one).
    if (const std::size_t lines = count_bytes<false>(data + cursor, data + off, data + size)) {
      line += lines;
      std::size_t start = off;
      while (data[start - 1] != '\n') --start;
      cursor = start;
      cols = 0;
    }
    cols += count_bytes<true>(data + cursor, data + off, data + size);
    cursor = off;
    out[i] = {clamp32(line), clamp32(cols + 1)};
  }
  return out;
}

}  // namespace wxlint
