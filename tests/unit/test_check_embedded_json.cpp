// Check kind "embedded-json": a string holding JSON, one outcome per rule.
#include "rule_fixture.hpp"

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

std::string rules(const std::string& extra = "") {
  const std::string keys = R"("keys": ["city", "zipCode"])";
  return "[" + rule("invalid", "embedded-json", "/items/*", R"({"outcome": "invalid", "skipEmpty": true)" + extra + "}", "{problem}") + "," +
         rule("twice", "embedded-json", "/items/*", R"({"outcome": "double-escaped"})", "twice") + "," +
         rule("key", "embedded-json", "/items/*", R"({"outcome": "unknown-key", )" + keys + "}", "{key} not in {keys}.{hint}") + "," +
         rule("type", "embedded-json", "/items/*", R"({"outcome": "value-type", "valueType": "string"})", "{key}: {actual}, not {expected}") + "]";
}

std::vector<std::string> found(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule + ": " + d.message);
  return out;
}

// `json` as the content of a JSON string.
std::string quoted(const std::string& json) {
  std::string out = "\"";
  for (char c : json) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string lint_one(const std::string& value_json, const std::string& extra = "") {
  RuleFixture f(rules(extra));
  auto r = f.linter().lint(R"({"items": [)" + value_json + "]}", "t.json", "testOp");
  auto v = found(r);
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " | ") + x;
  return s;
}

}  // namespace

TEST_CASE("embedded-json: a well-formed object passes every outcome", "[checks][embedded-json]") {
  CHECK(lint_one(quoted(R"({"city": "Milpitas", "zipCode": "99212"})")).empty());
  CHECK(lint_one(R"("")").empty());  // skipEmpty
  CHECK(lint_one(R"({"city": "x"})").empty());  // not a string: the type kind's business
}

TEST_CASE("embedded-json: not JSON, with the parser's reason and position", "[checks][embedded-json]") {
  CHECK(lint_one(R"("1099 Bird Ave.")") == "invalid: is plain text, not JSON");
  CHECK(lint_one(quoted(R"({"city": "Milpitas")")) == "invalid: is not JSON: missing a comma or '}' after an object member at character 20");
  CHECK(lint_one(quoted(R"(["Milpitas"])")) == "invalid: holds an array, not an object");
  CHECK(lint_one(quoted(R"({"city": "x"} {})")) == "invalid: is not JSON: the document root must not be followed by other values at character 15");
}

TEST_CASE("embedded-json: escaped twice is its own outcome; its content is still checked", "[checks][embedded-json]") {
  // The content of the string is {\"city\" : \"Milpitas\", \"zip\": 1}
  const std::string once = quoted(R"({"city" : "Milpitas", "zip": 1})");
  const std::string twice = quoted(once.substr(1, once.size() - 2));
  CHECK(lint_one(twice) == "key: zip not in city, zipCode. | twice: twice | type: zip: an integer, not a string");
  CHECK(lint_one(quoted(R"({\"city\": )")).rfind("invalid: is not JSON", 0) == 0);  // broken even unescaped
}

TEST_CASE("embedded-json: unknown keys get a did-you-mean; values are typed", "[checks][embedded-json]") {
  CHECK(lint_one(quoted(R"({"zipcode": "1", "city": null})")) ==
        "key: zipcode not in city, zipCode. Did you mean \"zipCode\"? | type: city: null, not a string");
}

TEST_CASE("embedded-json: work is bounded by maxBytes and iterative parsing", "[checks][embedded-json]") {
  CHECK(lint_one(quoted(R"({"city": "Milpitas"})"), R"(, "maxBytes": 10)") == "invalid: is 20 bytes long, more than the 10 wxlint parses");
  const std::string deep = std::string(30000, '[') + std::string(30000, ']');
  CHECK(lint_one("\"" + deep + "\"") == "invalid: holds an array, not an object");  // no recursion, no crash
}

TEST_CASE("embedded-json: configuration errors", "[checks][embedded-json]") {
  for (const char* params : {R"({"outcome": "bad"})", R"({"outcome": "unknown-key"})", R"({"outcome": "value-type"})",
                             R"({"outcome": "invalid", "root": "string"})", R"({"outcome": "invalid", "maxBytes": 0})"}) {
    RuleFixture f("[" + rule("e", "embedded-json", "/items/*", params) + "]");
    CHECK_THROWS_AS(f.linter(), wxlint::ConfigError);
  }
}
