// "unless": a rule is skipped where all of its unless-conditions hold (the negation "when"
// cannot say: a hot-desk-only workspace is exempt from needing a number).
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

std::vector<std::string> pointers(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.location.pointer);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("unless: a rule is skipped only where every unless-condition holds", "[checks][unless]") {
  RuleFixture f("[" + rule("u", "required", "/items/*", R"({"field": "name"})", "x",
                           R"(, "unless": {"/hot": "on", "2/kind": "desk"})") + "]");
  auto r = f.linter().lint(
      R"({"items": [{"hot": "on"}, {}, {"hot": "off"}], "kind": "desk"})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/1", "/items/2"});
  r = f.linter().lint(R"({"items": [{"hot": "on"}], "kind": "room"})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/0"});
}

TEST_CASE("unless combines with when", "[checks][unless]") {
  RuleFixture f("[" + rule("u", "required", "/items/*", R"({"field": "name"})", "x",
                           R"(, "when": {"/kind": "calling"}, "unless": {"/hot": true})") + "]");
  auto r = f.linter().lint(
      R"({"items": [{"kind": "calling"}, {"kind": "calling", "hot": true}, {"kind": "free"}, {"kind": "calling", "hot": "true"}]})",
      "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/0", "/items/3"});
}

TEST_CASE("unless: a key that is not a relative JSON pointer is refused with its place", "[checks][unless]") {
  RuleFixture f("[" + rule("u", "required", "/items/*", R"({"field": "name"})", "x", R"(, "unless": {"x/y": 1})") + "]");
  CHECK_THROWS_WITH(f.linter(), Catch::Contains("/rules/0/unless") && Catch::Contains("\"x/y\" is not a relative JSON pointer"));
}
