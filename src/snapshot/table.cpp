#include "snapshot/table.hpp"

namespace wxlint::snapshot {

Table::Table(std::string name, std::vector<Column> columns) : name_(std::move(name)), columns_(std::move(columns)) {}

std::optional<std::size_t> Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i].name == name) return i;
  return std::nullopt;
}

std::string_view Table::cell(std::size_t row, std::size_t col) const { return cells_[row * columns_.size() + col]; }

void Table::add_row(const std::vector<std::string>& cells, std::uint32_t file, std::string pointer) {
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    static const std::string kNone;
    const std::string& raw = c < cells.size() ? cells[c] : kNone;
    if (columns_[c].type == KeyType::text) {
      cells_.push_back(raw);
      continue;
    }
    // Multi-valued cells: each value normalised on its own.
    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
      std::size_t nl = raw.find('\n', start);
      if (nl == std::string::npos) nl = raw.size();
      if (nl > start) out += (out.empty() ? "" : "\n") + normalise(columns_[c].type, std::string_view(raw).substr(start, nl - start));
      start = nl + 1;
    }
    cells_.push_back(std::move(out));
  }
  origins_.push_back({file, std::move(pointer)});
  ++rows_;
}

void Table::set_column(std::size_t col, std::vector<std::string> values) {
  for (std::size_t r = 0; r < rows_ && r < values.size(); ++r) cells_[r * columns_.size() + col] = std::move(values[r]);
}

void Table::build_indexes() {
  indexes_.assign(columns_.size(), {});
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (!columns_[c].indexed) continue;
    auto& index = indexes_[c];
    index.reserve(rows_);
    for (std::size_t r = 0; r < rows_; ++r) {
      std::string_view v = cell(r, c);
      std::size_t start = 0;
      while (start < v.size()) {
        std::size_t nl = v.find('\n', start);
        if (nl == std::string_view::npos) nl = v.size();
        if (nl > start) {
          auto& rows = index[v.substr(start, nl - start)];
          if (rows.empty() || rows.back() != r) rows.push_back(static_cast<std::uint32_t>(r));
        }
        start = nl + 1;
      }
    }
  }
}

std::span<const std::uint32_t> Table::find(std::size_t col, std::string_view key) const {
  if (col >= indexes_.size() || key.empty()) return {};
  auto it = indexes_[col].find(key);
  if (it == indexes_[col].end()) return {};
  return it->second;
}

}  // namespace wxlint::snapshot
