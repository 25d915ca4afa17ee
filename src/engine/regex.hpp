// Linear-time regular expressions (RE2) behind a small interface: the rest of wxlint does
// not include RE2's headers. Used by the `pattern` check kind and the schema layer's
// `pattern` and `patternProperties`. No backtracking: time is linear in the text.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wxlint {

class Regex {
 public:
  // Compiles RE2 syntax (https://github.com/google/re2/wiki/Syntax). Returns null and sets
  // `error` to RE2's complaint ("missing ): a(b") when the pattern is not valid.
  static std::unique_ptr<Regex> compile(std::string_view pattern, std::string& error);
  ~Regex();

  // Whether the pattern matches somewhere in `text` (as JSON Schema's "pattern": anchor
  // with ^ and $ to match the whole text).
  bool search(std::string_view text) const;
  // The first match's byte offset and length, if any.
  std::optional<std::pair<std::size_t, std::size_t>> find(std::string_view text) const;
  const std::string& text() const { return text_; }

 private:
  struct Impl;
  Regex(std::string text, std::unique_ptr<Impl> impl);
  std::string text_;
  std::unique_ptr<Impl> impl_;
};

// Many patterns run as one automaton, each anchored at both ends: whether any matches a
// text, in time linear in the text whatever their number (ignore entries' pointer globs).
class RegexSet {
 public:
  // Null when a pattern is not valid or the set outgrows RE2's memory.
  static std::unique_ptr<RegexSet> compile(const std::vector<std::string>& patterns);
  ~RegexSet();
  // Whether one matches all of `text`; nullopt when RE2 ran out of memory for it (the
  // caller matches another way).
  std::optional<bool> any_matches(std::string_view text) const;

 private:
  struct Impl;
  explicit RegexSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace wxlint
