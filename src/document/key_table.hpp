// Internal: an open-addressing set of object keys, used once an object has
// many members so duplicate detection stays linear. It stores indices into
// the handler's key list; 32-bit hash tags spare most string compares and
// let the table grow without rehashing strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace wxlint::detail {

class KeyTable {
 public:
  static constexpr std::size_t kNpos = static_cast<std::size_t>(-1);

  // If a key equal to `key` is stored, returns its index; otherwise stores
  // `index` (whose text is `key`) and returns kNpos. key_at(i) gives the
  // text of a stored index.
  template <typename KeyAt>
  std::size_t find_or_insert(std::string_view key, std::uint32_t index, const KeyAt& key_at) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    const auto tag = static_cast<std::uint32_t>(std::hash<std::string_view>{}(key));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = tag & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.index1 == 0) {
        s = Slot{index + 1, tag};
        ++count_;
        return kNpos;
      }
      if (s.tag == tag && key_at(s.index1 - 1) == key) return s.index1 - 1;
    }
  }

 private:
  struct Slot {
    std::uint32_t index1 = 0;  // stored index + 1; 0 = empty
    std::uint32_t tag = 0;     // low 32 bits of the key's hash
  };

  void grow() {
    const std::size_t cap = slots_.empty() ? 64 : 2 * slots_.size();
    std::vector<Slot> slots(cap);
    for (const Slot& s : slots_) {
      if (s.index1 == 0) continue;
      std::size_t i = s.tag & (cap - 1);
      while (slots[i].index1 != 0) i = (i + 1) & (cap - 1);
      slots[i] = s;
    }
    slots_.swap(slots);
  }

  std::vector<Slot> slots_;  // one cache line fetch per probe
  std::size_t count_ = 0;
};

}  // namespace wxlint::detail
