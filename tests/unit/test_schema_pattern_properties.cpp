// patternProperties with RE2 on both schema engines: beside keywords only valijson
// evaluates (anyOf, oneOf, minProperties, ...), in $ref recursion, with additionalProperties
// and required, and never through valijson's own (backtracking) regex.
#include "engine/schema_graph.hpp"
#include "engine/schema_layer.hpp"
#include "rule_fixture.hpp"
#include "schema_failures.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <functional>
#include <random>

using test_support::error_of;
using test_support::failures;
using test_support::RuleFixture;
using test_support::seconds_of;
using wxlint::SchemaEngine;
using wxlint::SchemaValidator;

namespace {

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

// Members a person record might carry, against ext (properties), x-* (one pattern), x-9*
// (a second pattern on the same names), other additional members and required ones.
const char* const kRecord = R"({"type": "object",
  "properties": {"ext": {"type": "string", "pattern": "^2[0-9]{3}$"}, "name": {"type": "string", "maxLength": 5},
                 "x-id": {"type": "string"}},
  "patternProperties": {"^x-[a-z0-9]+$": {"type": "string", "pattern": "^[^0-9]*$"},
                        "^x-9": {"type": "string", "minLength": 3}, "^ext$": {"maxLength": 3}},
  "additionalProperties": ADDITIONAL,
  "required": ["name", "ext", "name"]})";

std::string record(const std::string& additional) {
  std::string s = kRecord;
  s.replace(s.find("ADDITIONAL"), 10, additional);
  return s;
}

}  // namespace

TEST_CASE("patternProperties: valijson gives the fast path's failures, in its order", "[pattern_properties]") {
  const char* keys[] = {"ext", "name", "x-id", "x-team", "x-9", "x-9a", "x-", "other", "EXT", "x-Team"};
  const char* values[] = {"\"2001\"", "\"3001\"", "\"x\"", "\"ab1\"", "\"abcdefg\"", "4", "null", "{}", "\"9\""};
  for (const char* additional : {"false", "true", R"({"type": "integer", "minimum": 2})"}) {
    INFO(additional);
    const rapidjson::Document schema = parse(record(additional));
    const SchemaValidator slow(schema, "s.json", SchemaEngine::valijson), fast(schema, "s.json", SchemaEngine::fast);
    REQUIRE_FALSE(slow.uses_fast_path());
    std::mt19937 rng(15);
    std::size_t failing = 0;
    for (int i = 0; i < 1500; ++i) {
      std::string payload = "{";
      for (int k = std::uniform_int_distribution<int>(0, 6)(rng); k > 0; --k)
        payload += std::string("\"") + keys[std::uniform_int_distribution<int>(0, 9)(rng)] + "\": " +
                   values[std::uniform_int_distribution<int>(0, 8)(rng)] + (k > 1 ? ", " : "");
      payload += "}";
      INFO(payload);
      const auto a = failures(slow, payload), b = failures(fast, payload);
      REQUIRE(a == b);
      failing += !a.empty();
    }
    CHECK(failing > 1000);
  }
}

