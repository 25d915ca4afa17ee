// Where a rule applies: a JSON Pointer whose tokens may be "*" (every array item or object
// member), and Relative JSON Pointers ("0/extension", "3/locationId") for a rule's
// conditions and parameters.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <cstring>
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

// n bytes of a and b are equal. Inline: member names are compared at nearly every node
// the rules visit, and a call to memcmp costs more than the few bytes of a name.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  const auto load8 = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  const auto load4 = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8);  // words may overlap
  if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The first member of an object named key (as FindMember), or nullptr.
inline const rapidjson::Value::Member* find_member(const rapidjson::Value& object, std::string_view key) {
  for (auto m = object.MemberBegin(), end = object.MemberEnd(); m != end; ++m)
    if (m->name.GetStringLength() == key.size() && same_bytes(m->name.GetString(), key.data(), key.size())) return &*m;
  return nullptr;
}

// An array's item by token ("0", "12"; no leading zeros), or nullptr.
const rapidjson::Value* array_child(const rapidjson::Value& array, std::string_view token);

// A child of an object or array by token, or nullptr.
inline const rapidjson::Value* child(const rapidjson::Value& v, std::string_view token) {
  if (v.IsObject()) {
    const rapidjson::Value::Member* m = find_member(v, token);
    return m ? &m->value : nullptr;
  }
  return v.IsArray() ? array_child(v, token) : nullptr;
}

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
      std::size_t pos = 0;
      for (const auto& m : v.GetObject()) {
        path.push_key({m.name.GetString(), m.name.GetStringLength()}, pos++, m.value);
        for_each_match(path, tokens, i + 1, fn);
        path.pop();
      }
    }
    return;
  }
  if (v.IsObject()) {
    if (const rapidjson::Value::Member* m = find_member(v, t)) {
      path.push_key(t, static_cast<std::size_t>(m - &*v.MemberBegin()), m->value);
      for_each_match(path, tokens, i + 1, fn);
      path.pop();
    }
  } else if (v.IsArray()) {
    if (const rapidjson::Value* c = array_child(v, t)) {
      path.push_index(static_cast<std::size_t>(c - v.Begin()), *c);
      for_each_match(path, tokens, i + 1, fn);
      path.pop();
    }
  }
}
}  // namespace wxlint
