// Each check kind of the move-users foundation, through a one-rule catalogue.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using test_support::messages;
using test_support::rule;
using test_support::RuleFixture;

namespace {

std::vector<std::string> pointers(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics)
    if (d.rule.rfind("schema/", 0) != 0) out.push_back(d.location.pointer);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("required: reports the object that lacks the member", "[checks]") {
  RuleFixture f("[" + rule("req", "required", "/items/*", R"({"field": "id"})", "missing {field}") + "]");
  auto r = f.linter().lint(R"({"items": [{"id": 1}, {"name": "x"}, 3]})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/1"});
  CHECK(messages(r) == V{"missing id"});
}

TEST_CASE("require-any: one of several members; nonEmpty treats blank values as absent", "[checks]") {
  RuleFixture f("[" + rule("any", "require-any", "/items/*", R"({"fields": ["a", "b"], "nonEmpty": true})", "need {fields}") + "]");
  auto r = f.linter().lint(R"({"items": [{"a": "1"}, {"b": [0]}, {}, {"a": "", "b": " "}, {"a": null, "b": []}]})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/2", "/items/3", "/items/4"});
  CHECK(messages(r)[0] == "need a or b");
  RuleFixture loose("[" + rule("any", "require-any", "/items/*", R"({"fields": ["a", "b"]})") + "]");
  CHECK(pointers(loose.linter().lint(R"({"items": [{"a": ""}, {}]})", "t.json", "testOp")) == V{"/items/1"});
}

TEST_CASE("require-any: unless skips an object with that member, or with any of a list", "[checks]") {
  RuleFixture f("[" + rule("one", "require-any", "/items/*", R"({"fields": ["a"], "unless": "0/id"})", "one") + "," +
                rule("any", "require-any", "/items/*", R"({"fields": ["a"], "unless": ["0/id", "0/ref"]})", "any") + "]");
  auto r = f.linter().lint(R"({"items": [{}, {"id": "1"}, {"ref": "2"}, {"ref": ""}]})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/0", "/items/0", "/items/2", "/items/3", "/items/3"});
  CHECK(messages(r) == V{"any", "one", "one", "any", "one"});
}

