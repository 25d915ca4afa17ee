#include "checks/snapshot_probe.hpp"

#include "checks/key_index.hpp"

#include <array>
#include <cstdint>
#include <optional>

namespace wxlint::checks::snapshot_probe {
namespace {

using snapshot::KeyType;
using snapshot::Table;

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
    if (const auto id = at.type == KeyType::id ? snapshot::id_form(value) : std::nullopt) {
      e.form.comparable = true;
      e.form.text = arena.keep(*id);
    } else {
      e.form.comparable = snapshot::normal_form(at.type, value, scratch_);
      e.form.text = arena.keep(scratch_);
    }
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

struct Kept {
  Normals normal;
  Arena arena;
};

Kept& kept() {
  thread_local Kept k;
  return k;
}

// A scope's part of a table's scoped index (Table::scope_part()), found once per scope and
// lint: the question is the key column, the node the scope's normal form, known by its place.
struct ScopePart {
  std::size_t scope_col = 0, size = 0;  // another scope column or length at that place: asked again
  std::optional<const snapshot::RowIndex*> part;
};

std::optional<const snapshot::RowIndex*> scope_part(const Table& table, std::size_t col, std::size_t scope_col,
                                                    const Normal& scope) {
  thread_local SharedAnswers<ScopePart> parts;
  const void* question = &table.columns()[col];
  const std::uint64_t hash = reinterpret_cast<std::uintptr_t>(scope.text.data());
  ScopePart* p = parts.find(hash, question, scope.text.data());
  if (!p || p->scope_col != scope_col || p->size != scope.text.size()) {
    p = &parts.put(hash, question, scope.text.data());
    *p = {scope_col, scope.text.size(), table.scope_part(col, scope_col, table.text_id(scope.text).value_or(0))};
  }
  return p->part;
}

}  // namespace

void forget() {
  ++lint_epoch();
  Kept& k = kept();
  k.normal.clear();
  k.arena.clear();
}

std::string_view keep(std::string_view text) { return kept().arena.keep(text); }

Normal normal_form(KeyType type, std::string_view value) {
  if (type != KeyType::id)  // an id is never its own normal form
    if (const std::optional<std::string_view> same = snapshot::as_is(type, value))
      return {true, *same, snapshot::RowIndex::hash(*same)};
  Kept& k = kept();
  return k.normal.get(place(value, type), value, k.arena);
}

std::span<const std::uint32_t> rows(const Table& table, std::size_t col, const Normal& key) {
  return table.find(col, key.text, key.hash);
}

Scoped rows_in_scope(const Table& table, std::size_t col, const Normal& key, std::size_t scope_col, const Normal& scope) {
  if (const auto part = scope_part(table, col, scope_col, scope))
    return {*part && !key.text.empty() ? (*part)->find(key.text, key.hash) : std::span<const std::uint32_t>(), false};
  return {table.find(col, key.text, key.hash), true};
}

}  // namespace wxlint::checks::snapshot_probe
