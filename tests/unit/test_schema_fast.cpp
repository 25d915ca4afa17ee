// Differential test: the compiled fast schema path and valijson must produce identical
// SchemaFailure lists (same records, same order) for real inputs and generated mutations.
#include "engine/schema_layer.hpp"
#include "schema_failures.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using wxlint::SchemaEngine;
using wxlint::SchemaFailure;
using wxlint::SchemaValidator;

namespace {

const fs::path kRoot = WXLINT_SOURCE_DIR;
constexpr unsigned kFlags = rapidjson::kParseFullPrecisionFlag | rapidjson::kParseValidateEncodingFlag;

std::string slurp(const fs::path& p) {
  std::ostringstream ss;
  ss << std::ifstream(p, std::ios::binary).rdbuf();
  return ss.str();
}

bool parse(rapidjson::Document& d, const std::string& text) {
  d.Parse<kFlags>(text.data(), text.size());
  return !d.HasParseError();
}

std::string render(const std::vector<SchemaFailure>& fs) {
  std::string s;
  for (const auto& f : fs) {
    s += f.keyword + " | " + f.detail + " | " + f.pointer + " | " + std::to_string(static_cast<int>(f.anchor));
    for (const auto& [k, v] : f.args) s += " | " + k + "=" + v;
    s += "\n";
  }
  return s;
}

// Both engines for one schema.
struct Pair {
  std::string name;
  rapidjson::Document json;
  std::unique_ptr<SchemaValidator> slow, fast;
  Pair(std::string n, const std::string& text) : name(std::move(n)) {
    REQUIRE(parse(json, text));
    slow = std::make_unique<SchemaValidator>(json, name, SchemaEngine::valijson);
    fast = std::make_unique<SchemaValidator>(json, name, SchemaEngine::fast);
  }
};

// Compares the engines on one instance; counts instances with at least one failure.
struct Differ {
  std::vector<std::unique_ptr<Pair>> schemas;
  std::size_t compared = 0, failing = 0;
  std::map<std::string, std::size_t> keywords;

  void check(const rapidjson::Value& v, const std::string& what) {
    for (const auto& p : schemas) {
      std::vector<SchemaFailure> a, b;
      p->slow->validate(v, a);
      p->fast->validate(v, b);
      INFO(what << " against " << p->name);
      REQUIRE(render(b) == render(a));
      ++compared;
      if (!a.empty()) ++failing;
      for (const auto& f : a) ++keywords[f.keyword];
    }
  }
};

std::vector<fs::path> inputs() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kRoot / "testdata"))
    if (const std::string n = e.path().filename().string(); n.ends_with(".json") && !n.ends_with(".expected.json"))
      out.push_back(e.path());
  for (const char* dir : {"rules", "examples"})
    for (const auto& e : fs::directory_iterator(kRoot / dir))
      if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

// The JSON blocks of the configuration docs, plus a few hand-written configs.
std::vector<std::string> configs() {
  std::vector<std::string> out = {
      R"({"rules": {"move-users/extension-emergency": "off"}})",
      R"({"rules": {"WX2002": "of"}})",
      R"({"colour": 1, "ignore": [{"file": "x", "rule": 4910}], "allowedSources": ["", 3]})",
      R"({"operations": {"validateOrInitiateMoveUsersJob": 5}, "settings": []})",
  };
  const std::string doc = slurp(kRoot / "docs" / "configuration.md");
  for (std::size_t at = 0; (at = doc.find("```json\n", at)) != std::string::npos;) {
    const std::size_t end = doc.find("```", at + 8);
    if (end == std::string::npos) break;
    out.push_back(doc.substr(at + 8, end - at - 8));
    at = end + 3;
  }
  return out;
}

// Deterministic mutations of a DOM: each picks one node and breaks it in a typical way.
class Mutator {
 public:
  explicit Mutator(unsigned seed) : rng_(seed) {}

