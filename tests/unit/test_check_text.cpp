// Check kind "text": blank, untrimmed and over-long free text.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

std::vector<std::string> found(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.location.pointer + " " + d.message);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("text: blank values, but not empty strings", "[checks][text]") {
  RuleFixture f("[" + rule("b", "text", "/items/*", R"({"outcome": "blank"})", "{field} blank") + "]");
  auto r = f.linter().lint("{\"items\": [\"\", \" \", \"\\t\\n\", \"\u00a0\\u3000\", \" a \", 3]}", "t.json", "testOp");
  CHECK(found(r) == V{"/items/1 1 blank", "/items/2 2 blank", "/items/3 3 blank"});
}

TEST_CASE("text: leading and trailing whitespace, Unicode spaces named by code point", "[checks][text]") {
  RuleFixture f("[" + rule("u", "text", "/items/*", R"({"outcome": "untrimmed"})", "{problem}") + "]");
  auto r = f.linter().lint("{\"items\": [\" a\", \"a\\t\", \"a\u00a0\", \"\u2009a\", \"a\\n\", \"a b\", \"   \", \"\u00e9\"]}", "t.json", "testOp");
  CHECK(found(r) == V{"/items/0 starts with a space", "/items/1 ends with a tab", "/items/2 ends with an invisible space (U+00A0)",
                      "/items/3 starts with an invisible space (U+2009)", "/items/4 ends with a line break"});
}

TEST_CASE("text: length in characters, not bytes", "[checks][text]") {
  RuleFixture f("[" + rule("l", "text", "/items/*", R"({"outcome": "too-long", "max": 3})", "{length} > {max}") + "]");
  auto r = f.linter().lint("{\"items\": [\"\u00e9\u00e9\u00e9\", \"abcd\", \"\u00e9\u00e9\u00e9\u00e9\"]}", "t.json", "testOp");
  CHECK(found(r) == V{"/items/1 4 > 3", "/items/2 4 > 3"});
}

TEST_CASE("text: upTo leaves the longer values to another rule", "[checks][text]") {
  RuleFixture f("[" + rule("l", "text", "/items/*", R"({"outcome": "too-long", "max": 3, "upTo": 5})", "{length} > {max}") + "]");
  auto r = f.linter().lint(R"({"items": ["abc", "abcd", "abcde", "abcdef"]})", "t.json", "testOp");
  CHECK(found(r) == V{"/items/1 4 > 3", "/items/2 5 > 3"});
  // Below max, every length is the other rule's (an organisation's API limit below the calling one).
  RuleFixture low("[" + rule("l", "text", "/items/*", R"({"outcome": "too-long", "max": 4, "upTo": 3})", "x") + "]");
  CHECK(low.linter().lint(R"({"items": ["abcdef"]})", "t.json", "testOp").diagnostics.empty());
}

TEST_CASE("text: members limits a rule to some member names", "[checks][text]") {
  RuleFixture f("[" + rule("m", "text", "/items/*/*", R"({"outcome": "untrimmed", "members": ["name"]})", "{field}") + "]");
  auto r = f.linter().lint(R"({"items": [{"name": " a", "note": " b"}, [" c"]]})", "t.json", "testOp");
  CHECK(found(r) == V{"/items/0/name name"});
}

TEST_CASE("text: configuration errors", "[checks][text]") {
  RuleFixture bad("[" + rule("t", "text", "/items/*", R"({"outcome": "long"})") + "]");
  CHECK_THROWS_AS(bad.linter(), wxlint::ConfigError);
  RuleFixture no_max("[" + rule("t", "text", "/items/*", R"({"outcome": "too-long"})") + "]");
  CHECK_THROWS_AS(no_max.linter(), wxlint::ConfigError);
  RuleFixture blank_up_to("[" + rule("t", "text", "/items/*", R"({"outcome": "blank", "upTo": 4})") + "]");
  CHECK_THROWS_WITH(blank_up_to.linter(), Catch::Contains("upTo: applies to the \"too-long\" outcome only"));
}
