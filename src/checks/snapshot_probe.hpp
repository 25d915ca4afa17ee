// The fast path of snapshot-lookup (snapshot_lookup.cpp), kept apart from what its rules
// mean: payload values in their normal form, and what the rules at one node found,
// remembered per thread. The rules at one node run one after another and ask the same
// questions (a userId's row in people, three times; the target location's identity, for
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
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace wxlint::checks::snapshot_probe {

// Forgets every value: at a lint's start (Check::start()), as the next DOM may reuse the
// addresses of this one.
void forget();
// Counts forget()s: what was remembered in an earlier lint is not this lint's. Starts at 1.
inline std::uint64_t& lint_epoch() {
  thread_local std::uint64_t epoch = 1;
  return epoch;
}
// A copy of text that stays put until forget(): for a value that is not the DOM's (the text
// of a number).
std::string_view keep(std::string_view text);

// A value in its normal form as a key type, whether it can be compared at all (keys.hpp),
// and the hash a table's index finds it by. A value that is its own normal form (most
// extensions, E.164 numbers, snapshot cells) is its own text; another (an id, decoded) is
// made once per place and lint. Either way the text stays put until forget().
struct Normal {
  bool comparable = false;
  std::string_view text;
  std::uint64_t hash = 0;
};
Normal normal_form(snapshot::KeyType type, std::string_view value);
// The same for a value looked up at once and not asked again (a question's key, which its
// node's rules share through SharedAnswers): an id's text is then the identity of the id
// this thread decoded last (formats::webex_identity_cached), valid only until it decodes
// another, and is not copied.
Normal key_form(snapshot::KeyType type, std::string_view value);
// A phone number in national format (no +) read in `region` ("" none): its E.164 form when
// the numbering plan finds it valid there, as the snapshot's own numbers are read.
Normal national_number_form(std::string_view value, std::string_view region);

// The rows of `table` whose column `col` holds `key` (a normal form as that column's type).
std::span<const std::uint32_t> rows(const snapshot::Table& table, std::size_t col, const Normal& key);

// A scope (the target location): its normal form and its part of the table's index of
// `col` scoped by `scope_col` (Table::scope_part()), for a caller that keeps it per scope.
struct Scope {
  Normal normal;
  std::optional<const snapshot::RowIndex*> part;  // nullopt: the table keeps no such index
};
Scope scope(const snapshot::Table& table, std::size_t col, std::size_t scope_col, const Normal& normal);

// Of the rows `rows` finds, those whose scope column holds the scope. When the table keeps
// no index of the two together, `rows` are all the key's rows and each row's scope cell is
// still to be compared with the scope's normal form.
struct Scoped {
  std::span<const std::uint32_t> rows;
  bool compare_scope = false;
};
Scoped rows_in_scope(const snapshot::Table& table, std::size_t col, const Normal& key, const Scope& scope);

// What the rules at one node that ask the same question found, until forget(): three rules
// look each userId up in people. A question is known by its address (the text of the
// parameters that decide which rows are found, kept once by params_text(); or a pointer the
// rules read from that node); its hash
// picks one of a few slots, and a clash only costs a second answer.
template <typename Answer>
class SharedAnswers {
 public:
  Answer* find(std::uint64_t hash, const void* question, const void* node) {
    Slot& s = slots_[hash % kSlots];
    return s.node == node && s.question == question && s.epoch == lint_epoch() ? &s.answer : nullptr;
  }
  Answer& put(std::uint64_t hash, const void* question, const void* node) {
    Slot& s = slots_[hash % kSlots];
    s = {question, node, lint_epoch(), {}};
    return s.answer;
  }

 private:
  static constexpr std::size_t kSlots = 16;
  struct Slot {
    const void* question = nullptr;
    const void* node = nullptr;
    std::uint64_t epoch = 0;  // lint_epoch() starts at 1
    Answer answer;
  };
  Slot slots_[kSlots];
};

}  // namespace wxlint::checks::snapshot_probe