  void mutate(rapidjson::Document& d) {
    std::vector<rapidjson::Value*> nodes;
    collect(d, nodes);
    rapidjson::Value& v = *nodes[pick(nodes.size())];
    auto& a = d.GetAllocator();
    switch (pick(9)) {
      case 0:  // drop a member
        if (v.IsObject() && v.MemberCount() > 0) {
          v.EraseMember(v.MemberBegin() + static_cast<long>(pick(v.MemberCount())));
          break;
        }
        [[fallthrough]];
      case 1:  // another type
        replace(v, a);
        break;
      case 2:  // an unknown member, often a near miss of a known one
        if (v.IsObject()) {
          std::string name = "unknownMember";
          if (v.MemberCount() > 0 && pick(2)) {
            name = (v.MemberBegin() + static_cast<long>(pick(v.MemberCount())))->name.GetString();
            if (!name.empty()) name[pick(name.size())] ^= 0x20;
          }
          v.AddMember(rapidjson::Value(name.c_str(), a), rapidjson::Value(1), a);
        }
        break;
      case 3:  // an empty array
        v.IsArray() ? v.Clear() : void(v.SetArray());
        break;
      case 4:  // a wrong enum-like value: change the case or a letter
        if (v.IsString() && v.GetStringLength() > 0) {
          std::string s = v.GetString();
          s[pick(s.size())] ^= 0x20;
          v.SetString(s.c_str(), a);
        } else {
          v.SetString("NOT-A-VALUE", a);
        }
        break;
      case 5:  // a nested object where a scalar was
        v.SetObject();
        v.AddMember("a", rapidjson::Value(rapidjson::kObjectType).AddMember("b", 1, a), a);
        break;
      case 6:  // a repeated key
        if (v.IsObject() && v.MemberCount() > 0) {
          auto m = v.MemberBegin() + static_cast<long>(pick(v.MemberCount()));
          rapidjson::Value name(m->name, a);
          rapidjson::Value value;
          replace(value, a);
          v.AddMember(name, value, a);
        }
        break;
      case 7:  // wrap in an array
        if (!v.IsArray()) {
          rapidjson::Value copy(v, a);
          v.SetArray();
          v.PushBack(copy, a);
        }
        break;
      default:  // a repeated array item or a member set to null
        if (v.IsArray() && !v.Empty()) v.PushBack(rapidjson::Value(v[0], a), a);
        else v.SetNull();
    }
  }

 private:
  std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }

  void replace(rapidjson::Value& v, rapidjson::Document::AllocatorType& a) {
    switch (pick(8)) {
      case 0: v.SetString("1", a); break;
      case 1: v.SetInt(1); break;
      case 2: v.SetDouble(1.5); break;
      case 3: v.SetBool(pick(2) == 0); break;
      case 4: v.SetNull(); break;
      case 5: v.SetArray(); break;
      case 6: v.SetObject(); break;
      default: v.SetString("", a);
    }
  }

  static void collect(rapidjson::Value& v, std::vector<rapidjson::Value*>& out) {
    out.push_back(&v);
    if (v.IsObject())
      for (auto& m : v.GetObject()) collect(m.value, out);
    else if (v.IsArray())
      for (auto& i : v.GetArray()) collect(i, out);
  }

  std::mt19937 rng_;
};

void add_schema(Differ& d, const std::string& file) {
  d.schemas.push_back(std::make_unique<Pair>("schemas/" + file, slurp(kRoot / "schemas" / file)));
  REQUIRE(d.schemas.back()->fast->uses_fast_path());
  REQUIRE_FALSE(d.schemas.back()->slow->uses_fast_path());
}

}  // namespace

TEST_CASE("schema fast path: identical failures to valijson on the project's schemas", "[schema_fast]") {
  Differ d;
  for (const char* f : {"validateOrInitiateMoveUsersJob.request.schema.json", "bulkCreateOrUpdateContacts.request.schema.json",
                        "wxlint.rules.schema.json", "wxlint.config.schema.json"})
    add_schema(d, f);

  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& p : inputs()) texts.emplace_back(p.lexically_relative(kRoot).string(), slurp(p));
  int i = 0;
  for (const auto& c : configs()) texts.emplace_back("config #" + std::to_string(i++), c);
  REQUIRE(texts.size() > 50);

  std::size_t mutations = 0;
  Mutator mutator(20240611);
  for (const auto& [name, text] : texts) {
    rapidjson::Document doc;
    if (!parse(doc, text)) continue;  // syntax-error fixtures
    d.check(doc, name);
    // Envelopes: the examples are what the operation schemas see.
    if (doc.IsObject() && doc.HasMember("requestExamples") && doc["requestExamples"].IsArray())
      for (const auto& ex : doc["requestExamples"].GetArray())
        if (ex.IsObject() && ex.HasMember("example")) d.check(ex["example"], name + " example");
    for (int m = 0; m < 8; ++m, ++mutations) {
      rapidjson::Document copy;
      copy.CopyFrom(doc, copy.GetAllocator());
      for (int k = 0; k <= m % 3; ++k) mutator.mutate(copy);
      d.check(copy, name + " mutation " + std::to_string(m));
    }
  }
  CHECK(mutations >= 400);
  // The comparison is only worth something if the engines actually failed often.
  CHECK(d.failing > d.compared / 2);
  for (const char* k : {"required", "additionalProperties", "type", "enum", "minItems", "length"}) {
    INFO(k);
    CHECK(d.keywords[k] > 0);
  }
}

