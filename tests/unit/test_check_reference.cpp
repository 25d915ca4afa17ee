// Check kind "reference": a value that names another value of the request must name one there.
#include "rule_fixture.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

TEST_CASE("reference: a name no target holds is found, wherever the targets stand", "[checks][reference]") {
  RuleFixture f("[" + rule("r", "reference", "/ops/*/path", R"({"targets": "/ops/*/id", "prefix": "id:"})",
                           "{reference} is nowhere") + "]");
  // The second op names the third's id (later in the request); the fourth names none; the
  // first is no reference at all.
  const auto r = f.linter().lint(
      R"({"ops": [{"path": "/Users"}, {"path": "/Users/id:b/x"}, {"id": "b"}, {"path": "/Users/id:c"}]})", "t.json",
      "testOp");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "T-r");
  CHECK(r.diagnostics[0].location.pointer == "/ops/3/path");
  CHECK(r.diagnostics[0].location.line == 1);
  CHECK(r.diagnostics[0].location.column == 79);
  CHECK(r.diagnostics[0].message == "c is nowhere");
}

TEST_CASE("reference: without a prefix the whole value is the name; non-strings and empty values are not judged",
          "[checks][reference]") {
  RuleFixture f("[" + rule("r", "reference", "/refs/*", R"({"targets": "/defs/*"})", "{reference}") + "]");
  const auto r = f.linter().lint(R"({"defs": ["a", 1], "refs": ["a", "b", "", 1, null, "1"]})", "t.json", "testOp");
  std::vector<std::string> found;
  for (const auto& d : r.diagnostics) found.push_back(d.location.pointer + " " + d.message);
  CHECK(found == std::vector<std::string>{"/refs/1 b", "/refs/5 1"});  // a number is no string to name
  // With a prefix, a reference that names nothing is a reference to nothing there is.
  RuleFixture prefixed("[" + rule("r", "reference", "/refs/*", R"({"targets": "/defs/*", "prefix": "id:"})", "[{reference}]") + "]");
  const auto empty = prefixed.linter().lint(R"({"defs": ["a"], "refs": ["id:", "id:/x", "x", "id:a/b"]})", "t.json", "testOp");
  found.clear();
  for (const auto& d : empty.diagnostics) found.push_back(d.location.pointer + " " + d.message);
  CHECK(found == std::vector<std::string>{"/refs/0 []", "/refs/1 []"});
}

TEST_CASE("reference: targets is a pattern it needs", "[checks][reference]") {
  RuleFixture missing("[" + rule("r", "reference", "/refs/*", R"({"prefix": "id:"})") + "]");
  CHECK_THROWS_AS(missing.linter(), wxlint::ConfigError);
  RuleFixture unknown("[" + rule("r", "reference", "/refs/*", R"({"targets": "/defs/*", "other": 1})") + "]");
  CHECK_THROWS_AS(unknown.linter(), wxlint::ConfigError);
}
