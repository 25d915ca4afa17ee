// snapshot-lookup's where-filter "contains" (a licence whose name says Webex Calling), its
// stripPrefix (an extension that is a location's routing prefix plus an existing extension)
// and its unlessPathParam (an envelope's path names the resource: another rule judges).
#include "rule_fixture.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

const char kLicences[] = R"({"items": [
  {"id": "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAx", "name": "Webex Calling - Professional", "totalUnits": 5},
  {"id": "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAy", "name": "Meeting - Webex Meeting Center", "totalUnits": 5}]})";
const char kLic1[] = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAx";
const char kLic2[] = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAy";

// Austin: routing prefix 8, Alice on 1001. Boston: prefix 2, Bob on 2001. Chicago: no prefix.
const char kAustin[] = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ";
const char kBoston[] = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg";
const char kChicago[] = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMw";
const char kCalling[] = R"({"locations": [
  {"id": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ", "name": "Austin", "routingPrefix": "8"},
  {"id": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg", "name": "Boston", "routingPrefix": "2"},
  {"id": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMw", "name": "Chicago"}]})";
const char kPeople[] = R"({"items": [
  {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE", "emails": ["alice@example.com"], "displayName": "Alice Ash", "extension": "1001", "locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ"},
  {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDI", "emails": ["bob@example.com"], "displayName": "Bob Birch", "extension": "2001", "locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg"},
  {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDM", "emails": ["cy@example.com"], "displayName": "Cy Chu", "extension": "3001", "locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMw"}]})";

wxlint::LinterOptions with(std::vector<wxlint::Snapshot::File> files) {
  wxlint::LinterOptions o;
  o.snapshot_data = wxlint::Snapshot::from_files(std::move(files));
  return o;
}

std::string load_error(const std::string& params) {
  RuleFixture f("[" + rule("p", "snapshot-lookup", "/items/*/id", params) + "]");
  try {
    (void)f.linter();
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "";
}

std::vector<std::string> messages(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.location.pointer + " " + d.message);
  return out;
}

std::string item(const std::string& extension, const std::string& location) {
  return R"({"extension": ")" + extension + R"(", "locationId": ")" + location + R"("})";
}

}  // namespace

TEST_CASE("snapshot-lookup where contains: the row's cell holds the text", "[snapshot]") {
  RuleFixture f("[" + rule("calling", "snapshot-lookup", "/items/*/id",
                           R"({"table": "licences", "key": "id", "expect": "found", "where": [{"column": "name", "contains": "Webex Calling"}]})",
                           "{name}") + "]");
  const auto linter = f.linter(with({{"licences.json", kLicences}}));
  const std::string body = std::string(R"({"items": [{"id": ")") + kLic2 + R"("}, {"id": ")" + kLic1 +
                           R"("}, {"id": "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvY2NjY2NjY2MtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDA5"}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) ==
        std::vector<std::string>{"/items/1/id Webex Calling - Professional"});
  // Without a licences file it cannot judge.
  CHECK(f.linter(with({{"people.json", kPeople}})).lint(body, "t.json", "testOp").diagnostics.empty());
}

TEST_CASE("snapshot-lookup where notContains: the row's cell does not hold the text", "[snapshot]") {
  RuleFixture f("[" + rule("add-on", "snapshot-lookup", "/items/*/id",
                           R"({"table": "licences", "key": "id", "expect": "found",
                               "where": [{"column": "name", "contains": "Webex"}, {"column": "name", "notContains": "Calling"}]})",
                           "{name}") + "]");
  const auto linter = f.linter(with({{"licences.json", kLicences}}));
  const std::string body = std::string(R"({"items": [{"id": ")") + kLic1 + R"("}, {"id": ")" + kLic2 + R"("}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) ==
        std::vector<std::string>{"/items/1/id Meeting - Webex Meeting Center"});
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "notContains": ""}]})")
            .find("notContains takes a non-empty string") != std::string::npos);
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "notContains": "a", "contains": "b"}]})")
            .find("each filter needs one of equals, notEquals, contains, notContains") != std::string::npos);
}