namespace {

// Every keyword the fast path compiles, with recursion through definitions.
const char* kSynthetic = R"({
  "$schema": "http://json-schema.org/draft-07/schema#", "$comment": "test", "title": "t",
  "type": "object", "required": ["name", "kind", "n"], "additionalProperties": false,
  "properties": {
    "name": {"type": "string", "minLength": 2, "maxLength": 5, "default": "ab", "examples": ["x"]},
    "kind": {"enum": ["alpha", "beta", true, null]},
    "fixed": {"const": "v1"}, "flag": {"const": false}, "nothing": {"const": null},
    "n": {"type": "integer", "minimum": 1, "maximum": 10},
    "x": {"type": ["number", "null"], "exclusiveMinimum": 0, "exclusiveMaximum": 1.5},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 1}, "minItems": 1, "maxItems": 2},
    "map": {"type": "object", "additionalProperties": {"type": ["string", "boolean"], "enum": ["on", "off", true]}},
    "tree": {"$ref": "#/definitions/node"}, "alias": {"$ref": "#/definitions/alias"},
    "any": true, "open": {"additionalProperties": true, "properties": {"a": {"type": "array"}}}
  },
  "definitions": {
    "alias": {"$ref": "#/definitions/node"},
    "node": {"type": "object", "required": ["value"], "additionalProperties": false,
             "properties": {"value": {"type": "integer"}, "children": {"type": "array", "items": {"$ref": "#/definitions/node"}}}}
  }
})";

const char* kWords[] = {"name", "kind", "fixed", "flag", "nothing", "n", "x", "tags", "map", "tree", "alias",
                        "any", "open", "value", "children", "a", "nmae", "on", "off"};

// Random values biased towards the schema's names, types and limits.
rapidjson::Value random_value(std::mt19937& rng, rapidjson::Document::AllocatorType& a, int depth) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const char* strings[] = {"", "a", "ab", "abcdef", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", "alpha", "Alpha", "v1", "on", "OFF"};
  switch (depth > 3 ? pick(6) : pick(9)) {
    case 0: return rapidjson::Value(strings[pick(10)], a);
    case 1: return rapidjson::Value(pick(14) - 2);
    case 2: return rapidjson::Value(pick(5) * 0.5 - 0.5);
    case 3: return rapidjson::Value(pick(2) == 0);
    case 4: return rapidjson::Value();
    // Up to INT64_MAX: past it valijson takes an integer through int64_t (negative), and the
    // fast path, right, does not (tested on its own below).
    case 5: return rapidjson::Value(static_cast<std::uint64_t>(9223372036854775000ULL + static_cast<unsigned>(pick(3))));
    case 6: {
      rapidjson::Value arr(rapidjson::kArrayType);
        for (int i = pick(4); i > 0; --i) arr.PushBack(random_value(rng, a, depth + 1), a);
      return arr;
    }
    default: {
      rapidjson::Value obj(rapidjson::kObjectType);
      for (int i = pick(6); i > 0; --i) obj.AddMember(rapidjson::Value(kWords[pick(19)], a), random_value(rng, a, depth + 1), a);
      return obj;
    }
  }
}

}  // namespace

