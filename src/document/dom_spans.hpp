// Internal: where a value is, read off a DOM whose strings point into the text
// (Document(text, reference_strings = true)) instead of skimming the text. A string
// or key that points into the text gives its own offsets; a container is bounded by
// its first and last members or elements, with only whitespace in between. Where that
// does not reach (a string with escapes, an empty array's element, a number in an
// array), it gives up and Document::locate skims the text for that pointer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rapidjson/document.h>

#include "document/document.hpp"

namespace wxlint::detail {

// One per Document::locate() batch: a wide object's members are sorted by name
// once, on its first lookup, so a batch of pointers into it costs n log n, not n^2.
class DomSpans {
 public:
  DomSpans(std::string_view text, const rapidjson::Value& root) : text_(text), root_(root) {}

  // True and out set when the pointer's value was placed from the DOM; false when it
  // must be skimmed for (including pointers that do not resolve).
  bool span(std::string_view pointer, Span& out);
  // The same for a value of the DOM, from the value alone (no key: key_begin stays unknown).
  bool span_of(const rapidjson::Value& v, Span& out) const;

 private:
  // The first member named `name` (as FindMember), or nullptr.
  const rapidjson::Value::Member* member(const rapidjson::Value& object, std::string_view name);

  std::string_view text_;
  const rapidjson::Value& root_;
  std::unordered_map<const rapidjson::Value*, std::vector<std::uint32_t>> by_name_;  // member indices
  std::string plain_;
};

}  // namespace wxlint::detail
