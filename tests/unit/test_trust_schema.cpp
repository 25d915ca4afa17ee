// Hostile schemas (issue 10): what valijson could not evaluate safely is refused at load
// where it is, what is accepted evaluates in bounded stack and time, and valijson reads the
// flattened schema (schema_graph.cpp) exactly as it read the original.
#define VALIJSON_USE_EXCEPTIONS 1  // as the library is built
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/schema_graph.hpp"
#include "engine/schema_layer.hpp"
#include "engine/schema_unique.hpp"
#include "rule_fixture.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <ctime>
#include <random>

using wxlint::SchemaFailure;
using wxlint::SchemaValidator;

namespace {

const std::string kCycle = " (no property or item in between, so checking a value would never end)";
const std::string kMany =
    ": a payload value would be checked against more than 1000 subschemas from here: allOf, anyOf, oneOf, not, if, "
    "then, else, dependencies, or a property that patternProperties match too, reach the same subschemas again and again";

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

// The ConfigError a schema is refused with, or "accepted".
std::string load(const std::string& schema) {
  rapidjson::Document d = parse(schema);
  try {
    SchemaValidator v(d, "s.json");
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "accepted";
}

std::string nested(const std::string& key, int depth, const std::string& leaf = "1") {
  std::string s;
  for (int i = 0; i < depth; ++i) s += "{\"" + key + "\": ";
  return s + leaf + std::string(static_cast<std::size_t>(depth), '}');
}

std::string shared_anyof(int depth) {
  std::string defs;
  for (int i = 0; i < depth; ++i) {
    const std::string next = "{\"$ref\": \"#/definitions/a" + std::to_string(i + 1) + "\"}";
    defs += "\"a" + std::to_string(i) + "\": {\"anyOf\": [" + next + ", " + next + "]}, ";
  }
  return R"({"properties": {"p": {"$ref": "#/definitions/a0"}}, "definitions": {)" + defs + "\"a" +
         std::to_string(depth) + R"(": {"type": "string"}}})";
}

std::string allof_around_recursion(int levels) {
  std::string s = R"({"properties": {"x": {"$ref": "#"}}})";
  for (int i = 0; i < levels; ++i) s = "{\"allOf\": [" + s + "]}";
  return s;
}

std::string definition_chain(int n) {
  std::string defs;
  for (int i = 0; i < n; ++i)
    defs += "\"d" + std::to_string(i) + R"(": {"properties": {"x": {"$ref": "#/definitions/d)" + std::to_string(i + 1) + "\"}}}, ";
  return R"({"properties": {"p": {"$ref": "#/definitions/d0"}}, "definitions": {)" + defs + "\"d" + std::to_string(n) +
         R"(": {"type": "string"}}})";
}

std::vector<SchemaFailure> validate(const std::string& schema, const std::string& instance) {
  rapidjson::Document s = parse(schema), i = parse(instance);
  SchemaValidator v(s, "s.json");
  REQUIRE_FALSE(v.uses_fast_path());
  std::vector<SchemaFailure> out;
  v.validate(i, out);
  return out;
}

std::string detail(const SchemaFailure& f) {
  for (const auto& [k, v] : f.args)
    if (k == "detail") return v;
  return "";
}


}  // namespace

