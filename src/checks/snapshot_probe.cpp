#include "checks/snapshot_probe.hpp"

#include "checks/key_index.hpp"

#include <array>
#include <optional>

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

// The last few normal forms made, by place: the rules at one place that ask different
// questions (a phone number scoped and not) make one, and a national number is judged by the
// numbering plan once. The rules asking one question of a node share it already
// (SharedAnswers), so a few places are enough.
class Normals {
 public:
  Normal get(Place at, std::string_view value, Arena& arena) {
    for (const Entry& e : entries_)
      if (e.at == at) return e.form;
    Entry& e = entries_[next_++ % entries_.size()];
    e.at = at;
    e.form.comparable = snapshot::normal_form(at.type, value, scratch_);
    e.form.text = arena.keep(scratch_);
    e.form.hash = snapshot::RowIndex::hash(e.form.text);
    return e.form;
  }
  void clear() {
    entries_ = {};
    next_ = 0;
  }

 private:
  struct Entry {
    Place at;
    Normal form;
  };
  std::array<Entry, 4> entries_{};
  std::size_t next_ = 0;
  std::string scratch_;
};

// A normal form is known by where its text is: the same place holds the same bytes.
struct Text {
  const char* data = nullptr;
  std::size_t size = 0;
  bool operator==(const Text&) const = default;
};

Text text_of(const Normal& n) { return {n.text.data(), n.text.size()}; }

// A scope's part of a table's scoped index (Table::scope_part()), kept per scope.
struct ScopeEntry {
  std::uint64_t table = 0;
  std::size_t col = 0, scope_col = 0;
  Text scope;
  std::optional<const snapshot::RowIndex*> part;
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

std::optional<const snapshot::RowIndex*> scope_part(Kept& k, const Table& table, std::size_t col, std::size_t scope_col,
                                                    const Normal& scope) {
  const Text at = text_of(scope);
  if (const ScopeEntry* e = k.scopes.find([&](const ScopeEntry& e) {
        return e.table == table.serial() && e.scope == at && e.col == col && e.scope_col == scope_col;
      }))
    return e->part;
  ScopeEntry& e = k.scopes.replace();
  e = {table.serial(), col, scope_col, at, table.scope_part(col, scope_col, table.text_id(scope.text).value_or(0))};
  return e.part;
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
  if (const auto part = scope_part(kept(), table, col, scope_col, scope))
    return {*part && !key.text.empty() ? (*part)->find(key.text, key.hash) : std::span<const std::uint32_t>(), false};
  return {table.find(col, key.text, key.hash), true};
}

}  // namespace wxlint::checks::snapshot_probe
