// Where a rule applies: a JSON Pointer whose tokens may be "*" (every array item or object
// member), and Relative JSON Pointers ("0/extension", "3/locationId") for a rule's
// conditions and parameters.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

class Path;

struct Pattern {
  static constexpr std::string_view kAny = "*";
  std::vector<std::string> tokens;  // unescaped; "*" is the wildcard
  std::string text;

  static std::optional<Pattern> parse(std::string_view text);
};

// Relative JSON Pointer: "N" levels up, then a JSON Pointer. "/a/b" is shorthand for "0/a/b".
struct RelPointer {
  std::size_t up = 0;
  std::vector<std::string> tokens;
  std::string text;

  static std::optional<RelPointer> parse(std::string_view text);
  // The value it names from the current node of `path`, or nullptr.
  const rapidjson::Value* resolve(const Path& path) const;
  // Appends the pointer of what it names (relative to the linted root) to `out`.
  std::string pointer(const Path& path) const;
};

// A child of an object or array by token, or nullptr.
const rapidjson::Value* child(const rapidjson::Value& v, std::string_view token);

}  // namespace wxlint

namespace wxlint {
// Calls fn(path) for every node under path's current node matched by `tokens`
// (relative; "*" = every item or member). `path` is extended during the call and restored.
template <typename Fn>
void for_each_match(Path& path, const std::vector<std::string>& tokens, std::size_t i, Fn&& fn);
}  // namespace wxlint

#include "engine/path.hpp"

namespace wxlint {
template <typename Fn>
void for_each_match(Path& path, const std::vector<std::string>& tokens, std::size_t i, Fn&& fn) {
  if (i == tokens.size()) {
    fn(static_cast<const Path&>(path));
    return;
  }
  const rapidjson::Value& v = path.node();
  const std::string& t = tokens[i];
  if (t == Pattern::kAny) {
    if (v.IsArray()) {
      for (rapidjson::SizeType k = 0; k < v.Size(); ++k) {
        path.push_index(k, v[k]);
        for_each_match(path, tokens, i + 1, fn);
        path.pop();
      }
    } else if (v.IsObject()) {
      for (const auto& m : v.GetObject()) {
        path.push_key({m.name.GetString(), m.name.GetStringLength()}, m.value);
        for_each_match(path, tokens, i + 1, fn);
        path.pop();
      }
    }
    return;
  }
  if (const rapidjson::Value* c = child(v, t)) {
    if (v.IsArray())
      path.push_index(static_cast<std::size_t>(c - v.Begin()), *c);
    else
      path.push_key(t, *c);
    for_each_match(path, tokens, i + 1, fn);
    path.pop();
  }
}
}  // namespace wxlint
