// Ignore entries' pointer globs run as one RE2 automaton when there are many
// (Glob::pointer_regex, RegexSet): it must match exactly what the globs match, one by one.
#include "config/glob.hpp"
#include "engine/regex.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

std::string pick(std::mt19937& rng, const std::vector<std::string>& from, int most) {
  std::string out;
  const int n = std::uniform_int_distribution<int>(0, most)(rng);
  for (int i = 0; i < n; ++i) out += from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  return out;
}

}  // namespace

TEST_CASE("glob set: each glob's regex matches the pointers and ancestors the glob matches", "[glob]") {
  const std::vector<std::string> tokens = {"a", "b", "/", "/", "*", "**", "**/", "?", "[ab]", "[!a]", "[a-c]",
                                           "[/]", "[+-0]", "é", "\\*", "[", "]", ".", "(", "$", "\n", "-", "[é-ë]", "[!é]"};
  const std::vector<std::string> texts = {"a", "b", "c", "/", "/", "/", "é", "ê", "ü", "*", ".", "(", "$", "\n", "-", "+", "0", "[", "]"};
  std::mt19937 rng(20261207);
  std::size_t matched = 0;
  for (int g = 0; g < 3000; ++g) {
    const std::string pattern = pick(rng, tokens, 6);
    const wxlint::Glob glob(pattern);
    const std::optional<std::string> re = glob.pointer_regex();
    REQUIRE(re);
    const auto set = wxlint::RegexSet::compile({*re});
    INFO("glob " << pattern << " as " << *re);
    REQUIRE(set);
    for (int t = 0; t < 40; ++t) {
      const std::string text = pick(rng, texts, 8);
      INFO("pointer " << text);
      const bool expected = glob.matches_pointer_or_ancestor(text);
      CHECK(set->any_matches(text) == std::optional<bool>(expected));
      matched += expected;
    }
  }
  CHECK(matched > 1000);  // the texts do meet the globs
}

TEST_CASE("glob set: many globs as one automaton, and what RE2 cannot read is left to the globs", "[glob]") {
  std::vector<std::string> patterns;
  for (int i = 0; i < 2000; ++i) patterns.push_back(*wxlint::Glob("/usersList/*/users/*/ext" + std::to_string(i) + "*").pointer_regex());
  const auto set = wxlint::RegexSet::compile(patterns);
  REQUIRE(set);
  CHECK(set->any_matches("/usersList/0/users/12/ext1999a") == std::optional<bool>(true));
  CHECK(set->any_matches("/usersList/0/users/12/ext1999a/b") == std::optional<bool>(true));  // an ancestor matches
  CHECK(set->any_matches("/usersList/0/users/12/extension") == std::optional<bool>(false));
  CHECK(set->any_matches("/usersList/0/users/ext1") == std::optional<bool>(false));
  CHECK_FALSE(wxlint::Glob("/a/\xff*").pointer_regex());
}