TEST_CASE("$ref cycles that never step into a member or item are refused at the $ref", "[trust_schema]") {
  const std::pair<const char*, std::string> cases[] = {
      {R"({"$ref": "#"})", "s.json: /$ref: $ref cycle: # -> #"},
      {R"({"$ref": "#/definitions/a", "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}})",
       "s.json: /definitions/b/$ref: $ref cycle: #/definitions/a -> #/definitions/b -> #/definitions/a"},
      {R"({"allOf": [{"$ref": "#"}]})", "s.json: /allOf/0/$ref: $ref cycle: # -> #"},
      {R"({"anyOf": [true, {"$ref": "#"}]})", "s.json: /anyOf/1/$ref: $ref cycle: # -> #"},
      {R"({"oneOf": [{"type": "string"}, {"$ref": "#"}]})", "s.json: /oneOf/1/$ref: $ref cycle: # -> #"},
      {R"({"not": {"$ref": "#"}})", "s.json: /not/$ref: $ref cycle: # -> #"},
      {R"({"if": {"$ref": "#"}})", "s.json: /if/$ref: $ref cycle: # -> #"},
      {R"({"if": true, "then": {"$ref": "#"}})", "s.json: /then/$ref: $ref cycle: # -> #"},
      {R"({"if": true, "else": {"$ref": "#"}})", "s.json: /else/$ref: $ref cycle: # -> #"},
      {R"({"dependencies": {"a": ["b"], "c": {"$ref": "#"}}})", "s.json: /dependencies/c/$ref: $ref cycle: # -> #"},
      {R"({"properties": {"p": {"$ref": "#/definitions/a"}}, "definitions": {"a": {"allOf": [{"$ref": "#/definitions/b"}]},
          "b": {"anyOf": [{"$ref": "#/definitions/c"}]}, "c": {"not": {"$ref": "#/definitions/a"}}}})",
       "s.json: /definitions/c/not/$ref: $ref cycle: #/definitions/a -> #/definitions/b -> #/definitions/c -> #/definitions/a"},
      // a is only a $ref: the cycle is from b, and closes at a.
      {R"({"properties": {"p": {"$ref": "#/definitions/a"}}, "definitions": {"a": {"$ref": "#/definitions/b"},
          "b": {"allOf": [{"$ref": "#/definitions/a"}]}}})",
       "s.json: /definitions/a/$ref: $ref cycle: #/definitions/b -> #/definitions/a -> #/definitions/b"},
  };
  for (const auto& [schema, message] : cases) {
    INFO(schema);
    CHECK(load(schema) == message + kCycle);
  }
  // valijson reads "then" and "else" only beside "if", and no keyword of an unused definition.
  CHECK(load(R"({"then": {"$ref": "#"}, "else": {"$ref": "#"}, "anyOf": [true]})") == "accepted");
  CHECK(load(R"({"definitions": {"a": {"$ref": "#/definitions/a"}}, "anyOf": [true]})") == "accepted");

  // Through the loader: file, line and column of the $ref.
  test_support::RuleFixture f("[]", "{}", "{\n  \"allOf\": [{\"$ref\": \"#\"}]\n}");
  CHECK_THROWS_WITH(f.linter(), f.shown("schemas/test.schema.json") + ":2:22: /allOf/0/$ref: $ref cycle: # -> #" + kCycle);
}

TEST_CASE("recursion through a member or an item is accepted and recurses as deep as the payload", "[trust_schema]") {
  const std::string through_member = R"({"required": ["id"], "properties": {"child": {"$ref": "#"}}, "anyOf": [{"type": "object"}]})";
  const auto failures = validate(through_member, nested("child", 500, "{}"));
  REQUIRE(failures.size() == 501);  // "id" is missing at every level
  CHECK(failures.front().keyword == "required");
  CHECK(failures.front().pointer.size() == 500 * 6);  // "/child" 500 times

  const std::string through_item = R"({"maxItems": 1, "items": {"$ref": "#/definitions/list"}, "definitions": {"list":
      {"anyOf": [{"type": "integer"}, {"$ref": "#"}]}}})";
  std::string deep = std::string(500, '[') + "1" + std::string(500, ']');
  CHECK(validate(through_item, deep).empty());
  // valijson copies a failing anyOf branch's errors, each with its path, into every level
  // above it: cubic in the depth, so 100 levels here.
  deep = std::string(100, '[') + "1, 2" + std::string(100, ']');
  CHECK_FALSE(validate(through_item, deep).empty());

  CHECK(load(allof_around_recursion(3)) == "accepted");
  CHECK(validate(allof_around_recursion(3), nested("x", 511)).empty());
}

TEST_CASE("subschemas reached many times through anyOf, allOf and recursion are refused", "[trust_schema]") {
  CHECK(load(shared_anyof(24)) == "s.json: /definitions/a15" + kMany);
  CHECK(load(shared_anyof(9)) == "s.json: /definitions/a0" + kMany);  // 1023 paths
  CHECK(load(R"({"allOf": [{"properties": {"x": {"$ref": "#"}}}, {"properties": {"x": {"$ref": "#"}}}]})") ==
        "s.json: (root)" + kMany);
  // A member that a property and a pattern both reach, or two patterns, at every level: 2^depth
  // (the fast evaluator, which takes these schemas, is guarded as valijson is).
  CHECK(load(R"({"definitions": {"d": {"properties": {"a": {"$ref": "#/definitions/d"}},
    "patternProperties": {"^a$": {"$ref": "#/definitions/d"}}}}, "$ref": "#/definitions/d"})") == "s.json: /definitions/d" + kMany);
  CHECK(load(R"({"patternProperties": {"^a": {"$ref": "#"}, "a$": {"$ref": "#"}}})") == "s.json: (root)" + kMany);
  CHECK(load(R"({"properties": {"a": {"$ref": "#"}}, "patternProperties": {"^b$": {"$ref": "#"}}})") == "accepted");
  // Two members recursing into the same schema do not multiply: each value meets it once.
  CHECK(load(R"({"properties": {"l": {"$ref": "#"}, "r": {"$ref": "#"}}, "anyOf": [true]})") == "accepted");
  CHECK(load(R"({"allOf": [{"properties": {"l": {"$ref": "#"}}}, {"properties": {"r": {"$ref": "#"}}}]})") == "accepted");

  // Below the limit: 511 paths, evaluated at once.
  const std::clock_t start = std::clock();
  const auto failures = validate(shared_anyof(8), R"({"p": 5})");
  CHECK(test_support::cpu_seconds_since(start) < 5);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].keyword == "type");
  CHECK(failures[0].pointer == "/p");
}

TEST_CASE("schemas nesting deeper than the stack can take are refused", "[trust_schema]") {
  CHECK(load(allof_around_recursion(100)) ==
        "s.json: /allOf/0" + [] {
          std::string s;
          for (int i = 0; i < 99; ++i) s += "/allOf/0";
          return s;
        }() + "/properties/x/$ref: subschemas nest too deeply through this $ref: checking a payload nested 512 levels "
              "deep could recurse more than 6144 steps (1 for each allOf, anyOf, oneOf, not, if, then, else or dependencies, "
              "4 for each property or item)");
  CHECK(load(definition_chain(5000)) ==
        "s.json: /properties/p/$ref: subschemas nest too deeply through this $ref: reading the schema would recurse "
        "through more than 128 of them");
  CHECK(load(definition_chain(100)) == "accepted");
  // Plain nesting, no $ref: named at its deepest subschema, and no $ref is mentioned.
  std::string items = "true", deepest;
  for (int i = 0; i < 200; ++i) items = R"({"items": )" + items + "}", deepest += "/items";
  CHECK(load(items) == "s.json: " + deepest +
                           ": subschemas nest too deeply: reading the schema would recurse through more than 128 of them");
}

TEST_CASE("$refs and schema keywords that do not hold schemas are refused where they are", "[trust_schema]") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"not": {"$ref": "other.json#/a"}})",
       R"(s.json: /not/$ref: $ref "other.json#/a" points outside this file: only references within the schema ("#...") are supported)"},
      {R"({"not": {"$ref": "#/definitions/nope"}})", R"(s.json: /not/$ref: $ref "#/definitions/nope" does not resolve: there is no #/definitions)"},
      {R"({"not": {"$ref": "#/allOf/3"}, "allOf": [true]})", R"(s.json: /not/$ref: $ref "#/allOf/3" does not resolve: there is no #/allOf/3)"},
      {R"({"not": {"$ref": "#/not/$ref/x"}})", R"(s.json: /not/$ref: $ref "#/not/$ref/x" does not resolve: nothing is under #/not/$ref)"},
      {R"({"not": {"$ref": 5}})", "s.json: /not/$ref: $ref must be a string"},
      {R"({"not": {"$ref": "#a"}})", R"(s.json: /not/$ref: $ref "#a" is not "#" followed by a JSON Pointer)"},
      {R"({"not": {"$ref": "#/definitions/%zz"}, "definitions": {}})", R"(s.json: /not/$ref: $ref "#/definitions/%zz" has a bad %-escape)"},
      {R"({"not": {"$ref": "#/required"}, "required": ["a"]})",
       R"(s.json: /not/$ref: $ref "#/required" points to an array, not to a schema (an object, true or false))"},
      {R"({"not": 5})", "s.json: /not: expected a schema (an object, true or false), not an integer"},
      {R"({"allOf": {}})", "s.json: /allOf: allOf must be an array of schemas"},
      {R"({"anyOf": [{}, "true"]})", "s.json: /anyOf/1: expected a schema (an object, true or false), not a string"},
      {R"({"properties": []})", "s.json: /properties: properties must be an object"},
      {R"({"items": 5})", "s.json: /items: expected a schema (an object, true or false) or an array of schemas, not an integer"},
      {R"({"dependencies": {"a": 5}})",
       "s.json: /dependencies/a: expected a schema (an object, true or false) or an array of member names, not an integer"},
  };
  for (const auto& [schema, message] : cases) {
    INFO(schema);
    CHECK(load(schema) == message);
  }
  // Resolved as valijson resolved them: %-escapes, ~0 and ~1, empty tokens skipped.
  CHECK(load(R"({"not": {"$ref": "#/definitions/a%20b~1c~0/"}, "definitions": {"a b/c~": {"type": "string"}}})") == "accepted");
  CHECK(load(R"({"not": {"$ref": "#/)" + std::string(200000, '/') + R"(definitions/a"}, "definitions": {"a": {}}})") == "accepted");
}

TEST_CASE("uniqueItems: JSON equality, each repeat named with its first, in n log n", "[trust_schema]") {
  const std::string schema = R"({"uniqueItems": true})";
  const std::pair<const char*, const char*> cases[] = {
      {"[1, 2, 1.0]", "Elements at indexes #0 and #2 violate uniqueness constraint."},
      {R"([{"a": 1, "b": [true, null]}, {"b": [true, null], "a": 1.0}])", "Elements at indexes #0 and #1 violate uniqueness constraint."},
      {R"(["x", "y", "x", "x"])", "Elements at indexes #0 and #2 violate uniqueness constraint."},
      {R"([null, false, 0, "", [], {}, "0", [0], {"": 0}, -0.0])", "Elements at indexes #2 and #9 violate uniqueness constraint."},
      {R"([[1, 2], [2, 1], {"a": 1}, {"a": 1, "b": 1}, 1e300, 9007199254740993, 9007199254740992])", ""},
      {"[]", ""},
      {"5", ""},
  };
  for (const auto& [instance, message] : cases) {
    INFO(instance);
    const auto failures = validate(schema, instance);
    CHECK(failures.size() == (*message ? 1u : 0u));
    if (!failures.empty()) CHECK(detail(failures[0]) == message);
  }
  // Where no errors are collected (under "not"), it stops at the verdict.
  CHECK(validate(R"({"not": {"uniqueItems": true}})", "[1, 1]").empty());
  CHECK(validate(R"({"not": {"uniqueItems": true}})", "[1, 2]").size() == 1);

  for (const bool equal : {false, true}) {
    std::string items = "[";
    for (int i = 0; i < 20000; ++i) items += (i ? ", " : "") + (equal ? std::string(R"({"a": [1]})") : "\"item-" + std::to_string(i) + "\"");
    items += equal ? "]" : ", \"item-7\"]";
    const std::clock_t start = std::clock();
    const auto failures = validate(schema, items);
    CHECK(test_support::cpu_seconds_since(start) < 5);
    REQUIRE(failures.size() == 1);
    CHECK(detail(failures[0]) == (equal ? "Elements at indexes #0 and #1 violate uniqueness constraint."
                                        : "Elements at indexes #7 and #20000 violate uniqueness constraint."));
  }
}

namespace {

// Random schemas over every keyword valijson reads, with definitions that only refer
// onwards (or back to the root under a property), and random instances.
class Random {
 public:
  explicit Random(unsigned seed) : rng_(seed) {}

  std::string schema() {
    std::string defs;
    for (int i = 0; i < 4; ++i) defs += (i ? ", " : "") + ("\"d" + std::to_string(i) + "\": ") + sub(2, i + 1);
    return "{\"definitions\": {" + defs + "}, \"allOf\": [" + sub(3, 0) + "]}";
  }

  std::string instance(int depth = 0) {
    switch (pick(depth > 2 ? 6 : 8)) {
      case 0: return std::to_string(static_cast<int>(pick(5)) - 1);
      case 1: return pick(2) ? "1.5" : "2.0";
      case 2: return "\"" + std::string(pick(3), "ab"[pick(2)]) + "\"";
      case 3: return pick(2) ? "true" : "null";
      case 4:
      case 5: return "\"" + std::string(kNames[pick(4)]) + "\"";
      case 6: {
        std::string s = "[";
        for (int i = pick(4); i > 0; --i) s += instance(depth + 1) + (i > 1 ? ", " : "");
        return s + "]";
      }
      default: {
        std::string s = "{";
        for (int i = pick(4); i > 0; --i) s += "\"" + std::string(kNames[pick(4)]) + "\": " + instance(depth + 1) + (i > 1 ? ", " : "");
        return s + "}";
      }
    }
  }

 private:
  static constexpr const char* kNames[] = {"a", "b", "c", "d"};
  std::mt19937 rng_;

  unsigned pick(unsigned n) { return std::uniform_int_distribution<unsigned>(0, n - 1)(rng_); }

  // A subschema; `next` is the first definition it may refer to at the same value.
  std::string sub(int depth, int next) {
    if (depth == 0 || pick(5) == 0) return leaf(next);
    std::string s = "{";
    auto add = [&](const std::string& k, const std::string& v) { s += (s.size() > 1 ? ", " : "") + ("\"" + k + "\": ") + v; };
    auto list = [&](int n) {
      std::string l = "[";
      for (int i = 0; i < n; ++i) l += (i ? ", " : "") + sub(depth - 1, next);
      return l + "]";
    };
    const int keywords = 1 + pick(3);
    for (int k = 0; k < keywords; ++k) {
      switch (pick(14)) {
        case 0: add("allOf", list(1 + pick(2))); break;
        case 1: add("anyOf", list(1 + pick(3))); break;
        case 2: add("oneOf", list(1 + pick(3))); break;
        case 3: add("not", sub(depth - 1, next)); break;
        case 4:
          add("if", sub(depth - 1, next));
          if (pick(2)) add("then", sub(depth - 1, next));
          if (pick(2)) add("else", sub(depth - 1, next));
          break;
        case 5: add("dependencies", "{\"a\": [\"b\"], \"c\": " + sub(depth - 1, next) + "}"); break;
        case 6:
          add("properties", "{\"a\": " + sub(depth - 1, 0) + ", \"b\": " + (pick(4) ? sub(depth - 1, 0) : R"({"$ref": "#"})") + "}");
          break;
        case 7: add("additionalProperties", pick(3) ? sub(depth - 1, 0) : "false"); break;
        case 8: add("items", pick(2) ? sub(depth - 1, 0) : list(2)); add("additionalItems", sub(depth - 1, 0)); break;
        case 9: add("contains", sub(depth - 1, 0)); break;
        case 10: add("maxProperties", "2"); break;  // not propertyNames: see the end of the test case
        case 11: add("required", R"(["a"])"); add("minProperties", "1"); break;
        case 12: add("maxItems", "2"); add("minLength", "1"); break;
        default: add("type", pick(2) ? R"("object")" : R"(["array", "string", "integer"])"); break;
      }
    }
    return s + "}";
  }

  std::string leaf(int next) {
    switch (pick(6)) {
      case 0: return next < 4 ? "{\"$ref\": \"#/definitions/d" + std::to_string(next + pick(4 - next)) + "\"}" : "true";
      case 1: return R"({"enum": ["a", 1, true]})";
      case 2: return R"({"const": "b"})";
      case 3: return R"({"minimum": 0, "multipleOf": 1})";
      case 4: return pick(2) ? "true" : "false";
      default: return R"({"type": "string", "maxLength": 1})";
    }
  }
};

std::vector<std::string> errors(const valijson::Schema& schema, const rapidjson::Value& instance) {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter target(instance);
  std::vector<std::string> out{validator.validate(schema, target, &results) ? "valid" : "invalid"};
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string line;
    for (const auto& c : e.context) line += c;
    out.push_back(line + ": " + e.description);
  }
  return out;
}

}  // namespace

TEST_CASE("valijson reads the flattened schema exactly as it reads the original", "[trust_schema]") {
  Random random(20240611);
  int compared = 0, invalid = 0, refused = 0;
  for (int s = 0; s < 300; ++s) {
    const std::string text = random.schema();
    INFO(text);
    rapidjson::Document original = parse(text), flat;
    try {
      wxlint::schema_graph::Graph graph(original, "s.json");
      wxlint::schema_graph::check_limits(graph);
      graph.flatten(flat);
    } catch (const wxlint::ConfigError&) {
      ++refused;  // recursion to the root through more than one subschema: exponential
      continue;
    }
    valijson::Schema before, after;
    valijson::SchemaParser parser;
    parser.populateSchema(valijson::adapters::RapidJsonAdapter(original), before);
    parser.populateSchema(valijson::adapters::RapidJsonAdapter(flat), after);
    for (int i = 0; i < 30; ++i) {
      const std::string instance = random.instance();
      INFO(instance);
      const rapidjson::Document doc = parse(instance);
      const auto a = errors(before, doc), b = errors(after, doc);
      REQUIRE(b == a);
      ++compared;
      invalid += a[0] == "invalid";
    }
  }
  CHECK(refused < 60);
  CHECK(invalid > compared / 4);
  CHECK(invalid < compared * 3 / 4);

  // Except where valijson mixed two places up: it named a propertyNames subschema by the
  // path of the schema holding it, so under a $ref it found that schema in its cache and
  // applied it to the member names instead. The flattened copy names every subschema once
  // (and holds propertyNames as our own constraint, which valijson alone does not know).
  const rapidjson::Document original = parse(R"({"properties": {"p": {"$ref": "#/definitions/d"}},
      "definitions": {"d": {"propertyNames": {"maxLength": 1}}}})");
  valijson::Schema before;
  valijson::SchemaParser().populateSchema(valijson::adapters::RapidJsonAdapter(original), before);
  const rapidjson::Document long_name = parse(R"({"p": {"long": 1}})");
  CHECK(errors(before, long_name)[0] == "valid");
  std::vector<wxlint::SchemaFailure> out;
  wxlint::SchemaValidator(original, "s.json", wxlint::SchemaEngine::valijson).validate(long_name, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].pointer == "/p/long");
}

TEST_CASE("uniqueItems gives valijson's verdict and its first pair", "[trust_schema]") {
  std::mt19937 rng(7);
  const char* values[] = {"1", "1.0", "2", "\"1\"", "true", "null", "[1]", "[1.0]", "{\"a\": 1}", "{\"a\": 2}", "[]", "{}"};
  rapidjson::Document original = parse(R"({"items": {"uniqueItems": true}})"), flat;
  {
    wxlint::schema_graph::Graph graph(original, "s.json");
    graph.flatten(flat);
  }
  valijson::Schema theirs, ours;
  valijson::SchemaParser parser;
  parser.populateSchema(valijson::adapters::RapidJsonAdapter(original), theirs);
  valijson::SchemaParser with_ours;
  with_ours.addConstraintBuilder(wxlint::schema_graph::kUniqueItems, wxlint::schema_unique::make_builder());
  with_ours.populateSchema(valijson::adapters::RapidJsonAdapter(flat), ours);
  for (int i = 0; i < 2000; ++i) {
    std::string instance = "[[";
    for (int n = std::uniform_int_distribution<int>(0, 6)(rng); n > 0; --n)
      instance += values[std::uniform_int_distribution<int>(0, 11)(rng)] + std::string(n > 1 ? ", " : "");
    instance += "]]";
    INFO(instance);
    const rapidjson::Document doc = parse(instance);
    const auto a = errors(theirs, doc), b = errors(ours, doc);
    REQUIRE(b[0] == a[0]);
    if (a.size() > 1) CHECK(b[1] == a[1]);  // the first pair; the schema layer shows one per place
    CHECK(b.size() <= a.size());
  }
}