TEST_CASE("count: min and max over items, across the request, with where and minItems", "[checks]") {
  RuleFixture f("[" + rule("min", "count", "/items", R"({"min": 1})", "{count} < {min}") + "," +
                rule("max", "count", "", R"({"of": "/items/*/users/*", "max": 2})", "{count} > {max}") + "," +
                rule("one", "count", "/items/*/users", R"({"where": {"/primary": true}, "max": 1})", "primaries") + "," +
                rule("none", "count", "/items/*/users", R"({"where": {"/primary": true}, "min": 1, "minItems": 2})", "no primary") + "]");
  auto empty = f.linter().lint(R"({"items": []})", "t.json", "testOp");
  CHECK(messages(empty) == V{"0 < 1"});
  auto r = f.linter().lint(
      R"({"items": [{"users": [{"primary": true}, {"primary": true}]}, {"users": [{"primary": false}, {}]}, {"users": [{}]}]})",
      "t.json", "testOp");
  // the second primary of items/0; no primary in items/1; the 3rd user overall is the first over the max;
  // items/2 has one user only, so "no primary" does not apply
  CHECK(pointers(r) == V{"/items/0/users/1", "/items/1/users", "/items/1/users/0"});
  CHECK(messages(r) == V{"primaries", "no primary", "5 > 2"});
}

TEST_CASE("count: a message names both bounds, whichever was crossed", "[checks]") {
  RuleFixture f("[" + rule("range", "count", "/items", R"({"min": 2, "max": 3})", "{count}, not {min} to {max}") + "]");
  CHECK(messages(f.linter().lint(R"({"items": [1]})", "t.json", "testOp")) == V{"1, not 2 to 3"});
  CHECK(messages(f.linter().lint(R"({"items": [1, 2, 3, 4]})", "t.json", "testOp")) == V{"4, not 2 to 3"});
}

TEST_CASE("count: settings supply limits and users can override them", "[checks]") {
  RuleFixture f("[" + rule("max", "count", "/items", R"({"max": {"$setting": "maxItems"}})", "{count} > {max}") + "]",
                R"({"maxItems": 2})");
  const char* three = R"({"items": [1, 2, 3]})";
  CHECK(messages(f.linter().lint(three, "t.json", "testOp")) == V{"3 > 2"});
  wxlint::LinterOptions o;
  o.settings["testOp/maxItems"] = "3";
  CHECK(f.linter(o).lint(three, "t.json", "testOp").diagnostics.empty());
  o.settings = {{"maxItems", "\"three\""}};
  CHECK_THROWS_AS(f.linter(o), wxlint::ConfigError);
  o.settings = {{"maxItemz", "3"}};
  CHECK_THROWS_WITH(f.linter(o), Catch::Contains("unknown setting \"maxItemz\""));
}

TEST_CASE("unique: repeats, groupBy a sibling value, within and across nodes, normalisation", "[checks]") {
  RuleFixture f("[" + rule("u", "unique", "/items/*/ext", "{\"groupBy\": \"1/loc\"}", "{value} also at {other}") + "]");
  auto r = f.linter().lint(
      R"({"items": [{"loc": "A", "ext": "1"}, {"loc": "B", "ext": "1"}, {"loc": "A", "ext": "1"}, {"loc": "A", "ext": ""}, {"loc": "A", "ext": ""}]})",
      "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/2/ext"});
  CHECK(messages(r) == V{"1 also at /items/0/ext (line 1)"});
  REQUIRE(r.diagnostics[0].related.size() == 1);
  CHECK(r.diagnostics[0].related[0].pointer == "/items/0/ext");

  RuleFixture w("[" + rule("within", "unique", "/items/*/mails/*", R"({"within": "2", "normalize": "lower"})") + "," +
                rule("across", "unique", "/items/*/mails/*", R"({"across": "2", "normalize": "lower"})") + "]");
  auto m = w.linter().lint(R"({"items": [{"mails": ["a@x.io", "A@X.io"]}, {"mails": ["a@x.io"]}]})", "t.json", "testOp");
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& d : m.diagnostics) got.emplace_back(d.rule, d.location.pointer);
  CHECK(got == std::vector<std::pair<std::string, std::string>>{{"within", "/items/0/mails/1"}, {"across", "/items/1/mails/0"}});

  RuleFixture d("[" + rule("d", "unique", "/items/*", R"({"normalize": "digits"})") + "]");
  CHECK(pointers(d.linter().lint(R"({"items": ["+1 408-555-1234", "14085551234"]})", "t.json", "testOp")) == V{"/items/1"});
}

TEST_CASE("unique: many matches report the same repeats as a few (queued lookups, numbers, groups)", "[checks]") {
  // More matches than unique queues before looking them up: repeats are found both
  // while walking and at the end, in order, with values that are numbers or rewritten.
  RuleFixture f("[" + rule("u", "unique", "/items/*/ext", "{\"groupBy\": \"1/loc\"}", "{value} in {group} also at {other}") +
                "," + rule("t", "unique", "/items/*/tel", R"({"normalize": "digits"})", "{value} also at {other}") + "]");
  std::string doc = R"({"items": [)";
  V want_pointers, want_messages;
  for (int i = 0; i < 100; ++i) {
    const std::string loc = i % 2 ? "B" : "A", ext = std::to_string(i / 2 % 5), n = std::to_string(10 + i % 15);
    const std::string tel = (i % 2 ? "+1 (408) 555-" : "1408555") + n;
    doc += std::string(i ? "," : "") + R"({"loc": ")" + loc + R"(", "ext": )" + ext + R"(, "tel": ")" + tel + R"("})";
    if (i >= 10) {  // ext repeats its group's value of items/(i % 10)
      want_pointers.push_back("/items/" + std::to_string(i) + "/ext");
      want_messages.push_back(ext + " in " + loc + " also at /items/" + std::to_string(i % 10) + "/ext (line 1)");
    }
    if (i >= 15) {  // tel repeats the digits of items/(i % 15)
      want_pointers.push_back("/items/" + std::to_string(i) + "/tel");
      want_messages.push_back(tel + " also at /items/" + std::to_string(i % 15) + "/tel (line 1)");
    }
  }
  auto r = f.linter().lint(doc + "]}", "t.json", "testOp");
  CHECK(pointers(r) == want_pointers);
  CHECK(messages(r) == want_messages);
}

