// Storage for the unique check: memory that stays put during a lint, and node paths
// packed as varints so a million first occurrences cost bytes, not pointer strings.
#pragma once

#include "engine/path.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace wxlint::checks::unique_store {

// Bytes that stay put while the lint runs: keys point into the DOM where they can,
// so a million values cost a few small records, not a million heap strings.
class Arena {
 public:
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > kChunk / 4) {
      big_.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
      std::memcpy(big_.back().get(), s.data(), s.size());
      return {big_.back().get(), s.size()};
    }
    if (chunks_.empty() || used_ + s.size() > size_) {
      // Not zeroed, and small at first: a small file then touches a few KB, not 1 MB.
      size_ = std::max(s.size(), chunks_.empty() ? kFirst : std::min(2 * size_, kChunk));
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(size_));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

  void clear() {
    chunks_.clear();
    big_.clear();
    used_ = size_ = 0;
  }

 private:
  static constexpr std::size_t kFirst = 1 << 12, kChunk = 1 << 20;
  std::vector<std::unique_ptr<char[]>> chunks_, big_;
  std::size_t used_ = 0, size_ = 0;
};

// Zeroed 64-bit slots. Large tables ask for huge pages: a random probe then costs one
// cache miss instead of a cache miss plus a page-table walk.
class Slots {
 public:
  Slots() = default;
  explicit Slots(std::size_t n) : n_(n) {
    const std::size_t bytes = n * sizeof(std::uint64_t);
    if (bytes >= kHuge) {
      void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p != MAP_FAILED) {
        ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; fine if refused
        mapped_ = static_cast<std::uint64_t*>(p);
        return;
      }
    }
    small_.assign(n, 0);
  }
  Slots(const Slots&) = delete;
  Slots& operator=(Slots&& o) noexcept {
    std::swap(n_, o.n_);
    std::swap(mapped_, o.mapped_);
    small_.swap(o.small_);
    return *this;
  }
  ~Slots() {
    if (mapped_) ::munmap(mapped_, n_ * sizeof(std::uint64_t));
  }
  std::size_t size() const { return n_; }
  std::uint64_t& operator[](std::size_t i) { return mapped_ ? mapped_[i] : small_[i]; }
  void clear() {  // every slot empty again, the memory kept
    if (mapped_) std::memset(mapped_, 0, n_ * sizeof(std::uint64_t));
    else std::fill(small_.begin(), small_.end(), 0);
  }

 private:
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  std::size_t n_ = 0;
  std::uint64_t* mapped_ = nullptr;  // zero-filled by mmap
  std::vector<std::uint64_t> small_;
};

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
