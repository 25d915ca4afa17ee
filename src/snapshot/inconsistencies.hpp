// What is wrong with a loaded snapshot, as `snapshot info` says it: each finding a message in
// pieces, whose places (a file and a pointer) are named with line and column at the end,
// each file read again once for all its places.
#pragma once

#include "snapshot/table.hpp"

#include <wxlint/snapshot.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace wxlint::snapshot {

struct Place {
  std::uint32_t file;
  std::string pointer;
  std::string named = {};  // "file:line:col: pointer", by name_places()
};
using Piece = std::variant<std::string, Place>;
using Inconsistency = std::vector<Piece>;

// A snapshot's text in a message: as JSON, clipped (one name may be quoted once per row).
std::string quoted(std::string_view text);

inline Place place_of(const Table& t, std::size_t row) { return {t.file_of(row), t.pointer_of(row)}; }

// One number held by two owners (in the numbers list or the people list).
void number_owners(const Table& numbers, const Table& people, std::vector<Inconsistency>& out);
// An item that two rows of one list hold; marks that table incomplete.
void listed_twice(std::vector<Table>& tables, std::vector<Inconsistency>& out);
// A person whose locationId is in no locations list.
void people_locations(const Table& people, const Table& locations, const Table& calling, std::vector<Inconsistency>& out);
// An id that is no Webex id (Table::undecoded()).
void undecoded_ids(const std::vector<Table>& tables, std::vector<Inconsistency>& out);

// The messages, each place named: file `f` is names[f], read again by read(f).
std::vector<std::string> name_places(std::vector<Inconsistency> found, const std::vector<std::string>& names,
                                     const std::function<Snapshot::File(std::size_t)>& read);

}  // namespace wxlint::snapshot
