// A key column's index: normalised key -> the rows that hold it, in row order. One hashed
// probe, and a key's bytes and rows side by side in one record, so a lookup touches a slot
// and a record: in a 100 MB snapshot each is a cache miss, and a probe of the interned
// strings followed by a binary search took several.
#pragma once

#include "checks/key_index.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace wxlint::snapshot {

class RowIndex {
 public:
  // Building: room for `keys` distinct keys (of `key_bytes` and `rows` in all, when known),
  // then each key once, with its rows ascending.
  void reserve(std::size_t keys, std::size_t key_bytes = 0, std::size_t rows = 0);
  void add(std::string_view key, std::span<const std::uint32_t> rows);

  static std::uint64_t hash(std::string_view key) { return checks::hash_key(key); }
  std::span<const std::uint32_t> find(std::string_view key) const { return find(key, hash(key)); }
  std::span<const std::uint32_t> find(std::string_view key, std::uint64_t hash) const;
  std::size_t keys() const { return count_; }
  // f(rows) for each key that more than one row holds, in one pass over the records.
  template <typename F>
  void each_repeated(const F& f) const {
    for (std::size_t at = 0; at < records_.size();) {
      const std::uint32_t n = records_[at];
      const std::size_t rows = at + 2 + (records_[at + 1] + 3) / 4;
      if (n > 1) f(std::span<const std::uint32_t>(records_.data() + rows, n));
      at = rows + n;
    }
  }

 private:
  void place(std::uint64_t hash, std::uint32_t record);
  std::string_view key_of(std::uint32_t record) const;

  checks::Slots slots_;  // the key's hash high half | its record's offset + 1
  std::size_t count_ = 0;
  // Per key: row count, key length, the key's bytes (padded to 4), its rows.
  std::vector<std::uint32_t, checks::HugePageAllocator<std::uint32_t>> records_;
};

}  // namespace wxlint::snapshot
