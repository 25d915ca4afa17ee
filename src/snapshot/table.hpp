// One table of an org snapshot: rows of text cells, with hashed indexes on the key
// columns. Cells of key columns hold normalised keys (see keys.hpp), so lookups compare
// decoded ids and E.164 numbers; a multi-valued cell (a person's emails) holds its values
// joined by '\n', each indexed. Built once, then read-only and shared by every thread.
#pragma once

#include "snapshot/keys.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wxlint::snapshot {

struct Column {
  std::string name;
  KeyType type = KeyType::text;
  bool indexed = false;
};

class Table {
 public:
  Table(std::string name, std::vector<Column> columns);

  const std::string& name() const { return name_; }
  const std::vector<Column>& columns() const { return columns_; }
  std::optional<std::size_t> column(std::string_view name) const;
  std::size_t size() const { return rows_; }
  // A loaded table answers lookups; an absent one (no file of its kind) knows nothing.
  bool loaded() const { return loaded_; }

  std::string_view cell(std::size_t row, std::size_t col) const;
  // Rows whose indexed column `col` holds `key` (already normalised with the column's type).
  std::span<const std::uint32_t> find(std::size_t col, std::string_view key) const;
  // Where row came from: the index of its file and its JSON Pointer there.
  std::uint32_t file_of(std::size_t row) const { return origins_[row].file; }
  const std::string& pointer_of(std::size_t row) const { return origins_[row].pointer; }

  // Building.
  void mark_loaded() { loaded_ = true; }
  void reserve(std::size_t more_rows) {
    cells_.reserve(cells_.size() + more_rows * columns_.size());
    origins_.reserve(origins_.size() + more_rows);
  }
  // Cells in column order; key columns are normalised here.
  void add_row(const std::vector<std::string>& cells, std::uint32_t file, std::string pointer);
  void set_column(std::size_t col, std::vector<std::string> values);  // a derived column, one value per row
  void build_indexes();  // after the last add_row

 private:
  struct Origin {
    std::uint32_t file;
    std::string pointer;
  };
  std::string name_;
  std::vector<Column> columns_;
  bool loaded_ = false;
  std::size_t rows_ = 0;
  std::vector<std::string> cells_;  // rows_ * columns_.size()
  std::vector<Origin> origins_;
  // Per indexed column: key -> rows, in row order.
  std::vector<std::unordered_map<std::string_view, std::vector<std::uint32_t>>> indexes_;
};

}  // namespace wxlint::snapshot
