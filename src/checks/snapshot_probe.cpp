#include "checks/snapshot_probe.hpp"

#include "checks/key_index.hpp"

#include <array>
#include <vector>

namespace wxlint::checks::snapshot_probe {
namespace {

using snapshot::KeyType;
using snapshot::Table;

// The last few answers of one kind, the least recently used replaced: the target location
// stays while each user's values come and go.
template <typename Entry, std::size_t N = 8>
class Recent {
 public:
  // The entry is(entry) accepts, now the most recent; or nullptr. The latest is tried first:
  // the rules at one place ask one question in a row.
  template <typename Is>
  Entry* find(const Is& is) {
    if (slots_[last_].stamp != 0 && is(slots_[last_].entry)) return &slots_[last_].entry;
    for (std::size_t i = 0; i < N; ++i)
      if (i != last_ && slots_[i].stamp != 0 && is(slots_[i].entry)) return &use(i);
    return nullptr;
  }
  void clear() {
    for (Slot& s : slots_) s.stamp = 0;
    last_ = 0;
  }
  // The least recently used entry, to be filled: now the most recent.
  Entry& replace() {
    std::size_t oldest = 0;
    for (std::size_t i = 1; i < N; ++i)
      if (slots_[i].stamp < slots_[oldest].stamp) oldest = i;
    return use(oldest);
  }

 private:
  Entry& use(std::size_t i) {
    slots_[i].stamp = ++clock_;
    last_ = i;
    return slots_[i].entry;
  }
  struct Slot {
    std::uint64_t stamp = 0;  // 0: empty
    Entry entry;
  };
  std::array<Slot, N> slots_;
  std::size_t last_ = 0;
  std::uint64_t clock_ = 0;
};

// Where a value's bytes are, and the key type it is read as.
struct Place {
  const char* data = nullptr;
  std::size_t size = 0;
  KeyType type = KeyType::text;
  bool operator==(const Place&) const = default;
};

Place place(std::string_view value, KeyType type) { return {value.data(), value.size(), type}; }

// The normal forms of one lint, by place: the rules at one place ask for the same ones,
// and each id is decoded once.
class Normals {
 public:
  const Normal& get(Place at, std::string_view value, Arena& arena) {
    if (last_ < entries_.size() && entries_[last_].at == at) return entries_[last_].form;  // the rules at one place
    const std::uint64_t h = hash_place(at);
    const auto [k, added] = index_.find_or_add(
        h, [&](std::uint32_t i) { return entries_[i].at == at; }, [&](std::uint32_t i) { return hash_place(entries_[i].at); });
    last_ = k;
    if (!added) return entries_[k].form;
    Entry& e = entries_.emplace_back();
    e.at = at;
    e.form.comparable = snapshot::normal_form(at.type, value, scratch_);
    e.form.text = arena.keep(scratch_);
    e.form.hash = snapshot::RowIndex::hash(e.form.text);
    return e.form;
  }
  void clear() {
    if (entries_.empty()) return;  // each rule's start() forgets: only the first has work
    // A big file's slots are not wiped for each small one after it.
    if (index_.slots() > 4096 && index_.slots() > 16 * entries_.size()) index_ = KeyIndex();
    index_.clear();
    entries_.clear();
  }

 private:
  static std::uint64_t hash_place(Place at) {
    std::uint64_t x = reinterpret_cast<std::uintptr_t>(at.data) ^ (std::uint64_t{at.size} << 40) ^
                      (static_cast<std::uint64_t>(at.type) << 36);
    x ^= x >> 33, x *= 0xff51afd7ed558ccdull, x ^= x >> 33, x *= 0xc4ceb9fe1a85ec53ull;
    return x ^ (x >> 33);
  }
  struct Entry {
    Place at;
    Normal form;
  };
  KeyIndex index_;
  std::vector<Entry> entries_;
  std::size_t last_ = 0;
  std::string scratch_;
};

// A normal form is known by where its text is: the same place holds the same bytes.
struct Text {
  const char* data = nullptr;
  std::size_t size = 0;
  bool operator==(const Text&) const = default;
};

Text text_of(const Normal& n) { return {n.text.data(), n.text.size()}; }

struct ScopeEntry {
  std::uint64_t table = 0;
  Text scope;
  std::uint32_t id = 0;  // the number of its normal form in the table's cells; 0: no cell holds it
};

struct Kept {
  Normals normal;
  Recent<ScopeEntry, 4> scopes;
  Arena arena;
};

Kept& kept() {
  thread_local Kept k;
  return k;
}

// The number of a scope's normal form in the table's cells.
std::uint32_t scope_id(Kept& k, const Table& table, const Normal& scope) {
  const Text at = text_of(scope);
  if (const ScopeEntry* e = k.scopes.find([&](const ScopeEntry& e) { return e.table == table.serial() && e.scope == at; }))
    return e->id;
  ScopeEntry& e = k.scopes.replace();
  e = {table.serial(), at, table.text_id(scope.text).value_or(0)};
  return e.id;
}

}  // namespace

void forget() {
  ++lint_epoch();
  Kept& k = kept();
  k.normal.clear();
  k.scopes.clear();
  k.arena.clear();
}

std::string_view keep(std::string_view text) { return kept().arena.keep(text); }

Normal normal_form(KeyType type, std::string_view value) {
  if (const std::optional<std::string_view> same = snapshot::as_is(type, value))
    return {true, *same, snapshot::RowIndex::hash(*same)};
  Kept& k = kept();
  return k.normal.get(place(value, type), value, k.arena);
}

std::span<const std::uint32_t> rows(const Table& table, std::size_t col, const Normal& key) {
  return table.find(col, key.text, key.hash);
}

Scoped rows_in_scope(const Table& table, std::size_t col, const Normal& key, std::size_t scope_col, const Normal& scope) {
  if (auto found = table.find_in_scope(col, key.text, key.hash, scope_col, scope_id(kept(), table, scope)))
    return {*found, false};
  return {table.find(col, key.text, key.hash), true};
}

}  // namespace wxlint::checks::snapshot_probe
