// Internal: a fix as a check describes it, by JSON Pointer; FindingList::finish() turns
// it into byte edits of the file (wxlint::Fix) with the same scan that places findings.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

struct FixEdit {
  enum class Target {
    value,  // the value's text becomes `text` (JSON text)
    key,    // the member's key, quotes included, becomes `text` (a JSON string)
    entry,  // the array element or object member is removed, with one comma
    // The nearest array item holding `pointer` is removed (as entry) when it equals the item
    // holding FixSpec::same_as at the same depth: an exact duplicate.
    duplicate_item,
  };
  std::string pointer;  // relative to the linted root, as Finding::pointer
  Target target = Target::value;
  std::string text;
};

struct FixSpec {
  bool safe = true;
  std::string message;
  std::vector<FixEdit> edits;
  std::string same_as;  // for Target::duplicate_item
};

// The fixes several producers share (fix.cpp), in fixes_offered's names:
// did-you-mean: the string value `from` becomes `to`; safe when only the case differs.
FixSpec value_fix(std::string pointer, std::string_view from, std::string_view to);
// did-you-mean for a member name: its key becomes `to`. Made only where that makes no
// duplicate key (`to` is not there, and no other member would be renamed to it).
FixSpec rename_fix(std::string pointer, std::string_view from, std::string_view to);
// Whether a schema's "type" (a name, a list of names, or nullptr: none) names `name`.
bool allows(const rapidjson::Value* type, std::string_view name);
// convert-type: "true"/"false" where a boolean is expected, an integer where a string is;
// nothing for other values. `type` is the schema's "type" (a name or an array of names).
std::optional<FixSpec> convert_type_fix(std::string pointer, const rapidjson::Value& node, const rapidjson::Value* type);

class Document;
class DuplicatedKeys;
struct Fix;
// result[i]: specs[i] as byte edits of the document's text (pointers absolute in it), or
// nothing when a place does not resolve, is at or below one of the document's duplicated keys
// (an edit there could change the other value), edits overlap, or a duplicate is not exact.
// One scan of the text for the whole batch.
std::vector<std::optional<Fix>> resolve_fixes(const Document& doc, const DuplicatedKeys& duplicated,
                                              const std::vector<const FixSpec*>& specs);

// A string as JSON text: quoted, with RapidJSON's escapes (UTF-8 kept as it is).
std::string json_string(std::string_view s);

// The fix names a check kind, or a builtin rule (by id), offers; a rule opts in with "fix".
// Empty when it offers none.
std::vector<std::string_view> fixes_offered(std::string_view check_kind, std::string_view rule_id);

struct DataFile;
// A rule's "fix" member (at `pointer` of a rule file): a fix its kind offers, or ConfigError
// at the member's place naming those it does offer.
std::string rule_fix(const DataFile& file, const std::string& pointer, const rapidjson::Value& value,
                     std::string_view check_kind, std::string_view rule_id);

}  // namespace wxlint
