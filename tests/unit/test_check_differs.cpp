// Check kind "differs": a value must not equal another value of the request.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

// ciscospark://us/LOCATION/aaaaaaaa-0000-4000-8000-000000000002, unpadded; and location ...01.
const std::string kLoc2 = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg";
const std::string kLoc1 = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ";

}  // namespace

TEST_CASE("differs: a value equal to the other is found, with the other's place", "[checks][differs]") {
  RuleFixture f("[" + rule("r", "differs", "/items/*/from", R"({"from": "3/to"})", "{value} is also {other}") + "]");
  auto r = f.linter().lint(R"({"to": "A", "items": [{"from": "A"}, {"from": "B"}, {"from": "a"}]})", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "T-r");
  CHECK(r.diagnostics[0].location.pointer == "/items/0/from");
  CHECK(r.diagnostics[0].location.line == 1);
  CHECK(r.diagnostics[0].location.column == 32);
  CHECK(r.diagnostics[0].message == "A is also /to (line 1)");
  REQUIRE(r.diagnostics[0].related.size() == 1);
  CHECK(r.diagnostics[0].related[0].pointer == "/to");
}

TEST_CASE("differs: webex-id compares what the ids decode to", "[checks][differs]") {
  RuleFixture f("[" + rule("r", "differs", "/items/*/from", R"({"from": "3/to", "normalize": "webex-id"})") + "]");
  // Padded and unpadded spellings of one location are one location; another location is not.
  auto r = f.linter().lint(R"({"to": ")" + kLoc2 + R"(==", "items": [{"from": ")" + kLoc2 + R"("}, {"from": ")" +
                               kLoc1 + R"("}]})",
                           "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.pointer == "/items/0/from");
}

TEST_CASE("differs: lower and digits normalise both sides", "[checks][differs]") {
  RuleFixture lower("[" + rule("r", "differs", "/items/*/from", R"({"from": "3/to", "normalize": "lower"})") + "]");
  CHECK(lower.linter().lint(R"({"to": "Ab", "items": [{"from": "aB"}]})", "t.json", "testOp").diagnostics.size() == 1);
  RuleFixture digits("[" + rule("r", "differs", "/items/*/from", R"({"from": "3/to", "normalize": "digits"})") + "]");
  CHECK(digits.linter().lint(R"({"to": "+1 408 555", "items": [{"from": "1408555"}, {"from": 1408555}]})", "t.json", "testOp")
            .diagnostics.size() == 2);
}

TEST_CASE("differs: blank, absent and non-scalar values are not judged", "[checks][differs]") {
  RuleFixture f("[" + rule("r", "differs", "/items/*/from", R"({"from": "3/to"})") + "]");
  CHECK(f.linter().lint(R"({"to": "", "items": [{"from": ""}]})", "t.json", "testOp").diagnostics.empty());
  CHECK(f.linter().lint(R"({"to": " ", "items": [{"from": " "}]})", "t.json", "testOp").diagnostics.empty());
  CHECK(f.linter().lint(R"({"items": [{"from": "A"}]})", "t.json", "testOp").diagnostics.empty());
  CHECK(f.linter().lint(R"({"to": {}, "items": [{"from": {}}]})", "t.json", "testOp").diagnostics.empty());
  CHECK(f.linter().lint(R"({"to": null, "items": [{"from": null}]})", "t.json", "testOp").diagnostics.empty());
}

TEST_CASE("differs: from must be a relative pointer; normalize one of four", "[checks][differs]") {
  RuleFixture missing("[" + rule("r", "differs", "/items/*", R"({})") + "]");
  CHECK_THROWS_AS(missing.linter(), wxlint::ConfigError);
  RuleFixture bad("[" + rule("r", "differs", "/items/*", R"({"from": "x/y"})") + "]");
  CHECK_THROWS_AS(bad.linter(), wxlint::ConfigError);
  RuleFixture norm("[" + rule("r", "differs", "/items/*", R"({"from": "1/to", "normalize": "upper"})") + "]");
  CHECK_THROWS_WITH(norm.linter(), Catch::Contains("must be \"none\", \"lower\", \"digits\" or \"webex-id\""));
}
