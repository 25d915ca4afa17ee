// Keywords a schema may not use, or must use well, checked once when it is loaded.
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace wxlint {

// Refuses the date/time formats (valijson checks them with a backtracking regex), a
// "pattern" or "patternProperties" regex that RE2 cannot compile, and keywords whose value
// is of the wrong kind (a negative maxLength, a multipleOf of 0, an unknown type):
// ConfigError naming `name` and the keyword's JSON Pointer, which valijson's own errors do
// not give.
void check_keywords(const rapidjson::Value& schema, const std::string& name);

}  // namespace wxlint
