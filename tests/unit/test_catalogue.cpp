// Loading rule files: bad ones are clear errors naming the file and the place; user
// options (disable, severity) are applied and checked.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using test_support::rule;
using test_support::RuleFixture;

TEST_CASE("the embedded catalogue loads and knows its operations", "[catalogue]") {
  const auto& l = test_support::linter();
  CHECK(l.has_operation("validateOrInitiateMoveUsersJob"));
  CHECK_FALSE(l.has_operation("nope"));
  CHECK(l.rules().front().operation.empty());  // builtin rules first
}

TEST_CASE("a forced operation the catalogue lacks is an error, not a cue to detect one", "[catalogue]") {
  const auto& l = test_support::linter();
  const std::string payload = R"({"usersList": []})";
  CHECK(l.lint(payload, "t.json", "validateOrInitiateMoveUsersJob").operation == "validateOrInitiateMoveUsersJob");
  CHECK_THROWS_WITH(l.lint(payload, "t.json", "validateOrInitiateMoveUserJob"),
                    Catch::StartsWith("unknown operation \"validateOrInitiateMoveUserJob\" (did you mean "
                                     "\"validateOrInitiateMoveUsersJob\"?); known operations: \"Add Phone Numbers"));
  CHECK_THROWS_AS(l.fix(payload, "t.json", false, "nope"), wxlint::ConfigError);
  CHECK_THROWS_AS(l.lint_file("/nonexistent.json", "nope"), wxlint::ConfigError);  // before reading
}

