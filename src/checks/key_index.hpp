// Hashed tables of keys that live elsewhere, shared by `unique` (first occurrences during a
// walk) and the org snapshot's tables (interned cells and their indexes). A slot holds the
// key's hash high half next to its entry number, so a probe rarely touches a key: with a
// million keys each extra cache miss shows. Entries are numbered in the order they were
// added; the caller keeps them and says, through callbacks, whether one is the key sought
// and what its hash is (when the table grows).
#pragma once

#include "document/hash_bytes.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

namespace wxlint::checks {

inline std::uint64_t hash_key(std::string_view key, std::uint64_t seed = 0x243F6A8885A308D3ull) {
  return detail::hash_bytes(key, seed);
}

// Where a key's probe starts among `size` slots: the hash's low half scaled to the size (the
// high half is the slot's tag).
inline std::size_t home_slot(std::uint64_t hash, std::size_t size) {
  return static_cast<std::size_t>(((hash & 0xFFFFFFFFull) * size) >> 32);
}
// Slots for n entries at most 70% full, and at least `least`.
inline std::size_t slots_for(std::size_t n, std::size_t least = 64) {
  return std::max<std::size_t>(least, (n + 1) * 10 / 7 + 1);
}

// Bytes that stay put while their table lives: a million keys cost a few chunks, not a
// million heap strings.
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
  Slots(Slots&& o) noexcept { *this = std::move(o); }
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
  const std::uint64_t& operator[](std::size_t i) const { return mapped_ ? mapped_[i] : small_[i]; }
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

// For a vector that grows large and is then read at random (a snapshot table's cells, an
// index's records): large blocks ask for huge pages, as Slots does.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= kHuge) {
      void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) throw std::bad_alloc();
      ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; fine if refused
      return static_cast<T*>(p);
    }
    return std::allocator<T>().allocate(n);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) >= kHuge) ::munmap(p, n * sizeof(T));
    else std::allocator<T>().deallocate(p, n);
  }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

// Open addressing with linear probing, at most 70% full, sized to the need rather than
// to a power of two (a slot is found by scaling the hash's low half to the size).
class KeyIndex {
 public:
  std::size_t count() const { return count_; }  // entries
  std::size_t slots() const { return slots_.size(); }

  // Room for n entries without growing; hash_of(entry) rehashes the entries already in.
  template <typename HashOf>
  void reserve(std::size_t n, const HashOf& hash_of) {
    const std::size_t size = slots_for(n);
    if (size <= slots_.size()) return;
    if (count_ == 0) slots_ = Slots(size);
    else while (slots_.size() < size) rehash(slots_.size() * 2, hash_of);
  }

  // The entry whose key is sought (is(entry) says so), or a new entry numbered count()
  // (second = true), which the caller then adds to its own list.
  template <typename Is, typename HashOf>
  std::pair<std::uint32_t, bool> find_or_add(std::uint64_t hash, const Is& is, const HashOf& hash_of) {
    if (10 * (count_ + 1) > 7 * slots_.size()) rehash(slots_.size() == 0 ? 64 : slots_.size() * 2, hash_of);
    const std::size_t size = slots_.size();
    const std::uint64_t tag = hash >> 32 << 32;
    for (std::size_t i = home(hash, size);; i = i + 1 == size ? 0 : i + 1) {
      const std::uint64_t s = slots_[i];
      if (s == 0) {
        slots_[i] = tag | ++count_;
        return {static_cast<std::uint32_t>(count_ - 1), true};
      }
      if ((s & ~0xFFFFFFFFull) == tag && is(static_cast<std::uint32_t>((s & 0xFFFFFFFFull) - 1)))
        return {static_cast<std::uint32_t>((s & 0xFFFFFFFFull) - 1), false};
    }
  }

  // The entry whose key is sought, or -1.
  template <typename Is>
  std::int64_t find(std::uint64_t hash, const Is& is) const {
    const std::size_t size = slots_.size();
    if (size == 0) return -1;
    const std::uint64_t tag = hash >> 32 << 32;
    for (std::size_t i = home(hash, size);; i = i + 1 == size ? 0 : i + 1) {
      const std::uint64_t s = slots_[i];
      if (s == 0) return -1;
      if ((s & ~0xFFFFFFFFull) == tag && is(static_cast<std::uint32_t>((s & 0xFFFFFFFFull) - 1)))
        return static_cast<std::int64_t>((s & 0xFFFFFFFFull) - 1);
    }
  }

  // The key's home slot on its way to the cache, for a lookup a little later.
  void prefetch(std::uint64_t hash) const {
    if (slots_.size() != 0) __builtin_prefetch(&slots_[home(hash, slots_.size())]);
  }

  void clear() {  // no entries, the slots kept
    slots_.clear();
    count_ = 0;
  }

 private:
  static std::size_t home(std::uint64_t h, std::size_t size) { return home_slot(h, size); }

  template <typename HashOf>
  void rehash(std::size_t size, const HashOf& hash_of) {
    Slots next(size);
    for (std::size_t k = 0; k < count_; ++k) {
      const std::uint64_t h = hash_of(static_cast<std::uint32_t>(k));
      std::size_t i = home(h, size);
      while (next[i] != 0) i = i + 1 == size ? 0 : i + 1;
      next[i] = (h >> 32 << 32) | (k + 1);
    }
    slots_ = std::move(next);
  }

  Slots slots_;
  std::size_t count_ = 0;
};

}  // namespace wxlint::checks
