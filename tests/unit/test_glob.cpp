// Glob matching of ignore entries: the syntax, and time linear in the text.
#include <wxlint/config.hpp>

#include <catch2/catch.hpp>

#include "support.hpp"

#include <ctime>
#include <string>

using wxlint::glob_match;

TEST_CASE("glob: stars, globstars, classes and escapes", "[glob]") {
  CHECK(glob_match("*.json", "a.json"));
  CHECK_FALSE(glob_match("*.json", "dir/a.json"));
  CHECK(glob_match("**/*.json", "a.json"));  // "**/" also matches nothing
  CHECK(glob_match("**/*.json", "x/y/a.json"));
  CHECK(glob_match("payloads/**", "payloads/x/y.json"));
  CHECK(glob_match("/usersList/*/users/?", "/usersList/0/users/7"));
  CHECK_FALSE(glob_match("/usersList/*/users/?", "/usersList/0/users/17"));
  CHECK(glob_match("f[0-9].json", "f7.json"));
  CHECK_FALSE(glob_match("f[!0-9].json", "f7.json"));
  CHECK(glob_match("f[]x].json", "f].json"));
  CHECK(glob_match("f[.json", "f[.json"));  // an unclosed class is a literal '['
  CHECK(glob_match("a\\*b", "a*b"));
  CHECK_FALSE(glob_match("a\\*b", "axb"));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
}

TEST_CASE("glob: ? and classes match one character, not one byte of it", "[glob]") {
  CHECK(glob_match("?/m.json", "\xC3\xA9/m.json"));  // é, two bytes
  CHECK_FALSE(glob_match("?" "?/m.json", "\xC3\xA9/m.json"));
  CHECK(glob_match("[\xC3\xA9]/m.json", "\xC3\xA9/m.json"));
  CHECK_FALSE(glob_match("[!\xC3\xA9]/m.json", "\xC3\xA9/m.json"));
  CHECK(glob_match("[\xC3\xA0-\xC3\xBF]x", "\xC3\xA9x"));  // à-ÿ
  CHECK(glob_match("/?", "/\xF0\x9F\x98\x80"));               // an emoji, four bytes
  CHECK(glob_match("caf\xC3\xA9*", "caf\xC3\xA9s.json"));      // literals of several bytes
  CHECK_FALSE(glob_match("caf\xC3\xA9", "caf\xC3\xA8"));
  CHECK(glob_match("a?b", "a\xFF" "b"));  // a byte outside UTF-8 is one character
}

TEST_CASE("glob: a pattern full of stars against a long text stays fast", "[glob]") {
  const std::string text(50000, 'a');
  // CPU time, not the wall clock: a loaded machine (CI, the sanitizer build beside other jobs)
  // slows the wall clock, not the work.
  const std::clock_t start = std::clock();
  CHECK_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*b", text));
  CHECK_FALSE(glob_match("**a**a**a**a**a**a**b", text));
  CHECK(glob_match("**a**a**a**a**a**a**", text));
  // Backtracking would take astronomically long here (~50000^10 steps); the position set
  // takes milliseconds (under a second with the sanitizers).
  CHECK(test_support::cpu_seconds_since(start) < 5.0);
}
