// Typed access to a rule's "params" object. Every accessor names the rule file and the
// place on error, and done() rejects parameters the check kind does not know.
#pragma once

#include "engine/pattern.hpp"

#include <rapidjson/document.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

// The values an integer parameter may take. Each check kind declares its own, so that a
// negative or huge value (a user's setting, say) fails at load instead of inside a check.
struct IntRange {
  long long min, max;
};

// Counts, lengths and byte sizes in a payload: far above what one holds, far enough below
// LLONG_MAX that sums and "max + 1" on them cannot overflow.
inline constexpr long long kMaxSize = 1'000'000'000;

class Params {
 public:
  // Where a problem with parameter `key` ("" = the params object) is reported. `prefix`
  // names the place ("file:line:col: /pointer", or a setting), `suffix` adds context, and
  // `user` is true when the user chose the value (a setting they overrode). The catalogue
  // computes it only on error: finding a line and column scans the file.
  struct Place {
    std::string prefix, suffix;
    bool user = false;
  };
  using Locate = std::function<Place(std::string_view key)>;

  Params(const rapidjson::Value* params, Locate locate);

  std::string str(std::string_view key);
  std::optional<std::string> opt_str(std::string_view key);
  std::vector<std::string> strings(std::string_view key);  // non-empty array of strings
  std::optional<std::vector<std::string>> opt_strings(std::string_view key);
  std::optional<long long> opt_int(std::string_view key, IntRange range);
  bool flag(std::string_view key, bool fallback);
  RelPointer rel(std::string_view key);
  std::optional<RelPointer> opt_rel(std::string_view key);
  std::vector<RelPointer> rels(std::string_view key);  // one relative pointer or a non-empty list; none when absent
  std::optional<Pattern> opt_pattern(std::string_view key);
  const rapidjson::Value* raw(std::string_view key);  // nullptr when absent

  [[noreturn]] void fail(std::string_view key, std::string_view problem) const;
  // Fails when both are present and min > max, at the one the user chose if only one was.
  void ordered(std::string_view min_key, std::optional<long long> min, std::string_view max_key,
               std::optional<long long> max) const;
  void done() const;  // throws ConfigError on parameters that were never read

 private:
  const rapidjson::Value* get(std::string_view key);
  const rapidjson::Value* params_;
  Locate locate_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace wxlint