TEST_CASE("format: each format, outcomes and skipEmpty", "[checks]") {
  auto one = [](const std::string& params, const std::string& value) {
    RuleFixture f("[" + rule("f", "format", "/items/*", params, "{value} {problem}{hint}") + "]");
    return f.linter().lint(R"({"items": [)" + value + "]}", "t.json", "testOp");
  };
  CHECK(one(R"({"format": "e164"})", R"("+14085551234")").diagnostics.empty());
  CHECK(messages(one(R"({"format": "e164"})", R"("408 555 1234")")) ==
        V{"408 555 1234 is not in E.164 format Its E.164 form would be +14085551234."});
  CHECK(one(R"({"format": "e164", "skipEmpty": true})", R"("")").diagnostics.empty());
  CHECK(one(R"({"format": "e164"})", R"("")").diagnostics.size() == 1);
  CHECK(one(R"({"format": "digits"})", R"("12a")").diagnostics.size() == 1);
  CHECK(one(R"({"format": "uuid"})", R"("6847ee0f-5e9c-4403-9f0e-0aa8552f7828")").diagnostics.empty());
  CHECK(one(R"({"format": "email"})", R"("a b@x.io")").diagnostics.size() == 1);
  CHECK(one(R"({"format": "sip"})", R"("sipAddress value1")").diagnostics.size() == 1);
  CHECK(one(R"({"format": "https-url", "outcomes": ["invalid"]})", R"("http://x.io/a.png")").diagnostics.empty());
  CHECK(one(R"({"format": "https-url", "outcomes": ["insecure"]})", R"("http://x.io/a.png")").diagnostics.size() == 1);
  CHECK(one(R"({"format": "digits"})", "12").diagnostics.empty());  // not a string: the schema's business
  CHECK_THROWS_WITH(one(R"({"format": "phone"})", "1"), Catch::Contains("unknown format \"phone\""));
}

TEST_CASE("length, deny and enum", "[checks]") {
  RuleFixture f("[" + rule("len", "length", "/a/*", R"({"min": 2, "max": 3})", "{value}:{length}") + "," +
                rule("deny", "deny", "/b/*", R"({"values": ["911"]})") + "," +
                rule("enum", "enum", "/c/*", R"({"values": ["work", "home"]})", "{value} not in {allowed}.{hint}") + "]");
  auto r = f.linter().lint(R"({"a": ["1", "12", "1234", "dé漢"], "b": ["911", "9110"], "c": ["work", "WORK", "zzz"]})", "t.json", "testOp");
  CHECK(messages(r) == V{"1:1", "1234:4", "911", "WORK not in work, home. Did you mean \"work\"?", "zzz not in work, home."});
}

TEST_CASE("enum: a long list of values is named by its first 20", "[checks]") {
  std::string values, listed;
  for (int i = 0; i < 25; ++i) {
    values += std::string(i ? ", " : "") + "\"v" + std::to_string(i) + "\"";
    if (i < 20) listed += std::string(i ? ", " : "") + "v" + std::to_string(i);
  }
  RuleFixture f("[" + rule("enum", "enum", "/c/*", "{\"values\": [" + values + "]}", "{allowed}") + "]");
  auto r = f.linter().lint(R"({"c": ["v24", "zzz"]})", "t.json", "testOp");
  CHECK(messages(r) == V{listed + ", ... and 5 more"});
}

TEST_CASE("webex-id: malformed and wrong-type outcomes", "[checks]") {
  RuleFixture f("[" + rule("bad", "webex-id", "/p/*", R"({"outcome": "malformed"})", "{problem}") + "," +
                rule("type", "webex-id", "/p/*", R"({"outcome": "wrong-type", "type": "PEOPLE"})", "{type}") + "]");
  auto r = f.linter().lint(
      R"({"p": ["Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE",
               "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
               "6847ee0f-5e9c-4403-9f0e-0aa8552f7828", "%%%"]})",
      "t.json", "testOp");
  REQUIRE(pointers(r) == V{"/p/1", "/p/2", "/p/3"});
  CHECK(messages(r)[0] == "LOCATION");
  CHECK(messages(r)[1] == "is a raw UUID; this API wants the base64 Webex id");
}

TEST_CASE("when: a rule applies only where its conditions hold", "[checks]") {
  RuleFixture f("[" + rule("w", "required", "/items/*", R"({"field": "name"})", "x", R"(, "when": {"/kind": "person"})") + "]");
  auto r = f.linter().lint(R"({"items": [{"kind": "person"}, {"kind": "robot"}, {}]})", "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/0"});
}
