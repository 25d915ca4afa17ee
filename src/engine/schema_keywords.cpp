// The schema keywords refused or checked when a schema is loaded, before any payload.
#include "engine/schema_keywords.hpp"

#include "document/json_pointer.hpp"
#include "engine/regex.hpp"

#include <wxlint/error.hpp>

#include <string_view>

namespace wxlint {
namespace {

// valijson evaluates the date/time formats with the standard library's backtracking regex
// engine, on input data: refused. "pattern" and "patternProperties" are RE2's (linear time):
// each regex must compile. `names`: s maps names to schemas (properties, definitions), so
// its keys are not keywords. Instances (enum, const, default, examples) are data: not walked.
void walk(const rapidjson::Value& s, std::string& where, const std::string& name, bool names = false) {
  if (s.IsObject()) {
    for (const auto& m : s.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      const std::size_t len = where.size();
      pointer::append_key(where, key);
      if (names) {
        walk(m.value, where, name);
        where.resize(len);
        continue;
      }
      if (key == "enum" || key == "const" || key == "default" || key == "examples") {
        where.resize(len);
        continue;
      }
      bool regex_format = key == "format" && m.value.IsString() &&
                          (m.value == "date" || m.value == "time" || m.value == "date-time");
      if (regex_format)
        throw ConfigError(name + ": " + where + ": \"" + std::string(key) +
                          "\" is not supported: it would run a backtracking regex on input data; "
                          "express the check as a rule (check kind \"format\") instead");
      auto compiles = [&](std::string_view regex, const std::string& at) {
        std::string error;
        if (!Regex::compile(regex, error))
          throw ConfigError(name + ": " + at + ": not a valid RE2 regular expression: " + error);
      };
      if (key == "pattern" && m.value.IsString()) compiles({m.value.GetString(), m.value.GetStringLength()}, where);
      if (key == "patternProperties" && m.value.IsObject()) {
        for (const auto& p : m.value.GetObject()) {
          std::string at = where;
          pointer::append_key(at, {p.name.GetString(), p.name.GetStringLength()});
          compiles({p.name.GetString(), p.name.GetStringLength()}, at);
        }
      }
      walk(m.value, where, name,
           key == "properties" || key == "patternProperties" || key == "definitions" ||
               key == "$defs" || key == "dependencies");
      where.resize(len);
    }
  } else if (s.IsArray()) {
    for (rapidjson::SizeType i = 0; i < s.Size(); ++i) {
      const std::size_t len = where.size();
      pointer::append_index(where, i);
      walk(s[i], where, name);
      where.resize(len);
    }
  }
}

}  // namespace

void check_regex_keywords(const rapidjson::Value& schema, const std::string& name) {
  std::string where;
  walk(schema, where, name);
}

}  // namespace wxlint
