#include "snapshot/table.hpp"

#include "document/json_pointer.hpp"
#include "snapshot/radix_sort.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <span>

namespace wxlint::snapshot {
namespace {

std::atomic<std::uint64_t> next_serial{1};

std::uint32_t row_of(const std::pair<std::uint32_t, std::uint32_t>& e) { return e.second; }
std::uint32_t row_of(const std::array<std::uint32_t, 3>& e) { return e[2]; }

// Sorted entries into an index: each run of one group() becomes one key (key_of(entry)) and
// the rows (row_of) of the run.
template <typename Entries, typename Group, typename KeyOf>
void add_groups(const Entries& entries, const Group& group, const KeyOf& key_of, RowIndex& index) {
  std::size_t keys = 0, bytes = 0;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (i == 0 || group(entries[i]) != group(entries[i - 1])) ++keys, bytes += key_of(entries[i]).size();
  index.reserve(keys, bytes, entries.size());  // exactly: a table's indexes are its largest part
  std::vector<std::uint32_t> rows;
  for (std::size_t i = 0; i < entries.size();) {
    rows.clear();
    std::size_t j = i;
    for (; j < entries.size() && group(entries[j]) == group(entries[i]); ++j) rows.push_back(row_of(entries[j]));
    index.add(key_of(entries[i]), rows);
    i = j;
  }
}

}  // namespace

std::uint32_t Strings::intern(std::string_view s) { return s.empty() ? 0 : intern(s, checks::hash_key(s)); }

std::uint32_t Strings::intern(std::string_view s, std::uint64_t h) {
  if (s.empty()) return 0;
  const auto [k, added] = index_.find_or_add(
      h, [&](std::uint32_t i) { return texts_[i + 1] == s; }, [&](std::uint32_t i) { return hashes_[i + 1]; });
  if (added) {
    texts_.push_back(arena_.keep(s));
    hashes_.push_back(h);
  }
  return k + 1;
}

std::optional<std::uint32_t> Strings::find(std::string_view s) const {
  if (s.empty()) return 0;
  const std::int64_t k = index_.find(checks::hash_key(s), [&](std::uint32_t i) { return texts_[i + 1] == s; });
  if (k < 0) return std::nullopt;
  return static_cast<std::uint32_t>(k + 1);
}

Table::Table(std::string name, std::vector<Column> columns)
    : serial_(next_serial++), name_(std::move(name)), columns_(std::move(columns)) {}

std::optional<std::size_t> Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return i;
  return std::nullopt;
}

std::string Table::pointer_of(std::size_t row) const {
  std::string p;
  pointer::append_key(p, origins_[row].list);
  pointer::append_index(p, origins_[row].item);
  return p;
}

std::string_view Table::normalised(std::size_t col, std::string_view raw, std::string& scratch) {
  const KeyType type = columns_[col].type;
  if (raw.empty() || type == KeyType::text) return raw;
  const auto form = [&](std::string_view v, std::string& out) {
    if (normal_form(type, v, out) || out.empty()) return;  // blank: no id at all
    auto it = std::find_if(undecoded_.begin(), undecoded_.end(), [&](const Undecoded& u) { return u.col == col; });
    if (it == undecoded_.end()) it = undecoded_.insert(undecoded_.end(), {col, size(), 0, out});
    ++it->count;
  };
  if (raw.find('\n') == std::string_view::npos) {
    form(raw, scratch);
    return scratch;
  }
  // Multi-valued: each value normalised on its own.
  scratch.clear();
  std::string one;
  each_value(raw, [&](std::string_view v) {
    form(v, one);
    scratch += (scratch.empty() ? "" : "\n") + one;
  });
  return scratch;
}

void Table::reserve(std::size_t more_rows) {
  // Geometric: a thousand pages of a hundred rows each must not copy the table a thousand times.
  const std::size_t rows = size() + more_rows;
  if (rows <= origins_.capacity()) return;
  const std::size_t want = std::max(rows, 2 * origins_.capacity());
  origins_.reserve(want);
  cells_.reserve(want * columns_.size());
}

void Table::add_row(std::span<const std::string> cells, Origin origin) {
  // Every cell's text and hash first, and its slot asked for: the cells of a row then wait
  // on memory together, not one after another (interning was a tenth of a large load).
  const std::size_t n = columns_.size();
  forms_.resize(std::max(forms_.size(), n));
  texts_.resize(n);
  hashes_.resize(n);
  for (std::size_t c = 0; c < n; ++c) {
    texts_[c] = c < cells.size() ? normalised(c, cells[c], forms_[c]) : std::string_view();
    if (texts_[c].empty()) continue;  // "" is 0, not interned
    hashes_[c] = checks::hash_key(texts_[c]);
    strings_->prefetch(hashes_[c]);
  }
  for (std::size_t c = 0; c < n; ++c) cells_.push_back(strings_->intern(texts_[c], hashes_[c]));
  origins_.push_back(origin);
}

