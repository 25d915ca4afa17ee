// Typed access to a rule's "params" object. Every accessor names the rule file and the
// place on error, and done() rejects parameters the check kind does not know.
#pragma once

#include "engine/pattern.hpp"

#include <rapidjson/document.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

class Params {
 public:
  // `where` names the params object, e.g. "rules/x.rules.json: /rules/3/params".
  Params(const rapidjson::Value* params, std::string where);

  std::string str(std::string_view key);
  std::optional<std::string> opt_str(std::string_view key);
  std::vector<std::string> strings(std::string_view key);  // non-empty array of strings
  std::optional<std::vector<std::string>> opt_strings(std::string_view key);
  std::optional<long long> opt_int(std::string_view key);
  bool flag(std::string_view key, bool fallback);
  RelPointer rel(std::string_view key);
  std::optional<RelPointer> opt_rel(std::string_view key);
  std::optional<Pattern> opt_pattern(std::string_view key);
  const rapidjson::Value* raw(std::string_view key);  // nullptr when absent

  [[noreturn]] void fail(std::string_view key, std::string_view problem) const;
  void done() const;  // throws ConfigError on parameters that were never read

 private:
  const rapidjson::Value* get(std::string_view key);
  const rapidjson::Value* params_;
  std::string where_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace wxlint
