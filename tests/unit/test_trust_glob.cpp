// Compiled globs (config/glob.hpp) keep glob_match's documented semantics: compared with a
// plain backtracking reference on every small pattern and text a seeded generator makes,
// including the runs of stars the compiler collapses; and a huge pattern is cheap.
#include "config/glob.hpp"
#include "support.hpp"

#include <wxlint/config.hpp>

#include <catch2/catch.hpp>

#include <ctime>
#include <random>
#include <string>

namespace {

// The syntax of include/wxlint/config.hpp, by backtracking (exponential: small inputs only).
bool reference(std::string_view p, std::string_view t) {
  if (p.empty()) return t.empty();
  if (p.substr(0, 2) == "**") {
    for (std::size_t k = 0; k <= t.size(); ++k)
      if (reference(p.substr(2), t.substr(k))) return true;
    return p.size() > 2 && p[2] == '/' && reference(p.substr(3), t);  // "**/" matches nothing
  }
  if (p[0] == '*') {
    for (std::size_t k = 0; k <= t.size(); ++k) {
      if (reference(p.substr(1), t.substr(k))) return true;
      if (k < t.size() && t[k] == '/') break;
    }
    return false;
  }
  if (t.empty()) return false;
  if (p[0] == '?') return t[0] != '/' && reference(p.substr(1), t.substr(1));
  if (p[0] == '[') {
    std::size_t j = 1;
    const bool negate = j < p.size() && (p[j] == '!' || p[j] == '^');
    if (negate) ++j;
    const std::size_t close = j < p.size() ? p.find(']', j + 1) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view body = p.substr(j, close - j);
      bool hit = false;
      for (std::size_t i = 0; i < body.size(); ++i) {
        if (i + 2 < body.size() && body[i + 1] == '-') {
          hit = hit || (body[i] <= t[0] && t[0] <= body[i + 2]);
          i += 2;
        } else {
          hit = hit || body[i] == t[0];
        }
      }
      return t[0] != '/' && hit != negate && reference(p.substr(close + 1), t.substr(1));
    }
  }
  std::size_t n = 1;
  if (p[0] == '\\' && p.size() > 1) ++n;
  return p[n - 1] == t[0] && reference(p.substr(n), t.substr(1));
}

bool reference_ancestor(std::string_view p, std::string_view pointer) {
  for (std::string_view a = pointer;; a = a.substr(0, a.rfind('/'))) {
    if (reference(p, a)) return true;
    if (a.empty() || a.find('/') == std::string_view::npos) return false;
  }
}

std::string random_text(std::mt19937& rng, std::string_view alphabet, std::size_t max_len) {
  std::string s(std::uniform_int_distribution<std::size_t>(0, max_len)(rng), ' ');
  for (char& c : s) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
  return s;
}

}  // namespace

TEST_CASE("glob: compiled patterns match exactly what the documented syntax says", "[glob][trust]") {
  std::mt19937 rng(20240610);
  for (int round = 0; round < 200000; ++round) {
    // Star-heavy patterns, so that every way of collapsing runs of stars is tried, and
    // escapes next to them ("**\\/" is not "**/").
    static const char* const alphabets[] = {"ab/***", "a/*?[]!-\\b", "a/**\\["};
    const std::string p = random_text(rng, alphabets[round % 3], 9);
    const std::string t = random_text(rng, round % 3 == 2 ? "a/*[\\" : "ab/", 7);
    INFO("pattern \"" << p << "\", text \"" << t << "\"");
    REQUIRE(wxlint::glob_match(p, t) == reference(p, t));
    const wxlint::Glob glob(p);
    REQUIRE(glob.matches_pointer_or_ancestor("/" + t) == reference_ancestor(p, "/" + t));
    // The ignore index looks globs up by these: a pointer it matches has each of them.
    if (glob.matches_pointer_or_ancestor("/" + t))
      for (const std::string& segment : glob.whole_segments())
        REQUIRE(("/" + t + "/").find("/" + segment + "/") != std::string::npos);
  }
}

TEST_CASE("glob: a 66 KB pattern costs nothing against short texts", "[glob][trust]") {
  std::string slashes, stars;
  for (int i = 0; i < 33000; ++i) slashes += "/*", stars += "**/";
  const wxlint::Glob many_segments(slashes), many_globstars("/usersList/" + stars + "userId");
  const std::clock_t start = std::clock();
  for (int i = 0; i < 20000; ++i) {
    const std::string pointer = "/usersList/0/users/" + std::to_string(i) + "/userId";
    REQUIRE_FALSE(many_segments.matches_pointer_or_ancestor(pointer));
    REQUIRE(many_globstars.matches_pointer_or_ancestor(pointer));
    REQUIRE_FALSE(many_globstars.matches_pointer_or_ancestor(pointer + "x"));
  }
  CHECK(test_support::cpu_seconds_since(start) < 2.0 * test_support::kSlowBuild);
}

TEST_CASE("glob: unclosed classes compile in linear time and stay literal", "[glob][trust][linear]") {
  // Each unclosed '[' once looked for its ']' to the end of the pattern: 1.6 million of them
  // took ~18 s (quadratic); one pass takes milliseconds. CPU time, with a wide margin.
  const std::size_t n = 1600000;
  const std::string opens(n, '['), pairs = [&] {
    std::string s;
    for (std::size_t i = 0; i < n / 2; ++i) s += "[!";
    return s;
  }();
  const std::clock_t t0 = std::clock();
  const wxlint::Glob files(opens), pointer("/" + pairs), closed(opens + "]");
  CHECK(test_support::cpu_seconds_since(t0) < 3.0 * test_support::kSlowBuild);
  // Semantics kept: unclosed, every '[' is itself; "[[[...]" is one class of '['.
  CHECK(files.is_literal());
  CHECK(files.matches(opens));
  CHECK_FALSE(files.matches(opens.substr(1)));
  CHECK(pointer.is_literal());
  CHECK(pointer.matches_pointer_or_ancestor("/" + pairs + "/x"));
  CHECK_FALSE(pointer.matches_pointer_or_ancestor("/" + pairs.substr(2)));
  CHECK_FALSE(closed.is_literal());
  CHECK(closed.matches("["));
  CHECK_FALSE(closed.matches("]"));
  // Classes after classes, one ']' closing several '[' tries: as the reference says.
  for (const char* p : {"[a[b-c]d", "[a[!x]", "a[[!]", "[]]]", "[!]]x]", "[a]*[!b]?[", "[[[a]]]"})
    for (const char* t : {"[ab", "ad", "[ay", "a[", "a!", "]", "]x]", "ax", "a/c[", "axcd[", "[", "a]]", "[]]"}) {
      INFO("pattern \"" << p << "\", text \"" << t << "\"");
      CHECK(wxlint::glob_match(p, t) == reference(p, t));
    }
}
