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

Normal key_form(KeyType type, std::string_view value) {
  if (type != KeyType::id) return normal_form(type, value);
  const std::optional<std::string_view> id = snapshot::id_form(value);
  if (!id) return normal_form(type, value);  // not comparable: as normal_form() says
  return {true, *id, snapshot::RowIndex::hash(*id)};
}

Normal national_number_form(std::string_view value, std::string_view region) {
  if (region.empty()) return normal_form(KeyType::number, value);
  const std::string_view form = kept().arena.keep(snapshot::normalise(KeyType::number, value, region));
  return {true, form, snapshot::RowIndex::hash(form)};
}

std::span<const std::uint32_t> rows(const Table& table, std::size_t col, const Normal& key) {
  return table.find(col, key.text, key.hash);
}

Scope scope(const Table& table, std::size_t col, std::size_t scope_col, const Normal& normal) {
  return {normal, table.scope_part(col, scope_col, table.text_id(normal.text).value_or(0))};
}

Scoped rows_in_scope(const Table& table, std::size_t col, const Normal& key, const Scope& scope) {
  if (const auto part = scope.part)
    return {*part && !key.text.empty() ? (*part)->find(key.text, key.hash) : std::span<const std::uint32_t>(), false};
  return {table.find(col, key.text, key.hash), true};
}

}  // namespace wxlint::checks::snapshot_probe
