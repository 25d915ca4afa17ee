// The kinds of snapshot file: which list response each is, how it is recognised from its
// shape, and how one list item becomes a table row.
#pragma once

#include "engine/data_file.hpp"
#include "snapshot/table.hpp"

#include <rapidjson/document.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::snapshot {

// Reads the members of one list item; a member of the wrong type fails at its pointer.
class ItemReader {
 public:
  ItemReader(const DataFile& file, const rapidjson::Value& item, std::string pointer)
      : file_(file), item_(item), pointer_(std::move(pointer)) {}
  // A string member ("" when absent or null); with `inner`, a member of an object member.
  std::string str(std::string_view key, std::string_view inner = {}) const;
  // A boolean member, or a string "true"/"false", as "true"/"false" ("" when absent).
  std::string flag(std::string_view key) const;
  // An array of strings, or of objects whose `field` is a string: the values joined by '\n',
  // but those of objects whose "type" is one of `skip_types`.
  std::string list(std::string_view key, std::string_view field = {},
                   std::initializer_list<std::string_view> skip_types = {}) const;
  bool has(std::string_view key) const;
  bool has_object(std::string_view key) const;

 private:
  const rapidjson::Value* member(std::string_view key, std::string_view inner) const;
  [[noreturn]] void wrong(const std::string& pointer, std::string_view expected, const rapidjson::Value& v) const;
  const DataFile& file_;
  const rapidjson::Value& item_;
  std::string pointer_;
};

struct Kind {
  std::string_view table;     // the table it fills
  std::string_view list_key;  // the member holding the list
  std::string_view shape;     // for messages
  // For lists several kinds share ("items"): an item of this kind has one of these members.
  std::vector<std::string_view> item_keys;
  // Cells in the table's column order.
  std::vector<std::string> (*row)(const ItemReader& item);
  // The member every item of the API's list has ("" none): without it a row matches nothing.
  std::string_view id_key = {};
  // For shared lists: an item whose id is a Webex id of this type belongs too (a licence
  // leaves out the members that do not apply to it, facts 1.6).
  std::string_view id_type = {};
};

const std::vector<Kind>& kinds();
// A person row's callingUser cell as read, before the Store derives it: the item has no
// "licenses" member, so its licences are unknown.
inline constexpr std::string_view kLicencesNotListed = "licenses not listed";
// Whether no other kind shares the kind's list key (numbers' "phoneNumbers", not "items").
bool owns_list(const Kind& kind);
// Whether an item of a list belongs to the kind (any item, when the kind's list key is its own).
bool belongs(const Kind& kind, const rapidjson::Value& item);
// Why an object item of a shared list ("items") is of none of its kinds: what each kind's items have.
std::string no_kind_of_item(std::string_view list_key);
// The kind of a parsed file, or nullptr. `items` is the list (set when a kind is found).
const Kind* detect_kind(const rapidjson::Value& root, const rapidjson::Value** items);
// Fails at the item when it lacks the member every item of its kind has (Kind::id_key), or
// has a snake_case key (wxc_sdk's model_dump() without by_alias: "person_id", "phone_number"):
// loaded, it would be a row no payload matches, or one whose cells are all empty.
void require_api_keys(const DataFile& file, const Kind& kind, const rapidjson::Value& item, const std::string& pointer);
// What an error answer of the API (a 5xx body a curl loop saved as a page) says: its message
// and trackingId, as JSON text; nullopt for any other file.
std::optional<std::string> error_answer(const rapidjson::Value& root);

}  // namespace wxlint::snapshot
