// embedded-json parses a value once for all of its rules (a cache per thread, known by the
// value's address and forgotten at each lint): each rule still judges by its own params, and
// one lint never sees the previous lint's text, even where the new DOM reuses the addresses.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

std::vector<std::string> found(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule + " " + d.location.pointer + ": " + d.message);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("embedded-json: rules of one value with different roots judge by their own", "[checks][embedded-json]") {
  RuleFixture f("[" + rule("obj", "embedded-json", "/items/*", R"({"outcome": "invalid"})", "{problem}") + "," +
                rule("arr", "embedded-json", "/items/*", R"({"outcome": "invalid", "root": "array"})", "{problem}") + "," +
                rule("any", "embedded-json", "/items/*", R"({"outcome": "invalid", "root": "any"})", "{problem}") + "]");
  auto r = f.linter().lint(R"({"items": ["[1, 2]", "{\"a\": 1}", "{\\\"a\\\": 1}", "nope"]})", "t.json", "testOp");
  CHECK(found(r) == V{
      "obj /items/0: holds an array, not an object",
      "arr /items/1: holds an object, not an array",
      // Escaped twice counts only when the content has the rule's root; else the text is not JSON.
      "arr /items/2: is not JSON: missing a name for object member at character 2",
      "any /items/3: is plain text, not JSON",
      "arr /items/3: is plain text, not JSON",
      "obj /items/3: is plain text, not JSON",
  });
}

TEST_CASE("embedded-json: each lint judges its own text", "[checks][embedded-json]") {
  RuleFixture f("[" + rule("key", "embedded-json", "/a", R"({"outcome": "unknown-key", "keys": ["city"]})", "{key}") + "," +
                rule("type", "embedded-json", "/a", R"({"outcome": "value-type", "valueType": "string"})", "{key}") + "]");
  const auto linter = f.linter();
  // Same lengths, so that a reused buffer would be found at the same address.
  const char* texts[] = {R"({"a": "{\"city\": \"x\"}"})", R"({"a": "{\"citz\": \"x\"}"})", R"({"a": "{\"city\": 12345}"})"};
  const V expected[] = {V{}, V{"key /a: citz"}, V{"type /a: city"}};
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 3; ++i) CHECK(found(linter.lint(texts[i], "t.json", "testOp")) == expected[i]);
}
