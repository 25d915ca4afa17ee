// A glob (the syntax of glob_match in include/wxlint/config.hpp) compiled once, to match one
// pattern against many texts. Runs of stars are collapsed, so that at most a few pattern
// positions remain per character a match must consume, and a text shorter than that fails
// at once: a 66 KB pattern costs nothing against a short pointer, and no text costs more
// than O(pattern x text). A compiled glob holds at most about twice its pattern's bytes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

class Glob {
 public:
  explicit Glob(std::string_view pattern);

  bool matches(std::string_view text) const;
  // Matches the pointer or one of its ancestors ("/a/b", "/a" or ""), in one pass.
  bool matches_pointer_or_ancestor(std::string_view pointer) const;
  // The text every match starts with (up to the first wildcard)...
  const std::string& literal_prefix() const { return prefix_; }
  // ...which is all of it when the pattern has no wildcard.
  bool is_literal() const { return literal_; }
  // The literal segments that every text it matches has as whole '/'-separated segments
  // ("/usersList/*/users/7" -> usersList, users, 7), to look candidates up by.
  std::vector<std::string> whole_segments() const;
  // The same pattern in RE2 syntax, matching a pointer or one of its ancestors when anchored
  // at both ends (many globs then run as one automaton: RegexSet); nullopt when it has bytes
  // outside UTF-8, which RE2 reads otherwise.
  std::optional<std::string> pointer_regex() const;

 private:
  // Runs the set of pattern positions over `text`; true when the pattern's end is reached
  // at an offset k for which accept(k) holds.
  template <class Accept>
  bool run(std::string_view text, Accept accept) const;

  std::string pattern_;  // collapsed, and escaped so that it reads as the same tokens
  std::size_t min_length_ = 0;  // characters every match consumes
  std::string prefix_;
  bool literal_ = true;
};

}  // namespace wxlint