TEST_CASE("patternProperties: draft-07 semantics on valijson's path", "[pattern_properties]") {
  // minProperties is valijson's: the whole schema goes there.
  const std::string schema = R"({"type": "object", "minProperties": 1, "additionalProperties": {"type": "integer"},
    "properties": {"ext": {"type": "string"}},
    "patternProperties": {"^x-": {"type": "string"}, "^x-n": {"maxLength": 3}, "^e": {"minLength": 2}}})";
  const rapidjson::Document s = parse(schema);
  const SchemaValidator v(s, "s.json");
  CHECK_FALSE(v.uses_fast_path());
  // ext: properties and ^e both apply. x-name: both patterns. other: additionalProperties only,
  // x-ok and ext2 are not additional (a pattern names them). Properties first, then each pattern.
  CHECK(failures(v, R"({"ext": "1", "x-name": "Agent", "x-bad": 5, "other": "s", "count": 3, "x-ok": "a", "ext2": "ab"})") ==
        std::vector<std::string>{
            "type /x-bad field=x-bad expected=a string actual=an integer",
            "length /x-name detail=String should be no more than 3 characters in length.",
            "length /ext detail=String should be no fewer than 2 characters in length.",
            "type /other field=other expected=an integer actual=a string"});
  CHECK(failures(v, R"({"ext": "12", "x-a": "b", "n": 1})").empty());
  CHECK(failures(v, "{}") == std::vector<std::string>{"other  detail=Object should have no fewer than 1 properties."});
  // Without additionalProperties, any name is allowed; with false, the unmatched ones are unknown.
  CHECK(failures(R"({"minProperties": 1, "patternProperties": {"^x-": {"type": "string"}}})", R"({"y": 1, "x-a": 2})") ==
        std::vector<std::string>{"type /x-a field=x-a expected=a string actual=an integer"});
  CHECK(failures(R"({"minProperties": 1, "additionalProperties": false, "required": ["id"],
                     "patternProperties": {"^x-": true}})", R"({"y": 1, "x-a": 2, "z": 3})") ==
        std::vector<std::string>{"additionalProperties /y field=y hint=", "additionalProperties /z field=z hint=",
                                 "required  field=id"});
}

TEST_CASE("patternProperties: inside anyOf, oneOf and not, and through $ref recursion", "[pattern_properties]") {
  // Refused before: a patternProperties below a keyword only valijson evaluates.
  const std::string any = R"({"anyOf": [{"type": "array"},
    {"type": "object", "patternProperties": {"^[a-z]+$": {"type": "integer"}}, "additionalProperties": false}]})";
  CHECK(failures(any, R"({"abc": 1})").empty());
  CHECK(failures(any, "[]").empty());
  // Each branch's failures (the layer does not look types up below anyOf); only B is unknown.
  CHECK(failures(any, R"({"abc": "1", "B": 2, "cd": 3, "E": 4})") ==
        std::vector<std::string>{"type  field=the request expected=another type actual=an object",
                                 "type /abc field=abc expected=another type actual=a string",
                                 "additionalProperties /B field=B hint=", "additionalProperties /E field=E hint="});
  const std::string one = R"({"oneOf": [{"patternProperties": {"^a": {"type": "string"}}}, {"required": ["b"]}]})";
  CHECK(failures(one, R"({"a": "x"})").empty());
  CHECK(failures(one, R"({"a": "x", "b": 1})") ==
        std::vector<std::string>{"other  detail=Failed to validate against exactly one child schema."});
  CHECK(failures(R"({"not": {"patternProperties": {"^a": {"type": "string"}}}})", R"({"a": "x"})") ==
        std::vector<std::string>{"other  detail=Target should not validate against schema specified in 'not' constraint."});
  CHECK(failures(R"({"not": {"patternProperties": {"^a": {"type": "string"}}}})", R"({"a": 1})").empty());

  // A tree whose children are named c0, c1, ...: the failure is found at depth, at its place.
  const std::string tree = R"({"$ref": "#/definitions/node", "definitions": {"node": {"type": "object",
    "not": {"required": ["bad"]}, "properties": {"v": {"type": "integer"}},
    "patternProperties": {"^c[0-9]+$": {"$ref": "#/definitions/node"}}, "additionalProperties": false}}})";
  std::string deep = R"({"v": "leaf"})";
  for (int i = 0; i < 60; ++i) deep = R"({"v": 1, "c)" + std::to_string(i % 3) + R"(": )" + deep + "}";
  std::string at;
  for (int i = 59; i >= 0; --i) at += "/c" + std::to_string(i % 3);
  CHECK(failures(tree, deep) == std::vector<std::string>{"type " + at + "/v field=v expected=an integer actual=a string"});
  CHECK(failures(tree, R"({"c1": {"d": 1}})") == std::vector<std::string>{"additionalProperties /c1/d field=d hint="});  // "v" is no typo of it
  CHECK(failures(tree, R"({"c1": {"vv": 1}})") == std::vector<std::string>{"additionalProperties /c1/vv field=vv hint= Did you mean \"v\"?"});
}