TEST_CASE("bad rule files name the file, line, column and pointer", "[catalogue]") {
  auto error_of = [](const std::string& rules) {
    RuleFixture f(rules);
    try {
      f.linter();
    } catch (const wxlint::ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("[" + rule("a", "nosuch", "/x", "{}") + "]"),
             Catch::Contains("rules/test.rules.json:1:") && Catch::Contains("/rules/0/check") &&
                 Catch::Contains("unknown check kind \"nosuch\""));
  CHECK_THAT(error_of("[" + rule("a", "required", "/x", R"({"feild": "x"})") + "]"),
             Catch::Contains("/rules/0/params/field: is required"));
  CHECK_THAT(error_of("[" + rule("a", "required", "/x", R"({"field": "x", "extra": 1})") + "]"),
             Catch::Contains("/rules/0/params/extra: unknown parameter"));
  CHECK_THAT(error_of("[" + rule("a", "required", "/x", R"({"field": "x"})") + "," + rule("a", "required", "/y", R"({"field": "x"})") + "]"),
             Catch::Contains("/rules/1/id: rule id \"a\" is used twice (first at /rules/0)"));
  CHECK_THAT(error_of(R"([{"id": "a", "code": "1", "severity": "fatal", "check": "required", "message": "m", "summary": "s", "description": "d"}])"),
             Catch::Contains("/rules/0/severity"));
  CHECK_THAT(error_of("[{]"), Catch::Contains("rules/test.rules.json:1:"));
  CHECK_THAT(error_of("[" + rule("a", "count", "/x", R"({"max": {"$setting": "nope"}})") + "]"),
             Catch::Contains("unknown setting \"nope\""));
  CHECK_THAT(error_of("[" + rule("a", "count", "/x", R"({"max": {"$setting": 5}})") + "]"),
             Catch::Contains("/rules/0/params/max/$setting: must be a string: the name of a setting"));
}

TEST_CASE("schemas using regex keywords are refused", "[catalogue]") {
  // pattern and patternProperties are RE2's (test_policy.cpp); valijson's date formats are std::regex.
  RuleFixture f("[]", "{}", R"({"type": "object", "properties": {"a": {"type": "string", "format": "date-time"}}})");
  CHECK_THROWS_WITH(f.linter(), Catch::Contains("/properties/a/format") && Catch::Contains("backtracking regex"));
}

TEST_CASE("a schema keyword of the wrong kind is refused at its place", "[catalogue]") {
  // valijson's own refusals name no place ("Expected a non-negative integer value...").
  const auto error = [](const std::string& schema) {
    try {
      RuleFixture("[]", "{}", schema).linter();
    } catch (const wxlint::ConfigError& e) {
      return std::string(e.what()).substr(std::string(e.what()).find("schemas/"));
    }
    return std::string("no error");
  };
  CHECK(error(R"({"properties": {"a": {"type": "string", "maxLength": -1}}})") ==
        "schemas/test.schema.json:1:54: /properties/a/maxLength: \"maxLength\" must be a non-negative integer");
  CHECK(error(R"({"properties": {"a": {"minItems": 2.0}}})") ==
        "schemas/test.schema.json:1:35: /properties/a/minItems: \"minItems\" must be a non-negative integer");
  CHECK(error(R"({"type": ["object", "strng"]})") ==
        "schemas/test.schema.json:1:10: /type: \"type\" must be one of null, boolean, object, array, number, string, "
        "integer, or a list of them");
  CHECK(error(R"({"required": "a"})") == "schemas/test.schema.json:1:14: /required: \"required\" must be an array of member names");
  CHECK(error(R"({"properties": {"a": {"pattern": 5}}})") ==
        "schemas/test.schema.json:1:34: /properties/a/pattern: \"pattern\" must be a string (a regular expression)");
  CHECK(error(R"({"enum": {}})") == "schemas/test.schema.json:1:10: /enum: \"enum\" must be an array");
  // Draft 7 wants multipleOf above 0: valijson divided by 0, or INT64_MIN by -1 (SIGFPE).
  for (const char* divisor : {"0", "-3", "-1", "0.0", "-0.0", "-0.5", "\"2\"", "null"})
    CHECK(error(std::string(R"({"properties": {"a": {"multipleOf": )") + divisor + "}}}") ==
          "schemas/test.schema.json:1:37: /properties/a/multipleOf: \"multipleOf\" must be a number greater than 0");
  CHECK(error(R"({"multipleOf": 0.5, "properties": {"a": {"multipleOf": 1e-300, "items": {"multipleOf": 18446744073709551615}}}})") ==
        "no error");
  // A property may be named like a keyword.
  CHECK(error(R"({"properties": {"maxLength": {"type": "string"}, "type": {}}})") == "no error");
}

TEST_CASE("users can disable rules and change severities by id or code", "[catalogue]") {
  const std::string payload =
      R"({"usersList": [{"locationId": "x", "validate": false, "users": [{"userId": "y", "extension": "", "phoneNumber": ""}]}]})";
  wxlint::LinterOptions o;
  o.disabled = {"move-users/user-id-malformed", "WX2004"};
  o.severities = {{"1026016", wxlint::Severity::warning}};
  auto l = wxlint::Linter::embedded(o);
  auto r = l.lint(payload, "t.json");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == "1026016");
  CHECK(r.diagnostics[0].severity == wxlint::Severity::warning);
  o = {};
  o.disabled = {"no-such-rule"};
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o), Catch::Contains("unknown rule id or code \"no-such-rule\""));
}

TEST_CASE("operation: forced, detected, envelope and unknown", "[catalogue]") {
  const auto& l = test_support::linter();
  CHECK(l.lint(R"({"usersList": []})", "t.json").operation == "validateOrInitiateMoveUsersJob");
  auto forced = l.lint(R"({"users": []})", "t.json", "validateOrInitiateMoveUsersJob");
  CHECK(forced.operation == "validateOrInitiateMoveUsersJob");
  CHECK(test_support::codes(forced) == std::vector<std::string>{"WX1002", "WX1003"});
  auto undetected = l.lint(R"({"users": []})", "t.json");
  CHECK(test_support::codes(undetected) == std::vector<std::string>{"WX0011"});
  CHECK(undetected.diagnostics[0].message.find("validateOrInitiateMoveUsersJob") != std::string::npos);
}