TEST_CASE("snapshot-lookup ifPresent: judged only where that member is present and not empty", "[snapshot]") {
  RuleFixture f("[" + rule("held", "snapshot-lookup", "/items/*/extension",
                           R"({"table": "people", "key": "extension", "expect": "found", "ifPresent": "1/owner",
                               "where": [{"column": "id", "notEquals": {"at": "1/owner"}}]})",
                           "{displayName}") + "]");
  const auto linter = f.linter(with({{"people.json", kPeople}}));
  const std::string alice = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE";
  const std::string body = R"({"items": [{"extension": "2001", "owner": ")" + alice + R"("},
                                          {"extension": "1001", "owner": ")" + alice + R"("},
                                          {"extension": "2001"}, {"extension": "2001", "owner": ""}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) == std::vector<std::string>{"/items/0/extension Bob Birch"});
}

TEST_CASE("snapshot-lookup unless: one member, or any of a list, skips the check", "[snapshot]") {
  RuleFixture f("[" + rule("one", "snapshot-lookup", "/items/*/licence",
                           R"({"table": "licences", "key": "id", "expect": "found", "unless": "1/number"})", "one") + "," +
                rule("any", "snapshot-lookup", "/items/*/licence",
                     R"({"table": "licences", "key": "id", "expect": "found", "unless": ["1/number", "1/extension"]})", "any") + "]");
  const auto linter = f.linter(with({{"licences.json", kLicences}}));
  const std::string lic = kLic1;
  const std::string body = R"({"items": [{"licence": ")" + lic + R"("}, {"licence": ")" + lic + R"(", "number": "+1"},
                                          {"licence": ")" + lic + R"(", "extension": "20"}, {"licence": ")" + lic + R"(", "extension": " "}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) ==
        std::vector<std::string>{"/items/0/licence any", "/items/0/licence one", "/items/2/licence one", "/items/3/licence any",
                                 "/items/3/licence one"});
  CHECK(load_error(R"({"table": "licences", "key": "id", "unless": []})").find("must be a non-empty array of strings") !=
        std::string::npos);
  CHECK(load_error(R"({"table": "licences", "key": "id", "unless": ["1/a", "x/y"]})")
            .find(R"(holds "x/y", which is not a relative JSON pointer)") != std::string::npos);
}

TEST_CASE("snapshot-lookup ifPresent: a list judges where any of its members is present", "[snapshot]") {
  RuleFixture f("[" + rule("any", "snapshot-lookup", "/items/*/licence",
                           R"({"table": "licences", "key": "id", "expect": "found", "ifPresent": ["1/number", "1/extension"]})",
                           "any") + "]");
  const auto linter = f.linter(with({{"licences.json", kLicences}}));
  const std::string lic = kLic1;
  const std::string body = R"({"items": [{"licence": ")" + lic + R"("}, {"licence": ")" + lic + R"(", "number": "+1"},
                                          {"licence": ")" + lic + R"(", "extension": "20"}, {"licence": ")" + lic + R"(", "extension": ""}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) == std::vector<std::string>{"/items/1/licence any", "/items/2/licence any"});
}

TEST_CASE("snapshot-lookup where contains: refused at load unless one non-empty string", "[snapshot]") {
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "contains": ""}]})")
            .find("contains takes a non-empty string") != std::string::npos);
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "contains": {"at": "1/x"}}]})")
            .find("contains takes a non-empty string") != std::string::npos);
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "contains": "a", "equals": "b"}]})")
            .find("each filter needs one of equals, notEquals, contains") != std::string::npos);
  CHECK(load_error(R"({"table": "licences", "key": "id", "where": [{"column": "name", "contains": "Webex Calling"}]})") == "");
}

TEST_CASE("snapshot-lookup stripPrefix: the rest after the location's prefix is looked up", "[snapshot]") {
  RuleFixture f("[" + rule("prefix", "snapshot-lookup", "/items/*/extension",
                           R"({"table": "extensions", "key": "extension", "expect": "found", "scope": {"column": "locationId", "at": "1/locationId"},
                               "stripPrefix": {"table": "callingLocations", "key": "id", "column": "routingPrefix", "at": "1/locationId"}})",
                           "{value}={prefix}+{key} {prefix.name} {ownerName}") + "]");
  const auto linter = f.linter(with({{"calling.json", kCalling}, {"people.json", kPeople}}));
  const std::string body = R"({"items": [)" + item("81001", kAustin) + ", " + item("22001", kBoston) + ", " +
                           item("2005", kBoston) +   // 005: no extension in Boston
                           ", " + item("2001", kBoston) +  // 001: none either (2001 is Bob's own)
                           ", " + item("82001", kAustin) +  // 2001 is Bob's, in Boston
                           ", " + item("8", kAustin) +      // nothing after the prefix
                           ", " + item("1001", kAustin) +   // no prefix
                           ", " + item("33001", kChicago) + // no routing prefix
                           R"(, {"extension": "81001"}]})";
  CHECK(messages(linter.lint(body, "t.json", "testOp")) ==
        std::vector<std::string>{"/items/0/extension 81001=8+1001 Austin Alice Ash",
                                 "/items/1/extension 22001=2+2001 Boston Bob Birch"});
  // Without the calling locations there is no prefix to take off.
  CHECK(f.linter(with({{"people.json", kPeople}})).lint(body, "t.json", "testOp").diagnostics.empty());
}