TEST_CASE("patternProperties: RE2 syntax, never valijson's regex", "[pattern_properties]") {
  // (?i) and \pL are RE2's: the standard library's regex would throw on both.
  const std::string schema = R"({"minProperties": 1, "additionalProperties": false,
    "patternProperties": {"(?i)^x-": {"type": "string"}, "^\\pL+$": {"type": "integer"}}})";
  CHECK(failures(schema, R"({"X-a": "1", "émile": 2, "1": 3, "x-b": 4})") ==
        std::vector<std::string>{"type /x-b field=x-b expected=a string actual=an integer",
                                 "additionalProperties /1 field=1 hint="});
  // The flattened schema valijson reads holds no pattern keyword of its own (wxlint's own
  // keywords hold data it does not read).
  const rapidjson::Document original = parse(R"({"anyOf": [{"pattern": "a", "patternProperties": {"b": {"pattern": "c"}}}]})");
  rapidjson::Document flat;
  wxlint::schema_graph::Graph(original, "s.json").flatten(flat, wxlint::schema_graph::Graph::Root::every_node);
  std::function<void(const rapidjson::Value&)> walk = [&](const rapidjson::Value& v) {
    if (v.IsObject())
      for (const auto& m : v.GetObject()) {
        const std::string key = m.name.GetString();
        CHECK(key != "pattern");
        CHECK(key != "patternProperties");
        if (key.rfind("$wxlint:", 0) != 0) walk(m.value);
      }
    else if (v.IsArray())
      for (const auto& x : v.GetArray()) walk(x);
  };
  walk(flat);
}

TEST_CASE("patternProperties: a pathological pattern is linear in the member name", "[pattern_properties]") {
  // (a+)+$ against a...a! takes 2^n steps with a backtracking engine.
  const std::string schema = R"({"minProperties": 1, "additionalProperties": false,
    "patternProperties": {"(a+)+$": {"type": "string", "pattern": "^(a|aa)+$"}}})";
  const rapidjson::Document s = parse(schema);
  const SchemaValidator v(s, "s.json");
  REQUIRE_FALSE(v.uses_fast_path());
  auto payload = [](std::size_t n) {
    const std::string name = std::string(n, 'a') + "!";
    return R"({")" + name + R"(": 1, "aa": ")" + std::string(n, 'a') + R"(!"})";
  };
  std::vector<std::string> seen;
  const double small = seconds_of([&] { seen = failures(v, payload(1 << 18)); });
  CHECK(seen.size() == 2);
  const double big = seconds_of([&] { seen = failures(v, payload(1 << 20)); });
  CHECK(big < 1.0);
  CHECK(big < 4 * small + 0.2);  // four times the input: about four times the time
  REQUIRE(seen.size() == 2);
  CHECK(seen[0] == "pattern /aa value=" + std::string(80, 'a') + "... pattern=^(a|aa)+$");
  CHECK(seen[1] == "additionalProperties /" + std::string(1 << 20, 'a') + "! field=" + std::string(1 << 20, 'a') + "! hint=");
}

