// Check kind "type": one of some JSON types, replacing the schema layer's generic finding.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

TEST_CASE("type: reports values of other JSON types, with their type in words", "[checks][type]") {
  RuleFixture f("[" + rule("t", "type", "/items/*", R"({"types": ["string", "number"]})", "{actual} is not {expected}") + "]");
  auto r = f.linter().lint(R"({"items": ["a", 1, 1.5, [1], {"a": 1}, null, true]})", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics[0].location.pointer == "/items/3");
  CHECK(r.diagnostics[0].message == "an array is not a string or a number");
  CHECK(r.diagnostics[1].message == "an object is not a string or a number");
  CHECK(r.diagnostics[2].message == "null is not a string or a number");
  CHECK(r.diagnostics[3].message == "a boolean is not a string or a number");
}

TEST_CASE("type: replaces the schema's type finding for the same place", "[checks][type]") {
  const std::string schema = R"({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "string"}}}})";
  RuleFixture f("[" + rule("t", "type", "/items/*", R"({"types": ["string"]})", "own words") + "]", "{}", schema);
  auto r = f.linter().lint(R"({"items": ["a", 2]})", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "t");
  CHECK(r.diagnostics[0].message == "own words");
}

TEST_CASE("type: unknown type names are configuration errors", "[checks][type]") {
  RuleFixture f("[" + rule("t", "type", "/items/*", R"({"types": ["text"]})") + "]");
  CHECK_THROWS_AS(f.linter(), wxlint::ConfigError);
  RuleFixture none("[" + rule("t", "type", "/items/*", R"({})") + "]");
  CHECK_THROWS_AS(none.linter(), wxlint::ConfigError);
}