TEST_CASE("snapshot-lookup stripPrefix: refused at load with an unknown table or column", "[snapshot]") {
  CHECK(load_error(R"({"table": "extensions", "key": "extension", "stripPrefix": {"table": "callingLocations", "key": "id", "column": "prefix", "at": "1/l"}})")
            .find("table callingLocations has no column \"prefix\"") != std::string::npos);
  CHECK(load_error(R"({"table": "extensions", "key": "extension", "stripPrefix": {"table": "callingLocations", "key": "name", "column": "routingPrefix", "at": "1/l"}})")
            .find("table callingLocations has no key column \"name\"") != std::string::npos);
  CHECK(load_error(R"({"table": "extensions", "key": "extension", "stripPrefix": {"table": "callingLocations", "key": "id", "column": "routingPrefix"}})")
            .find("needs a string member \"at\"") != std::string::npos);
}

TEST_CASE("snapshot-lookup unlessPathParam: skipped when the envelope's path names the resource", "[snapshot][path-param]") {
  RuleFixture f("[" + rule("email", "snapshot-lookup", "/email",
                           R"({"table": "people", "key": "email", "unlessPathParam": {"template": "/test/{personId}", "param": "personId"}})") + "]");
  const auto linter = f.linter(with({{"people.json", kPeople}}));
  const std::string body = R"({"email": "dan@example.com"})";
  auto envelope = [&](const std::string& path) {
    return R"({"operationId": "testOp", "path": ")" + path + R"(", "requestExamples": [{"example": )" + body + "}]}";
  };
  CHECK(messages(linter.lint(body, "t.json", "testOp")) == std::vector<std::string>{"/email dan@example.com"});
  CHECK(messages(linter.lint(envelope("/test/{personId}"), "t.json")) ==
        std::vector<std::string>{"/requestExamples/0/example/email dan@example.com"});
  CHECK(messages(linter.lint(envelope("/elsewhere/x"), "t.json")) ==
        std::vector<std::string>{"/requestExamples/0/example/email dan@example.com"});
  CHECK(linter.lint(envelope("https://webexapis.com/v1/test/abc?x=1"), "t.json").diagnostics.empty());
}

TEST_CASE("snapshot-lookup: a found row's cells are quoted clipped to 256 characters", "[snapshot]") {
  // A name of a megabyte would be copied into every finding that quotes it.
  const std::string name(100000, 'N');
  RuleFixture f("[" + rule("p", "snapshot-lookup", "/items/*/id", R"({"table": "people", "key": "id", "expect": "found"})",
                           "{displayName} at {key}") + "]");
  const std::string people = R"({"items": [{"id": ")" + std::string(kLic1) + R"(", "displayName": ")" + name + R"("}]})";
  const auto r = f.linter(with({{"people.json", people}})).lint(R"({"items": [{"id": ")" + std::string(kLic1) + R"("}]})", "t.json", "testOp");
  CHECK(messages(r) == std::vector<std::string>{"/items/0/id " + std::string(256, 'N') + "... at " + kLic1});
}

TEST_CASE("snapshot-lookup: regionFromLocation reads phone numbers only", "[snapshot][catalogue]") {
  RuleFixture f("[" + rule("ext", "snapshot-lookup", "/items/*/extension",
                           R"({"table": "extensions", "key": "extension", "regionFromLocation": "1/locationId"})") + "]");
  CHECK_THROWS_WITH(f.linter(), Catch::Contains("/rules/0/params/regionFromLocation: applies to a key column of phone numbers only"));
}
