// The schema keywords refused or checked when a schema is loaded, before any payload.
#include "engine/schema_keywords.hpp"

#include "document/json_pointer.hpp"
#include "engine/regex.hpp"

#include <wxlint/error.hpp>

#include <string_view>

namespace wxlint {
namespace {

bool is_count(std::string_view key) {
  return key == "maxLength" || key == "minLength" || key == "maxItems" || key == "minItems" ||
         key == "maxProperties" || key == "minProperties";
}

bool is_type_name(const rapidjson::Value& v) {
  if (!v.IsString()) return false;
  const std::string_view t(v.GetString(), v.GetStringLength());
  return t == "null" || t == "boolean" || t == "object" || t == "array" || t == "number" || t == "string" ||
         t == "integer" || t == "any";  // valijson takes "any" in draft 7 too
}

// What a keyword's value must be, where valijson would refuse it without saying where; empty
// when it is well formed.
std::string wrong_value(std::string_view key, const rapidjson::Value& v) {
  if (is_count(key) && !v.IsUint64()) return "must be a non-negative integer";
  if (key == "type") {
    bool ok = is_type_name(v);
    if (v.IsArray()) {
      ok = !v.Empty();
      for (const auto& t : v.GetArray()) ok = ok && is_type_name(t);
    }
    if (!ok) return "must be one of null, boolean, object, array, number, string, integer, or a list of them";
  }
  if (key == "pattern" && !v.IsString()) return "must be a string (a regular expression)";
  if (key == "required") {
    bool ok = v.IsArray();
    if (ok)
      for (const auto& r : v.GetArray()) ok = ok && r.IsString();
    if (!ok) return "must be an array of member names";
  }
  if (key == "enum" && !v.IsArray()) return "must be an array";
  // Draft 7 wants it above 0; valijson would divide by 0 (or INT64_MIN by -1) on a payload value.
  if (key == "multipleOf" && !(v.IsUint64() ? v.GetUint64() > 0 : v.IsNumber() && v.GetDouble() > 0))
    return "must be a number greater than 0";
  return {};
}

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
      if (const std::string wrong = wrong_value(key, m.value); !wrong.empty())
        throw ConfigError(name + ": " + where + ": \"" + std::string(key) + "\" " + wrong);
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

void check_keywords(const rapidjson::Value& schema, const std::string& name) {
  std::string where;
  walk(schema, where, name);
}

}  // namespace wxlint
