// One table of an org snapshot: rows of text cells, with indexes on the key columns.
// Cells of key columns hold normalised keys (see keys.hpp), so lookups compare decoded ids
// and E.164 numbers; a multi-valued cell (a person's emails) holds its values joined by
// '\n', each indexed. Cells are interned: a row is a few numbers, and a location id that
// 100,000 rows share is kept once. Built once, then read-only and shared by every thread.
#pragma once

#include "checks/key_index.hpp"
#include "snapshot/keys.hpp"
#include "snapshot/row_index.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wxlint::snapshot {

// f(value) for each non-empty value of a cell whose values are joined by '\n' (a person's
// emails), in order; an f that returns bool stops the walk with true, and so returns true.
template <typename F>
bool each_value(std::string_view cell, const F& f) {
  for (std::size_t start = 0; start < cell.size();) {
    const std::size_t nl = std::min(cell.find('\n', start), cell.size());
    if (nl > start) {
      if constexpr (std::is_same_v<decltype(f(cell)), bool>) {
        if (f(cell.substr(start, nl - start))) return true;
      } else {
        f(cell.substr(start, nl - start));
      }
    }
    start = nl + 1;
  }
  return false;
}

struct Column {
  std::string name;
  KeyType type = KeyType::text;
  bool indexed = false;
  // A column that lookups of this one are often scoped by (the target location): the rows
  // are also indexed by the two together.
  std::string scope = {};
};

// Each distinct text once, numbered; "" is 0. One for all the tables of a snapshot, so a
// derived table copies numbers, not texts.
class Strings {
 public:
  std::uint32_t intern(std::string_view s);
  std::uint32_t intern(std::string_view s, std::uint64_t hash);  // hash: checks::hash_key(s)
  void prefetch(std::uint64_t hash) const { index_.prefetch(hash); }  // for an intern() soon after
  std::optional<std::uint32_t> find(std::string_view s) const;
  std::string_view operator[](std::uint32_t id) const { return texts_[id]; }

 private:
  checks::KeyIndex index_;  // of texts_[1..]
  checks::Arena arena_;
  std::vector<std::string_view, checks::HugePageAllocator<std::string_view>> texts_{std::string_view()};
  std::vector<std::uint64_t> hashes_{0};  // of texts_: growing the index rehashes no text
};

class Table {
 public:
  Table(std::string name, std::vector<Column> columns);
  // The strings its cells are numbers of, shared with other tables (its own until then).
  void share_strings(std::shared_ptr<Strings> strings) { strings_ = std::move(strings); }

  const std::string& name() const { return name_; }
  // Unique to this table in this process (not reused when it is freed): a key for caches.
  std::uint64_t serial() const { return serial_; }
  const std::vector<Column>& columns() const { return columns_; }
  std::optional<std::size_t> column(std::string_view name) const;
  std::size_t size() const { return origins_.size(); }
  // A loaded table answers lookups; an absent one (no file of its kind) knows nothing.
  bool loaded() const { return loaded_; }

  std::string_view cell(std::size_t row, std::size_t col) const { return (*strings_)[cell_id(row, col)]; }
  // The cell of a column that the table has, by name.
  std::string_view cell(std::size_t row, std::string_view name) const { return cell(row, *column(name)); }
  std::uint32_t cell_id(std::size_t row, std::size_t col) const { return cells_[row * columns_.size() + col]; }
  // Rows whose indexed column `col` holds `key` (already normalised with the column's type),
  // in row order.
  std::span<const std::uint32_t> find(std::size_t col, std::string_view key) const {
    return find(col, key, RowIndex::hash(key));
  }
  std::span<const std::uint32_t> find(std::size_t col, std::string_view key, std::uint64_t hash) const;  // RowIndex::hash
  // f(rows) for each key of indexed column `col` that more than one row holds.
  template <typename F>
  void each_repeated(std::size_t col, const F& f) const {
    indexes_[col].each_repeated(f);
  }
  // Of those, the rows whose column `scope_col` holds the text numbered `scope` (text_id()),
  // when `col` is declared scoped by it (Column::scope); else nullopt: the caller filters
  // find()'s rows.
  std::optional<std::span<const std::uint32_t>> find_in_scope(std::size_t col, std::string_view key, std::uint64_t hash,
                                                               std::size_t scope_col, std::uint32_t scope) const;
  // The index find_in_scope() searches for that scope: nullptr when no row is in it; nullopt
  // when `col` is not declared scoped by `scope_col`. For a caller that keeps it per scope.
  std::optional<const RowIndex*> scope_part(std::size_t col, std::size_t scope_col, std::uint32_t scope) const;
  // The number of a text in the cells of this table (and the tables sharing its strings).
  std::optional<std::uint32_t> text_id(std::string_view text) const { return strings_->find(text); }

