// Storage for the unique check: entries that never move, and node paths packed as varints
// so a million first occurrences cost bytes, not pointer strings.
#pragma once

#include "engine/path.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace wxlint::checks::unique_store {

// Entries in fixed chunks: growing never copies a million entries, nor holds two copies.
template <typename T>
class Chunked {
 public:
  std::size_t size() const { return n_; }
  std::size_t chunks() const { return chunks_.size(); }
  T& operator[](std::size_t i) { return chunks_[i >> kBits][i & (kSize - 1)]; }
  void clear() {  // empty, the first chunk kept
    if (chunks_.size() > 1) chunks_.resize(1);
    n_ = 0;
  }
  T& push_back(const T& v) {
    if (n_ == chunks_.size() * kSize) chunks_.push_back(std::make_unique_for_overwrite<T[]>(kSize));
    T& slot = (*this)[n_++];
    slot = v;
    return slot;
  }

 private:
  static constexpr std::size_t kBits = 10, kSize = std::size_t{1} << kBits;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t n_ = 0;
};

// A node's place as one index per step (array index or member position), each a
// LEB128 varint (a byte for most steps). The pointer string is made only for the first
// occurrences that turn out to have duplicates.
// Writes to out, which has room for encoded_capacity(path.depth()) bytes; returns the length.
constexpr std::size_t encoded_capacity(std::size_t depth) { return 5 * depth; }
// Inline: it runs for every match.
inline std::size_t encode_path(const Path& path, char* out) {
  char* o = out;
  // Locals: stores through a char* may alias the path, which would be reloaded every step.
  const std::size_t depth = path.depth();
  const Step* steps = &path.step(0);
  for (std::size_t i = 1; i <= depth; ++i) {
    auto k = static_cast<std::uint32_t>(steps[i].index);  // item index or member position
    while (k >= 0x80) {
      *o++ = static_cast<char>((k & 0x7F) | 0x80);
      k >>= 7;
    }
    *o++ = static_cast<char>(k);
  }
  return static_cast<std::size_t>(o - out);
}
// Reads one varint of encode_path(), advancing enc.
std::uint32_t read_step(const char*& enc);
// Past the depth steps of encode_path() bytes (where "across" data follows).
const char* skip_path(const char* enc, std::size_t depth);
// The JSON Pointer, and the node, that depth steps of encode_path() bytes lead to from root.
std::string decode_path(const rapidjson::Value& root, const char* enc, std::size_t depth);
const rapidjson::Value& node_at(const rapidjson::Value& root, const char* enc, std::size_t depth);

}  // namespace wxlint::checks::unique_store
