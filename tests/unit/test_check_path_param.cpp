// Check kind "path-param": a parameter of an envelope's path, matched against a template.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::rule_ids;
using test_support::RuleFixture;

namespace {

constexpr const char* kOrgId = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9kMjM3MzZhYy04MDU1LTQzM2UtYjg1YS0wZmM1NWM5NmVhZDk";

std::string envelope(const std::string& path) {
  return R"({"operationId": "testOp", "method": "POST", "path": ")" + path +
         R"(", "requestExamples": [{"example": {"items": []}}]})";
}

std::string rules() {
  const std::string params = R"({"template": "/orgs/{orgId}/things", "param": "orgId", "outcome": )";
  const std::string scope = R"(, "scope": "envelope")";
  return "[" + rule("w", "path-param", "/path", params + R"("webex-id"})", "{param}={type}:{id}{hint}", scope) + "," +
         rule("i", "path-param", "/path", params + R"("invalid"})", "{param} {segment}", scope) + "]";
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("path-param: a base64 id in the path, with or without a base URL and query", "[checks][path-param]") {
  RuleFixture f(rules());
  const auto l = f.linter();
  auto r = l.lint(envelope(std::string("/orgs/") + kOrgId + "/things"), "t.json");
  REQUIRE(rule_ids(r) == V{"w"});
  CHECK(r.diagnostics[0].location.pointer == "/path");
  CHECK(r.diagnostics[0].message ==
        "orgId=ORGANIZATION:d23736ac-8055-433e-b85a-0fc55c96ead9 Its UUID is d23736ac-8055-433e-b85a-0fc55c96ead9.");
  CHECK(rule_ids(l.lint(envelope(std::string("https://webexapis.com/v1/orgs/") + kOrgId + "/things?max=1"), "t.json")) == V{"w"});
  auto bad = l.lint(envelope("/v1/orgs/acme/things/"), "t.json");
  REQUIRE(rule_ids(bad) == V{"i"});
  CHECK(bad.diagnostics[0].message == "orgId acme");
}

TEST_CASE("path-param: placeholders, UUIDs and other paths are left alone", "[checks][path-param]") {
  RuleFixture f(rules());
  const auto l = f.linter();
  CHECK(l.lint(envelope("/orgs/{orgId}/things"), "t.json").diagnostics.empty());
  CHECK(l.lint(envelope("/orgs/d23736ac-8055-433e-b85a-0fc55c96ead9/things"), "t.json").diagnostics.empty());
  CHECK(l.lint(envelope("/orgs/acme/other"), "t.json").diagnostics.empty());
  CHECK(l.lint(envelope("/things"), "t.json").diagnostics.empty());
  CHECK(l.lint(envelope(""), "t.json").diagnostics.empty());
}

TEST_CASE("path-param: the parameter must be a segment of the template", "[checks][path-param]") {
  RuleFixture f("[" + rule("p", "path-param", "/path", R"({"template": "/orgs/{orgId}", "param": "id", "outcome": "invalid"})") + "]");
  CHECK_THROWS_AS(f.linter(), wxlint::ConfigError);
}
