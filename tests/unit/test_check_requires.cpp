// Check kind "requires": a value asks for another member.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

TEST_CASE("requires: mapped values need their target; nonEmpty treats empty values as absent", "[checks][requires]") {
  RuleFixture f("[" + rule("r", "requires", "/items/*/method",
                           R"({"map": {"EMAIL": "1/emails", "PHONE": "1/phones"}, "nonEmpty": true})",
                           "{value} needs {target}") + "]");
  auto r = f.linter().lint(
      R"({"items": [{"method": "EMAIL", "emails": ["a"]}, {"method": "EMAIL", "emails": []}, {"method": "PHONE"},
                    {"method": "FAX"}, {"method": "PHONE", "phones": " "}, {"method": 1}]})",
      "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].location.pointer == "/items/1/method");
  CHECK(r.diagnostics[0].message == "EMAIL needs emails");
  CHECK(r.diagnostics[1].message == "PHONE needs phones");
  CHECK(r.diagnostics[2].location.pointer == "/items/4/method");
}

TEST_CASE("requires: without nonEmpty, presence is enough", "[checks][requires]") {
  RuleFixture f("[" + rule("r", "requires", "/items/*/method", R"({"map": {"EMAIL": "1/emails"}})") + "]");
  auto r = f.linter().lint(R"({"items": [{"method": "EMAIL", "emails": []}, {"method": "EMAIL"}]})", "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.pointer == "/items/1/method");
}

TEST_CASE("requires: the map must be an object of relative pointers", "[checks][requires]") {
  RuleFixture empty("[" + rule("r", "requires", "/items/*", R"({"map": {}})") + "]");
  CHECK_THROWS_AS(empty.linter(), wxlint::ConfigError);
  RuleFixture bad("[" + rule("r", "requires", "/items/*", R"({"map": {"A": "x/y"}})") + "]");
  CHECK_THROWS_AS(bad.linter(), wxlint::ConfigError);
  RuleFixture number("[" + rule("r", "requires", "/items/*", R"({"map": {"A": 1}})") + "]");
  CHECK_THROWS_AS(number.linter(), wxlint::ConfigError);
}

TEST_CASE("requires: unless skips where a member is there, ifPresent where it is not", "[checks][requires]") {
  const std::string map = R"("map": {"PHONE": "1/phones"}, "nonEmpty": true)";
  RuleFixture f("[" + rule("create", "requires", "/items/*/method", "{" + map + R"(, "unless": "1/id"})", "create") + "," +
                rule("update", "requires", "/items/*/method", "{" + map + R"(, "ifPresent": "1/id"})", "update") + "]");
  auto r = f.linter().lint(R"({"items": [{"method": "PHONE", "id": "c1"}, {"method": "PHONE", "id": ""}, {"method": "PHONE", "id": "c2", "phones": ["1"]}]})",
                           "t.json", "testOp");
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics[0].location.pointer == "/items/0/method");
  CHECK(r.diagnostics[0].message == "update");
  CHECK(r.diagnostics[1].location.pointer == "/items/1/method");  // an empty id is no id
  CHECK(r.diagnostics[1].message == "create");
  RuleFixture bad("[" + rule("r", "requires", "/items/*", "{" + map + R"(, "unless": "x/y"})") + "]");
  CHECK_THROWS_AS(bad.linter(), wxlint::ConfigError);
}