void Table::add_row_ids(std::span<const std::uint32_t> cells, Origin origin) {
  for (std::size_t c = 0; c < columns_.size(); ++c) cells_.push_back(c < cells.size() ? cells[c] : 0);
  origins_.push_back(origin);
}

void Table::set_cell(std::size_t row, std::size_t col, std::string_view value) {
  cells_[row * columns_.size() + col] = strings_->intern(value);
}

template <typename F>
void Table::each_key(std::size_t col, const F& f) {
  for (std::size_t r = 0; r < size(); ++r) {
    const std::uint32_t id = cells_[r * columns_.size() + col];
    if (id == 0) continue;
    const std::string_view v = (*strings_)[id];
    if (v.find('\n') == std::string_view::npos) f(id, static_cast<std::uint32_t>(r));
    else each_value(v, [&](std::string_view one) { f(strings_->intern(one), static_cast<std::uint32_t>(r)); });
  }
}

void Table::build_indexes() {
  indexes_.clear();
  indexes_.resize(columns_.size());
  scoped_.clear();
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;  // (key, row)
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!columns_[c].indexed) continue;
    entries.clear();
    entries.reserve(size());
    // Rows come in ascending order, so a stable sort by key leaves (key, row) sorted.
    each_key(c, [&](std::uint32_t key, std::uint32_t row) { entries.emplace_back(key, row); });
    stable_sort_by(entries, [](const auto& e) { return e.first; });
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    add_groups(entries, [](const auto& e) { return e.first; }, [&](const auto& e) { return (*strings_)[e.first]; },
               indexes_[c]);
  }
  // Scoped: (scope, key, row); a row without a scope value is in no scope.
  std::vector<std::array<std::uint32_t, 3>> scoped;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    const std::optional<std::size_t> s = columns_[c].scope.empty() ? std::nullopt : column(columns_[c].scope);
    if (!columns_[c].indexed || !s) continue;
    scoped.clear();
    scoped.reserve(size());
    each_key(c, [&](std::uint32_t key, std::uint32_t row) {
      if (const std::uint32_t scope = cell_id(row, *s)) scoped.push_back({scope, key, row});
    });
    stable_sort_by(scoped, [](const auto& e) { return e[1]; });  // then by scope: (scope, key, row)
    stable_sort_by(scoped, [](const auto& e) { return e[0]; });
    scoped.erase(std::unique(scoped.begin(), scoped.end()), scoped.end());
    Scoped& index = scoped_.emplace_back(Scoped{c, *s, {}, {}});
    for (std::size_t i = 0; i < scoped.size();) {
      std::size_t j = i;
      while (j < scoped.size() && scoped[j][0] == scoped[i][0]) ++j;
      index.part_of.emplace(scoped[i][0], static_cast<std::uint32_t>(index.parts.size()));
      add_groups(std::span(scoped).subspan(i, j - i), [](const auto& e) { return e[1]; },
                 [&](const auto& e) { return (*strings_)[e[1]]; }, index.parts.emplace_back());
      i = j;
    }
  }
}

std::span<const std::uint32_t> Table::find(std::size_t col, std::string_view key, std::uint64_t hash) const {
  if (col >= indexes_.size() || key.empty()) return {};
  return indexes_[col].find(key, hash);
}

std::optional<std::span<const std::uint32_t>> Table::find_in_scope(std::size_t col, std::string_view key,
                                                                   std::uint64_t hash, std::size_t scope_col,
                                                                   std::uint32_t scope) const {
  const std::optional<const RowIndex*> part = scope_part(col, scope_col, scope);
  if (!part) return std::nullopt;
  if (!*part || key.empty()) return std::span<const std::uint32_t>();
  return (*part)->find(key, hash);
}

std::optional<const RowIndex*> Table::scope_part(std::size_t col, std::size_t scope_col, std::uint32_t scope) const {
  for (const Scoped& s : scoped_) {
    if (s.col != col || s.scope != scope_col) continue;
    if (scope == 0) return nullptr;
    const auto part = s.part_of.find(scope);
    return part == s.part_of.end() ? nullptr : &s.parts[part->second];
  }
  return std::nullopt;
}

}  // namespace wxlint::snapshot
