#include "snapshot/table.hpp"

#include "document/json_pointer.hpp"

#include <algorithm>
#include <atomic>

namespace wxlint::snapshot {
namespace {

// Calls f on each non-empty value of a cell whose values are joined by '\n'.
template <typename F>
void each_value(std::string_view cell, const F& f) {
  for (std::size_t start = 0; start < cell.size();) {
    const std::size_t nl = std::min(cell.find('\n', start), cell.size());
    if (nl > start) f(cell.substr(start, nl - start));
    start = nl + 1;
  }
}

std::atomic<std::uint64_t> next_serial{1};

}  // namespace

std::uint32_t Strings::intern(std::string_view s) {
  if (s.empty()) return 0;
  const std::uint64_t h = checks::hash_key(s);
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

std::uint32_t Table::normalised(KeyType type, std::string_view raw) {
  if (raw.empty()) return 0;
  if (type == KeyType::text) return strings_->intern(raw);
  if (raw.find('\n') == std::string_view::npos) return strings_->intern(normalise(type, raw));
  // Multi-valued: each value normalised on its own.
  std::string out;
  each_value(raw, [&](std::string_view v) { out += (out.empty() ? "" : "\n") + normalise(type, v); });
  return strings_->intern(out);
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
  for (std::size_t c = 0; c < columns_.size(); ++c)
    cells_.push_back(c < cells.size() ? normalised(columns_[c].type, cells[c]) : 0);
  origins_.push_back(origin);
}

void Table::add_row_ids(std::span<const std::uint32_t> cells, Origin origin) {
  for (std::size_t c = 0; c < columns_.size(); ++c) cells_.push_back(c < cells.size() ? cells[c] : 0);
  origins_.push_back(origin);
}

void Table::set_cell(std::size_t row, std::size_t col, std::string_view value) {
  cells_[row * columns_.size() + col] = strings_->intern(value);
}

void Table::build_indexes() {
  indexes_.assign(columns_.size(), {});
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;  // (key, row)
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!columns_[c].indexed) continue;
    entries.clear();
    entries.reserve(size());
    for (std::size_t r = 0; r < size(); ++r) {
      const std::uint32_t id = cells_[r * columns_.size() + c];
      if (id == 0) continue;
      const std::string_view v = (*strings_)[id];
      if (v.find('\n') == std::string_view::npos) {
        entries.emplace_back(id, static_cast<std::uint32_t>(r));
        continue;
      }
      each_value(v, [&](std::string_view one) { entries.emplace_back(strings_->intern(one), static_cast<std::uint32_t>(r)); });
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    Index& index = indexes_[c];
    index.keys.reserve(entries.size());
    index.rows.reserve(entries.size());
    for (const auto& [key, row] : entries) {
      index.keys.push_back(key);
      index.rows.push_back(row);
    }
  }
}

std::span<const std::uint32_t> Table::find(std::size_t col, std::string_view key) const {
  if (col >= indexes_.size() || key.empty()) return {};
  const std::optional<std::uint32_t> id = strings_->find(key);
  if (!id) return {};
  const Index& index = indexes_[col];
  const auto [lo, hi] = std::equal_range(index.keys.begin(), index.keys.end(), *id);
  return {index.rows.data() + (lo - index.keys.begin()), static_cast<std::size_t>(hi - lo)};
}

}  // namespace wxlint::snapshot