  // Where a row came from: its file (an index), and item `item` of the list `list`.
  struct Origin {
    std::uint32_t file = 0, item = 0;
    const char* list = "";  // a list key ("items"): static text
  };
  const Origin& origin_of(std::size_t row) const { return origins_[row]; }
  std::uint32_t file_of(std::size_t row) const { return origins_[row].file; }
  std::string pointer_of(std::size_t row) const;

  // Per id column, its values that are no Webex id: kept as text, so no payload id matches
  // them. The first (its row) and how many.
  struct Undecoded {
    std::size_t col = 0, first_row = 0, count = 0;
    std::string first;
  };
  const std::vector<Undecoded>& undecoded() const { return undecoded_; }
  // Whether some phone numbers stayed as written, in a national format no region was known
  // for, in the location `scope` (the normal form of its id) or, without one, anywhere: the
  // table cannot tell that a number is missing there.
  bool may_hold_unread_numbers(std::optional<std::string_view> scope) const {
    if (!scope || unread_anywhere_) return !unread_in_.empty() || unread_anywhere_;
    return unread_in_.contains(std::string(*scope));
  }
  // Whether the list may lack items (a page the manifest lists is missing; an item is on two
  // pages, so its list changed while it was paged): a value not found may be on no page.
  bool incomplete() const { return incomplete_; }
  void mark_incomplete() { incomplete_ = true; }
  // A number of the row's location `location` ("" none) that stayed unread.
  void mark_unread_number(std::string_view location) {
    if (location.empty()) unread_anywhere_ = true;
    else unread_in_.emplace(location);
  }

  // Building.
  void mark_loaded() { loaded_ = true; }
  void reserve(std::size_t more_rows);
  // Cells in column order (missing ones are ""); key columns are normalised here.
  void add_row(std::span<const std::string> cells, Origin origin);
  // Cells of another table sharing the strings (cell_id(), intern()).
  void add_row_ids(std::span<const std::uint32_t> cells, Origin origin);
  std::uint32_t intern(std::string_view text) { return strings_->intern(text); }
  void set_cell(std::size_t row, std::size_t col, std::string_view value);
  void build_indexes();  // after the last row

 private:
  // An index of (key column, its scope column): one small index of the keys per scope value,
  // so that a file's lookups in its one target location stay in the cache.
  struct Scoped {
    std::size_t col = 0, scope = 0;
    std::vector<RowIndex> parts;
    std::unordered_map<std::uint32_t, std::uint32_t> part_of;  // the scope's text number -> its part
  };
  // A cell's text as it is kept: a key column's normal form (in `scratch` when it is not raw).
  // Notes the ids that do not decode (undecoded()).
  std::string_view normalised(std::size_t col, std::string_view raw, std::string& scratch);
  // Calls f(value id, row) for each value of column col (a multi-valued cell gives each).
  template <typename F>
  void each_key(std::size_t col, const F& f);

  std::uint64_t serial_;
  std::string name_;
  std::vector<Column> columns_;
  bool loaded_ = false;
  std::shared_ptr<Strings> strings_ = std::make_shared<Strings>();
  std::vector<std::uint32_t, checks::HugePageAllocator<std::uint32_t>> cells_;  // size() * columns_.size() string numbers
  std::vector<Origin> origins_;
  std::vector<RowIndex> indexes_;  // per column (empty unless indexed); a multi-valued cell's each value
  std::vector<Scoped> scoped_;
  std::vector<Undecoded> undecoded_;
  std::unordered_set<std::string> unread_in_;  // locations with unread numbers
  bool unread_anywhere_ = false;               // an unread number in no location
  bool incomplete_ = false;
  // add_row()'s scratch: a row's cells as kept, their hashes.
  std::vector<std::string> forms_;
  std::vector<std::string_view> texts_;
  std::vector<std::uint64_t> hashes_;
};

}  // namespace wxlint::snapshot
