// The fast path of snapshot-lookup (snapshot_lookup.cpp), kept apart from what its rules
// mean: payload values in their normal form, and the rows they key, remembered per thread.
// The rules at one place run one after another and ask the same questions (a userId's
// decoded identity and its row in people, three times; the target location's identity, for
// every user a file moves).
//
// A value is known by where its bytes are, as the webex-id check knows its last id: the DOM
// stays put during a lint, and so do the snapshot's cells, so the same place means the same
// bytes and a hit costs no comparison of text. Hence every value passed here must stay put
// until forget(): a DOM string, a snapshot cell, or a copy made by keep().
#pragma once

#include "snapshot/keys.hpp"
#include "snapshot/table.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace wxlint::checks::snapshot_probe {

// Forgets every value: at a lint's start (Check::start()), as the next DOM may reuse the
// addresses of this one.
void forget();
// A copy of text that stays put until forget(): for a value that is not the DOM's (the text
// of a number).
std::string_view keep(std::string_view text);

// A value in its normal form as a key type, whether it can be compared at all (keys.hpp),
// and the hash a table's index finds it by. Made once per place and lint: the text stays
// put until forget().
struct Normal {
  bool comparable = false;
  std::string_view text;
  std::uint64_t hash = 0;
};
const Normal& normal_form(snapshot::KeyType type, std::string_view value);  // valid until the next call

// The rows of `table` whose column `col` holds `value` (normalised as that column's type).
std::span<const std::uint32_t> rows(const snapshot::Table& table, std::size_t col, std::string_view value);

// Of those, the rows whose column `scope_col` holds `scope` (normalised as that column's type;
// it must be comparable). When the table keeps no index of the two together, `rows` are all the
// value's rows and each row's scope cell is still to be compared with the scope's normal form.
struct Scoped {
  std::span<const std::uint32_t> rows;
  bool compare_scope = false;
};
Scoped rows_in_scope(const snapshot::Table& table, std::size_t col, std::string_view value, std::size_t scope_col,
                     std::string_view scope);

}  // namespace wxlint::checks::snapshot_probe