TEST_CASE("patternProperties: bad schemas are refused at their place", "[pattern_properties]") {
  // At the subschema whose name is the regex.
  RuleFixture bad("[]", "{}", "{\"oneOf\": [{\"type\": \"array\"},\n  {\"patternProperties\": {\"^a(\": {}}}]}");
  CHECK(error_of([&] { bad.linter(); }) ==
        bad.shown("schemas/test.schema.json") + ":2:33: /oneOf/1/patternProperties/^a(: not a valid RE2 regular expression: "
        "missing ): ^a(");
  RuleFixture lookaround("[]", "{}", "{\"minProperties\": 1,\n \"patternProperties\": {\"(?!x)\": {}}}");
  CHECK(error_of([&] { lookaround.linter(); }) ==
        lookaround.shown("schemas/test.schema.json") + ":2:33: /patternProperties/(?!x): not a valid RE2 regular expression: "
        "invalid perl operator: (?!");
  CHECK(error_of([] { failures(R"({"patternProperties": ["^a"]})", "{}"); }) ==
        "s.json: /patternProperties: patternProperties must be an object");
  CHECK(error_of([] { failures(R"({"patternProperties": {"^a": 3}})", "{}"); }) ==
        "s.json: /patternProperties/^a: expected a schema (an object, true or false), not an integer");
  // Any member may match every pattern: a member named "a" meets both 600-check subschemas.
  std::string heavy = R"({"anyOf": [)";
  for (int i = 0; i < 600; ++i) heavy += std::string(i ? ", " : "") + "true";
  heavy += "]}";
  const std::string limits = R"({"properties": {"a": )" + heavy + R"(}, "patternProperties": {"^a": )" + heavy + "}}";
  CHECK_THAT(error_of([&] { failures(limits, "{}"); }),
             Catch::StartsWith("s.json: (root): a payload value would be checked against more than 1000 subschemas"));
  CHECK(error_of([&] { failures(R"({"properties": {"a": )" + heavy + R"(}, "patternProperties": {"^a": {}}})", "{}"); }) ==
        "no error");
}

TEST_CASE("patternProperties: findings through the linter carry code, place and message", "[pattern_properties]") {
  RuleFixture f("[]", "{}", R"({"type": "object", "required": ["items"], "properties": {"items": {"type": "array",
    "items": {"type": "object", "minProperties": 1, "additionalProperties": false,
              "properties": {"ext": {"type": "string"}},
              "patternProperties": {"^x-[a-z]+$": {"type": "string", "pattern": "^[^0-9]*$"}}}}}})");
  const auto r = f.linter().lint("{\"items\": [\n  {\"ext\": \"1\", \"x-name\": \"Agent 007\", \"x-n\": 5, \"note\": 1},\n  {}\n]}\n", "p.json");
  std::vector<std::string> seen;
  for (const auto& d : r.diagnostics)
    seen.push_back(d.code + " " + d.rule + " " + d.location.pointer + " " + std::to_string(d.location.line) + ":" +
                   std::to_string(d.location.column) + " " + d.message);
  CHECK(seen == std::vector<std::string>{
                    "WX1010 schema/pattern /items/0/x-name 2:26 \"Agent 007\" does not match the pattern ^[^0-9]*$.",
                    "WX1001 schema/type /items/0/x-n 2:46 x-n must be a string, not an integer.",
                    "WX1003 schema/unknown-property /items/0/note 2:49 Unknown property \"note\": the API does not accept it.",
                    "WX1099 schema/other /items/1 3:3 Does not match the schema: Object should have no fewer than 1 properties."});
}

TEST_CASE("patternProperties: many unknown members are reported in linear time", "[pattern_properties]") {
  const std::string closed = R"({"type": "object", "additionalProperties": false, "patternProperties": {"^x-": {}}})";
  std::string payload = "{";
  const int n = 30000;  // quadratic: 10^9 steps
  for (int i = 0; i < n; ++i) payload += (i ? ", \"u" : "\"u") + std::to_string(i) + "\": 1, \"x-" + std::to_string(i) + "\": 2";
  payload += "}";
  // Where the layer finds the subschema (valijson's path, for minProperties), and below allOf and anyOf.
  for (const std::string schema : {R"({"minProperties": 1, )" + closed.substr(1), R"({"allOf": [)" + closed + "]}",
                                   R"({"anyOf": [{"type": "array"}, )" + closed + "]}"}) {
    INFO(schema);
    std::vector<std::string> seen;
    const double t = seconds_of([&] { seen = failures(schema, payload); });
    CHECK(t < 2.0);
    REQUIRE(seen.size() >= n);
    CHECK(seen[seen.size() - n] == "additionalProperties /u0 field=u0 hint=");
    CHECK(seen.back() == "additionalProperties /u" + std::to_string(n - 1) + " field=u" + std::to_string(n - 1) + " hint=");
  }
}
