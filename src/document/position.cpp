// Offsets -> 1-based line:column, batched so that many positions on one huge
// line cost one pass over the text.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>

#include "document/document.hpp"

namespace wxlint {
namespace {

std::uint32_t clamp32(std::size_t v) {
  return v > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(v);
}

// Code points in [b, e): every byte that is not a 10xxxxxx continuation.
std::size_t code_points(const char* b, const char* e) {
  std::size_t n = 0;
  for (; b < e; ++b) n += (static_cast<unsigned char>(*b) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::vector<Position> Document::positions(const std::vector<std::size_t>& offsets) const {
  std::vector<Position> out(offsets.size());
  std::vector<std::size_t> order(offsets.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return offsets[a] < offsets[b]; });

  const char* data = text_.data();
  const std::size_t size = text_.size();
  // A BOM is invisible in editors: the first column starts after it.
  std::size_t cursor = size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  std::size_t line = 1;
  std::size_t cols = 0;  // code points from the line start to cursor

  for (std::size_t i : order) {
    const std::size_t off = offsets[i];
    if (off > size) continue;  // unknown: {0, 0}
    if (off < cursor) {        // only inside the BOM
      out[i] = {1, 1};
      continue;
    }
    for (;;) {
      const void* nl = std::memchr(data + cursor, '\n', off - cursor);
      if (!nl) break;
      ++line;
      cursor = static_cast<std::size_t>(static_cast<const char*>(nl) - data) + 1;
      cols = 0;
    }
    cols += code_points(data + cursor, data + off);
    cursor = off;
    out[i] = {clamp32(line), clamp32(cols + 1)};
  }
  return out;
}

}  // namespace wxlint
