// Keywords a schema may not use, or must use well, checked once when it is loaded.
#pragma once

#include <rapidjson/document.h>

#include <string>

namespace wxlint {

// Refuses the date/time formats (valijson checks them with a backtracking regex) and a
// "pattern" or "patternProperties" regex that RE2 cannot compile: ConfigError naming `name`
// and the keyword's JSON Pointer.
void check_regex_keywords(const rapidjson::Value& schema, const std::string& name);

}  // namespace wxlint
