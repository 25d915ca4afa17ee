// Internal: where a value is, read off a DOM whose strings point into the text
// (Document(text, reference_strings = true)) instead of skimming the text. A string
// or key that points into the text gives its own offsets; a container is bounded by
// its first and last members or elements, with only whitespace in between. Where that
// does not reach (a string with escapes, an empty array's element, a number in an
// array), it gives up and Document::locate skims the text for that pointer.
#pragma once

#include <string_view>

#include <rapidjson/document.h>

#include "document/document.hpp"

namespace wxlint::detail {

// True and out set when the pointer's value was placed from the DOM; false when it
// must be skimmed for (including pointers that do not resolve).
bool dom_span(std::string_view text, const rapidjson::Value& root, std::string_view pointer, Span& out);

}  // namespace wxlint::detail
