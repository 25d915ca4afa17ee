// Check kind "forbidden": a member with its own explanation instead of "unknown property".
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {
const std::string kSchema =
    R"({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "additionalProperties": false, "properties": {"id": {"type": "string"}}}}}})";
}

TEST_CASE("forbidden: reports the member's key and drops the schema's unknown-property finding", "[checks][forbidden]") {
  RuleFixture f("[" + rule("f", "forbidden", "/items/*/groupIds", "{}", "{field} is not accepted here") + "]", "{}", kSchema);
  auto r = f.linter().lint("{\"items\": [{\"id\": \"a\"},\n {\"id\": \"b\", \"groupIds\": [\"x\"], \"other\": 1}]}", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].rule == "f");
  CHECK(r.diagnostics[0].location.pointer == "/items/1/groupIds");
  CHECK(r.diagnostics[0].location.line == 2);
  CHECK(r.diagnostics[0].location.column == 14);  // the key, not the value
  CHECK(r.diagnostics[0].message == "groupIds is not accepted here");
  CHECK(r.diagnostics[1].rule == "schema/unknown-property");  // "other" is still reported generically
  CHECK(r.diagnostics[1].location.pointer == "/items/1/other");
}

TEST_CASE("forbidden: coversUnknown false keeps the schema's finding too", "[checks][forbidden]") {
  RuleFixture f("[" + rule("f", "forbidden", "/items/*/groupIds", R"({"coversUnknown": false})") + "]", "{}", kSchema);
  auto r = f.linter().lint(R"({"items": [{"groupIds": []}]})", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 2);
}

TEST_CASE("forbidden: array items are not members", "[checks][forbidden]") {
  RuleFixture f("[" + rule("f", "forbidden", "/items/0", "{}") + "]");
  CHECK(f.linter().lint(R"({"items": [1]})", "t.json", "testOp").diagnostics.empty());
}
