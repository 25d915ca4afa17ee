// Check kind "uuid": a raw UUID, telling a base64 Webex id apart from other mistakes.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {
// base64 of ciscospark://us/PEOPLE/052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a
constexpr const char* kPeopleId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE";
}

TEST_CASE("uuid: a Webex id is its own outcome and names the UUID inside", "[checks][uuid]") {
  RuleFixture f("[" + rule("w", "uuid", "/items/*", R"({"outcome": "webex-id"})", "{type}:{id}.{hint}") + "," +
                rule("i", "uuid", "/items/*", R"({"outcome": "invalid"})", "bad {value}") + "]");
  auto r = f.linter().lint(std::string(R"({"items": ["6847ee0f-5e9c-4403-9f0e-0AA8552F7828", ")") + kPeopleId +
                               R"(", "6847ee0f", "", 7, "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ub3QtYS11dWlk"]})",
                           "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].rule == "w");
  CHECK(r.diagnostics[0].message ==
        "PEOPLE:052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a. Its UUID is 052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a.");
  CHECK(r.diagnostics[1].rule == "i");
  CHECK(r.diagnostics[1].message == "bad 6847ee0f");
  CHECK(r.diagnostics[2].rule == "w");  // a Webex id whose own id is not a UUID: no hint
  CHECK(r.diagnostics[2].message == "PEOPLE:not-a-uuid.");
}

TEST_CASE("uuid: the outcome is required and checked", "[checks][uuid]") {
  RuleFixture none("[" + rule("u", "uuid", "/items/*", "{}") + "]");
  CHECK_THROWS_AS(none.linter(), wxlint::ConfigError);
  RuleFixture bad("[" + rule("u", "uuid", "/items/*", R"({"outcome": "malformed"})") + "]");
  CHECK_THROWS_AS(bad.linter(), wxlint::ConfigError);
}

TEST_CASE("uuid: the fix to the UUID inside is safe only for an id of a type the rule names", "[checks][uuid][fix]") {
  // base64 of ciscospark://us/SCIM_GROUP/9ac175bf-0249-4287-8fb3-e320e525fcf6
  const std::string group = "Y2lzY29zcGFyazovL3VzL1NDSU1fR1JPVVAvOWFjMTc1YmYtMDI0OS00Mjg3LThmYjMtZTMyMGU1MjVmY2Y2";
  RuleFixture f("[" + rule("g", "uuid", "/groups/*", R"({"outcome": "webex-id", "type": ["SCIM_GROUP"]})", "m",
                           R"(, "fix": "decode-webex-id")") + "," +
                rule("c", "uuid", "/contacts/*", R"({"outcome": "webex-id"})", "m", R"(, "fix": "decode-webex-id")") + "]");
  const auto r = f.linter().lint(R"({"groups": [")" + group + R"(", ")" + std::string(kPeopleId) + R"("], "contacts": [")" +
                                     group + R"("]})",
                                 "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 3);
  for (const auto& d : r.diagnostics) REQUIRE(d.fix);
  CHECK(r.diagnostics[0].location.pointer == "/groups/0");
  CHECK(r.diagnostics[0].fix->safe);
  CHECK(r.diagnostics[0].fix->message == "Replace the base64 Webex id with the UUID it holds, 9ac175bf-0249-4287-8fb3-e320e525fcf6.");
  CHECK(r.diagnostics[1].location.pointer == "/groups/1");  // a person's id in a list of groups
  CHECK_FALSE(r.diagnostics[1].fix->safe);
  CHECK(r.diagnostics[1].fix->message ==
        "Replace the base64 Webex id with the UUID it holds, 052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a. It is a PEOPLE id: make sure "
        "that is what this field names.");
  CHECK(r.diagnostics[2].location.pointer == "/contacts/0");  // no type named: never safe
  CHECK_FALSE(r.diagnostics[2].fix->safe);
}
