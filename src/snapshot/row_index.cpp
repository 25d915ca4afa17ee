#include "snapshot/row_index.hpp"

#include <cstring>
#include <stdexcept>

namespace wxlint::snapshot {
namespace {

constexpr std::uint64_t kLow = 0xFFFFFFFFull;

std::size_t words(std::size_t bytes) { return (bytes + 3) / 4; }

}  // namespace

void RowIndex::reserve(std::size_t keys, std::size_t key_bytes, std::size_t rows) {
  records_.reserve(records_.size() + 2 * keys + key_bytes / 4 + keys + rows);  // a key pads to 3 bytes more
  // Small for a scope's few keys (a location's extensions): 8 slots at least, not 64.
  const std::size_t size = checks::slots_for(keys, 8);
  if (size <= slots_.size()) return;
  checks::Slots old = std::move(slots_);
  slots_ = checks::Slots(size);
  for (std::size_t i = 0; i < old.size(); ++i)
    if (const std::uint64_t s = old[i]) {
      const auto record = static_cast<std::uint32_t>((s & kLow) - 1);
      place(hash(key_of(record)), record);
    }
}

void RowIndex::add(std::string_view key, std::span<const std::uint32_t> rows) {
  if (10 * (count_ + 1) > 7 * slots_.size()) reserve(2 * count_ + 1);
  const std::size_t at = records_.size();
  if (at + 2 + words(key.size()) + rows.size() >= kLow) throw std::length_error("snapshot index over 16 GB");
  records_.push_back(static_cast<std::uint32_t>(rows.size()));
  records_.push_back(static_cast<std::uint32_t>(key.size()));
  records_.resize(records_.size() + words(key.size()), 0);
  if (!key.empty()) std::memcpy(records_.data() + at + 2, key.data(), key.size());
  records_.insert(records_.end(), rows.begin(), rows.end());
  place(hash(key), static_cast<std::uint32_t>(at));
  ++count_;
}

void RowIndex::place(std::uint64_t h, std::uint32_t record) {
  const std::size_t size = slots_.size();
  std::size_t i = checks::home_slot(h, size);
  while (slots_[i] != 0) i = i + 1 == size ? 0 : i + 1;
  slots_[i] = (h & ~kLow) | (std::uint64_t{record} + 1);
}

std::string_view RowIndex::key_of(std::uint32_t record) const {
  return {reinterpret_cast<const char*>(records_.data() + record + 2), records_[record + 1]};
}

std::span<const std::uint32_t> RowIndex::find(std::string_view key, std::uint64_t h) const {
  const std::size_t size = slots_.size();
  if (size == 0) return {};
  const std::uint64_t tag = h & ~kLow;
  for (std::size_t i = checks::home_slot(h, size);; i = i + 1 == size ? 0 : i + 1) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return {};
    if ((s & ~kLow) != tag) continue;
    const std::uint32_t* r = records_.data() + ((s & kLow) - 1);
    if (r[1] == key.size() && std::memcmp(r + 2, key.data(), key.size()) == 0) return {r + 2 + words(r[1]), r[0]};
  }
}

}  // namespace wxlint::snapshot