TEST_CASE("schema fast path: identical failures on every supported keyword", "[schema_fast]") {
  Differ d;
  d.schemas.push_back(std::make_unique<Pair>("synthetic", kSynthetic));
  REQUIRE(d.schemas.back()->fast->uses_fast_path());
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    rapidjson::Document doc;
    doc.SetObject();
    for (int k = std::uniform_int_distribution<int>(0, 7)(rng); k > 0; --k)
      doc.AddMember(rapidjson::Value(kWords[std::uniform_int_distribution<int>(0, 18)(rng)], doc.GetAllocator()),
                    random_value(rng, doc.GetAllocator(), 1), doc.GetAllocator());
    d.check(doc, "random #" + std::to_string(i));
  }
  for (const char* k : {"required", "additionalProperties", "type", "enum", "const", "minItems", "maxItems", "length", "range"}) {
    INFO(k);
    CHECK(d.keywords[k] > 0);
  }
}

TEST_CASE("schema fast path: other keywords, tuples and remote refs stay with valijson", "[schema_fast]") {
  const char* unsupported[] = {
      R"({"anyOf": [{"type": "string"}, {"type": "integer"}]})",
      R"({"properties": {"a": {"not": {"type": "string"}}}})",
      R"({"type": "array", "items": [{"type": "string"}], "uniqueItems": true})",
      R"({"type": "object", "minProperties": 1, "dependencies": {"a": ["b"]}})",
      R"({"properties": {"a": {"$ref": "#/properties/b"}, "b": {"type": "string"}}})",
      R"({"properties": {"a": {"enum": [1, 2]}}})",
      R"({"properties": {"a": false}})",
      R"({"type": "number", "multipleOf": 2})",
  };
  for (const char* text : unsupported) {
    INFO(text);
    rapidjson::Document schema;
    REQUIRE(parse(schema, text));
    SchemaValidator automatic(schema, "s.json");
    CHECK_FALSE(automatic.uses_fast_path());
    CHECK_THROWS_AS(SchemaValidator(schema, "s.json", SchemaEngine::fast), wxlint::ConfigError);
    rapidjson::Document inst;
    REQUIRE(parse(inst, R"({"a": "x", "b": 3})"));
    std::vector<SchemaFailure> out;
    automatic.validate(inst, out);  // valijson still runs
  }
  rapidjson::Document schema;
  REQUIRE(parse(schema, kSynthetic));
  CHECK(SchemaValidator(schema, "s.json").uses_fast_path());
}

TEST_CASE("schema: propertyNames names each member whose name fails, at its key", "[schema_fast]") {
  using test_support::failures;
  const std::string root = R"({"type": "object", "propertyNames": {"maxLength": 2}})";
  CHECK(failures(root, R"({"ab": 1})").empty());
  CHECK(failures(root, R"({"abc": 1, "ab": 2, "abcd": 3})") ==
        std::vector<std::string>{
            "propertyNames /abc detail=member name \"abc\" is not allowed: String should be no more than 2 characters "
            "in length.",
            "propertyNames /abcd detail=member name \"abcd\" is not allowed: String should be no more than 2 "
            "characters in length."});
  // Below "properties" valijson's own failure had no result, and only its summaries were left.
  const std::string nested = R"({"properties": {"tags": {"propertyNames": {"pattern": "^[a-z]+$"}}}})";
  CHECK(failures(nested, R"({"tags": {"ok": 1, "Not ok": 2}})") ==
        std::vector<std::string>{"propertyNames /tags/Not ok detail=member name \"Not ok\" is not allowed: String does "
                                 "not match the pattern ^[a-z]+$"});
  CHECK(failures(R"({"propertyNames": false})", R"({"a": 1})") ==
        std::vector<std::string>{"propertyNames /a detail=member name \"a\" is not allowed: the schema allows no members"});
  CHECK(failures(R"({"propertyNames": false})", R"({})").empty());
  CHECK(failures(R"({"propertyNames": true})", R"({"any name": 1})").empty());
  CHECK(failures(R"({"propertyNames": {"enum": ["a"]}})", R"([1, "not an object"])").empty());
  // The member's key is what a finding points at.
  rapidjson::Document schema, payload;
  schema.Parse(root.c_str());
  payload.Parse(R"({"abc": 1})");
  std::vector<wxlint::SchemaFailure> out;
  wxlint::SchemaValidator(schema, "s.json").validate(payload, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].anchor == wxlint::Anchor::key);
}

TEST_CASE("schema: a range names its bound as the schema writes it; enum and const show JSON values", "[schema_fast]") {
  using test_support::failures;
  using wxlint::SchemaEngine;
  for (const SchemaEngine engine : {SchemaEngine::fast, SchemaEngine::valijson}) {
    CHECK(failures(R"({"minimum": 1})", "0", engine) == std::vector<std::string>{"range  value=0 detail=must be at least 1"});
    CHECK(failures(R"({"maximum": 2.5})", "3", engine) ==
          std::vector<std::string>{"range  value=3 detail=must be at most 2.5"});
    CHECK(failures(R"({"exclusiveMinimum": 1e-7})", "0", engine) ==
          std::vector<std::string>{"range  value=0 detail=must be greater than 1e-7"});
    CHECK(failures(R"({"exclusiveMaximum": 3})", "3", engine) ==
          std::vector<std::string>{"range  value=3 detail=must be less than 3"});
  }
  // An integer past INT64_MAX is itself, not the negative number valijson makes of it.
  CHECK(failures(R"({"minimum": 0, "maximum": 10})", "9223372036854775808") ==
        std::vector<std::string>{"range  value=9223372036854775808 detail=must be at most 10"});
  CHECK(failures(R"({"minimum": 0})", "18446744073709551615").empty());
  // Below anyOf the failing subschema is not looked up: the engine's limit, trimmed.
  CHECK(failures(R"({"anyOf": [{"minimum": 5}, {"minimum": 7}]})", "3") ==
        std::vector<std::string>{"range  value=3 detail=must be at least 5"});
  CHECK(failures(R"({"enum": [[1], 2, "x", null]})", "[2]") ==
        std::vector<std::string>{"enum  value=[2] allowed=[1], 2, x, null hint="});
  // A long enum lists its first 20 values (a 50,000-value one made a 640 KB message); the
  // suggestion still looks at all of them.
  for (const SchemaEngine engine : {SchemaEngine::fast, SchemaEngine::valijson}) {
    std::string values, first20;
    for (int i = 0; i < 50'000; ++i) {
      values += (i ? ", \"v" : "\"v") + std::to_string(i) + "\"";
      if (i < 20) first20 += (i ? ", v" : "v") + std::to_string(i);
    }
    CHECK(failures(R"({"enum": [)" + values + "]}", R"("v4999x")", engine) ==
          std::vector<std::string>{"enum  value=v4999x allowed=" + first20 + ", ... and 49980 more hint= Did you mean \"v4999\"?"});
    CHECK(failures(R"({"enum": [)" + values.substr(0, values.find(", \"v21\"")) + "]}", R"("x")", engine) ==
          std::vector<std::string>{"enum  value=x allowed=" + first20 + ", ... and 1 more hint="});
    CHECK(failures(R"({"enum": [)" + values.substr(0, values.find(", \"v20\"")) + "]}", R"("x")", engine) ==
          std::vector<std::string>{"enum  value=x allowed=" + first20 + " hint="});
  }
  CHECK(failures(R"({"const": {"a": 1}})", R"({"a": 2})") ==
        std::vector<std::string>{R"(const  value={"a":2} expected={"a":1})"});
  CHECK(failures(R"({"contains": {"const": 1}})", "[2, 3]") ==
        std::vector<std::string>{"other  detail=no item matches the schema of 'contains'."});
}

TEST_CASE("schema: a number with no fraction is an integer to both engines, however written", "[schema_fast]") {
  using test_support::failures;
  // Draft 7 (and Python's json.dumps of a computed count, 10.0); 10.5 is still not one.
  const std::string schema = R"({"type": "object", "properties": {"n": {"type": "integer"}, "m": {"type": ["integer", "null"]}}})";
  for (const SchemaEngine engine : {SchemaEngine::fast, SchemaEngine::valijson}) {
    INFO((engine == SchemaEngine::fast ? "fast" : "valijson"));
    CHECK(failures(schema, R"({"n": 10.0, "m": 1e1})", engine).empty());
    CHECK(failures(schema, R"({"n": -0.0, "m": 12345678901234567890.0})", engine).empty());
    CHECK(failures(schema, R"({"n": 10.5, "m": 1e-1})", engine) ==
          std::vector<std::string>{"type /m field=m expected=an integer or null actual=a number",
                                   "type /n field=n expected=an integer actual=a number"});
  }
}
