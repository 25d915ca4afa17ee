// Organisation policies: the `pattern` check kind (RE2), pattern and patternProperties in
// schemas, and rule files layered on top of the catalogue (LinterOptions::rule_files).
#include "config/rule_files.hpp"
#include "engine/regex.hpp"
#include "rule_fixture.hpp"
#include "schema_failures.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

using test_support::error_of;
using test_support::failures;
using test_support::rule;
using test_support::RuleFixture;
using test_support::seconds_of;

namespace {

// A policy file in a fresh directory, removed at the end.
class PolicyFile {
 public:
  explicit PolicyFile(const std::string& text, const std::string& name = "org.rules.json") {
    static int counter = 0;
    dir_ = std::filesystem::temp_directory_path() / ("wxlint-policy-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
    std::ofstream(path_) << text;
  }
  ~PolicyFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }
  wxlint::LinterOptions options() const {
    wxlint::LinterOptions o;
    o.rule_files = {path_};
    return o;
  }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

const std::string kContacts = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
  {"contactId": "6847ee0f-5e9c-4403-9f0e-0aa8552f7828", "displayName": "Agent 007", "source": "CH",
   "emails": [{"value": "a@example.com", "type": "work", "primary": true}]}]})";

}  // namespace

TEST_CASE("Regex: RE2 syntax, search semantics, RE2's complaint for a bad pattern", "[policy]") {
  std::string error;
  auto re = wxlint::Regex::compile("^2[0-9]{3}$", error);
  REQUIRE(re);
  CHECK(re->search("2001"));
  CHECK_FALSE(re->search("3001"));
  CHECK_FALSE(re->search("20011"));
  auto digits = wxlint::Regex::compile("[0-9]+", error);
  REQUIRE(digits);
  CHECK(digits->find("Agent 007x") == std::optional<std::pair<std::size_t, std::size_t>>({6, 3}));
  CHECK_FALSE(digits->find("Agent"));
  CHECK_FALSE(wxlint::Regex::compile("a(b", error));
  CHECK(error == "missing ): a(b");
  CHECK_FALSE(wxlint::Regex::compile("(?=x)", error));  // no lookahead: RE2 cannot backtrack
  CHECK(error == "invalid perl operator: (?=");
  CHECK_FALSE(wxlint::Regex::compile("(a)\\1", error));
  CHECK(error == "invalid escape sequence: \\1");
}

TEST_CASE("Regex: a pattern that makes a backtracking engine hang finishes at once", "[policy]") {
  std::string error;
  auto re = wxlint::Regex::compile("^(a+)+$", error);
  REQUIRE(re);
  const std::string input = std::string(1 << 20, 'a') + "!";  // std::regex: 2^n steps (and a stack overflow)
  bool matched = true;
  CHECK(seconds_of([&] { matched = re->search(input); }) < 1.0);
  CHECK_FALSE(matched);
}

TEST_CASE("pattern check: must match, or must not, with the pattern and the match as placeholders", "[policy]") {
  RuleFixture f("[" +
                rule("ext", "pattern", "/items/*/ext", R"({"regex": "^2[0-9]{3}$"})", "extension {value} is not {pattern}") + "," +
                rule("name", "pattern", "/items/*/name", R"({"regex": "[0-9]+", "expect": "no-match", "skipEmpty": true})",
                     "name {value} holds digits: {match}") +
                "]");
  const auto l = f.linter();
  const auto r = l.lint(R"({"items": [{"ext": "2001", "name": "Ann"}, {"ext": "3001", "name": "Agent 007"},
                                      {"ext": 2001, "name": ""}, {"ext": "", "name": 7}]})", "t.json");
  REQUIRE(r.diagnostics.size() == 3);
  CHECK(r.diagnostics[0].location.pointer == "/items/1/ext");
  CHECK(r.diagnostics[0].message == "extension 3001 is not ^2[0-9]{3}$");
  CHECK(r.diagnostics[1].location.pointer == "/items/1/name");
  CHECK(r.diagnostics[1].message == "name Agent 007 holds digits: 007");
  CHECK(r.diagnostics[2].location.pointer == "/items/3/ext");  // "" is judged unless skipEmpty
  CHECK(r.diagnostics[2].location.line == 2);
}

TEST_CASE("pattern check: a bad regex or parameter is a load error at its place", "[policy]") {
  auto load = [](const std::string& params) {
    return error_of([&] { RuleFixture("[" + rule("p", "pattern", "/items/*", params) + "]").linter(); });
  };
  CHECK_THAT(load(R"({"regex": "a(b"})"),
             Catch::Matches(".*rules/test\\.rules\\.json:1:[0-9]+: /rules/0/params/regex: is not a valid RE2 regular "
                            "expression: missing \\): a\\(b"));
  CHECK_THAT(load(R"({"regex": "(?<!x)y"})"), Catch::Contains("/rules/0/params/regex: is not a valid RE2 regular expression: invalid perl operator: (?<"));
  CHECK_THAT(load(R"({"regex": "x", "expect": "nomatch"})"), Catch::Contains("/rules/0/params/expect: must be \"match\" or \"no-match\""));
  CHECK_THAT(load(R"({})"), Catch::Contains("/rules/0/params/regex: is required"));
  CHECK_THAT(load(R"({"regex": "x", "flags": "i"})"), Catch::Contains("/rules/0/params/flags: unknown parameter"));
}

TEST_CASE("pattern check: a pathological pattern and value finish at once", "[policy]") {
  RuleFixture f("[" + rule("p", "pattern", "/items/*", R"({"regex": "^(x+x+)+y$"})") + "]");
  const auto l = f.linter();
  const std::string payload = R"({"items": [")" + std::string(200000, 'x') + R"("]})";
  wxlint::FileReport r;
  CHECK(seconds_of([&] { r = l.lint(payload, "t.json"); }) < 1.0);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].location.pointer == "/items/0");
}

TEST_CASE("schemas: pattern is evaluated with RE2 by both schema engines", "[policy]") {
  const std::string schema = R"({"type": "object", "properties": {"ext": {"type": "string", "pattern": "^2[0-9]{3}$"}}})";
  const std::vector<std::string> expected{"pattern /ext value=3001 pattern=^2[0-9]{3}$"};
  CHECK(failures(schema, R"({"ext": "3001"})") == expected);
  CHECK(failures(schema, R"({"ext": "3001"})", wxlint::SchemaEngine::valijson) == expected);
  CHECK(failures(schema, R"({"ext": "2001"})", wxlint::SchemaEngine::valijson).empty());
  // anyOf is valijson's: the pattern inside it is still RE2's.
  const std::string any = R"({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^(a+)+$"}]})";
  CHECK(failures(any, R"("aaa")").empty());
  const std::string hostile = "\"" + std::string(100000, 'a') + "!\"";
  std::vector<std::string> seen;
  CHECK(seconds_of([&] { seen = failures(any, hostile); }) < 1.0);
  // valijson's anyOf: each branch's failure (the pattern's through RE2).
  CHECK(seen == std::vector<std::string>{"type  field=the request expected=another type actual=a string",
                                         "pattern  value=" + std::string(80, 'a') + "... pattern=^(a+)+$"});
}

TEST_CASE("schemas: patternProperties validates matching members, which are not unknown", "[policy]") {
  const std::string schema = R"({"type": "object", "additionalProperties": false,
    "properties": {"ext": {"type": "string"}},
    "patternProperties": {"^x-[a-z]+$": {"type": "string", "pattern": "^[^0-9]*$"}}})";
  CHECK(failures(schema, R"({"ext": "1", "x-name": "Agent 007", "x-ok": "fine", "x-bad": 5, "other": 1})") ==
        std::vector<std::string>{"pattern /x-name value=Agent 007 pattern=^[^0-9]*$",
                                 "type /x-bad field=x-bad expected=a string actual=an integer",
                                 "additionalProperties /other field=other hint="});
  // Beside a keyword only valijson evaluates, RE2's too (test_schema_pattern_properties.cpp).
  CHECK(failures(R"({"anyOf": [{"patternProperties": {"^a": {"type": "string"}}}]})", R"({"a": "x"})").empty());
}

TEST_CASE("schemas: an invalid pattern is a load error at file:line:col with RE2's complaint", "[policy]") {
  RuleFixture f("[]", "{}", "{\"type\": \"object\",\n \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"a(b\"}}}");
  CHECK(error_of([&] { f.linter(); }) ==
        f.shown("schemas/test.schema.json") + ":2:52: /properties/a/pattern: not a valid RE2 regular expression: missing ): a(b");
  RuleFixture g("[]", "{}", R"X({"patternProperties": {"(?=x)": {}}})X");
  CHECK(error_of([&] { g.linter(); }) ==
        g.shown("schemas/test.schema.json") + ":1:33: /patternProperties/(?=x): not a valid RE2 regular expression: invalid perl operator: (?=");
  // Instances are data, not schemas; under properties, names are not keywords.
  RuleFixture h("[]", "{}", R"({"properties": {"default": {"type": "object"}, "enum": {"pattern": "a"}},
    "default": {"pattern": "("}, "examples": [{"format": "date"}], "enum": [{"pattern": "("}, {}]})");
  CHECK_NOTHROW(h.linter());
  RuleFixture root("[]", "{}", "[]");
  CHECK(error_of([&] { root.linter(); }) == root.shown("schemas/test.schema.json") + ":1:1: (root): a JSON Schema must be an object");
  RuleFixture i("[]", "{}", R"({"properties": {"default": {"pattern": "("}}})");
  CHECK(error_of([&] { i.linter(); }) ==
        i.shown("schemas/test.schema.json") + ":1:40: /properties/default/pattern: not a valid RE2 regular expression: missing ): (");
}

TEST_CASE("layering: a rule file names an existing operation and adds a rule to it", "[policy]") {
  PolicyFile policy(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [
    {"id": "org/display-name-digits", "code": "ORG-001", "severity": "warning", "check": "pattern",
     "at": "/contacts/*/displayName", "params": {"regex": "[0-9]", "expect": "no-match"},
     "message": "displayName \"{value}\" holds a digit.", "summary": "s", "description": "d"}]})");
  const auto l = wxlint::Linter::embedded(policy.options());
  const auto r = l.lint(kContacts, "c.json");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "org/display-name-digits");
  CHECK(r.diagnostics[0].code == "ORG-001");
  CHECK(r.diagnostics[0].severity == wxlint::Severity::warning);
  CHECK(r.diagnostics[0].location.pointer == "/contacts/0/displayName");
  CHECK(r.diagnostics[0].message == "displayName \"Agent 007\" holds a digit.");
  CHECK(r.diagnostics[0].location.line == 2);
  // The built-in rules are all still there, and the policy's rule is listed with them.
  CHECK(l.rules().size() == test_support::linter().rules().size() + 1);
  const auto doc = std::find_if(l.rules().begin(), l.rules().end(), [](const auto& d) { return d.id == "org/display-name-digits"; });
  REQUIRE(doc != l.rules().end());
  CHECK(doc->operation == "Bulk Create or Update Contacts");
  // The user's options reach policy rules too.
  auto o = policy.options();
  o.disabled = {"ORG-001"};
  CHECK(wxlint::Linter::embedded(o).lint(kContacts, "c.json").diagnostics.empty());
}

TEST_CASE("layering: a rule file overrides an operation's settings; the user's options win", "[policy]") {
  PolicyFile policy(R"({"operation": "validateOrInitiateMoveUsersJob", "settings": {"maxUsers": 1, "orgPrefix": "2"},
    "rules": [{"id": "org/ext-prefix", "code": "ORG-002", "severity": "error", "check": "pattern",
      "at": "/usersList/*/users/*/extension", "params": {"regex": {"$setting": "orgPrefix"}},
      "message": "extension {value} lacks {pattern}", "summary": "s", "description": "d"}]})");
  const std::string payload = R"({"usersList": [{"locationId": "x", "validate": true, "users": [
    {"userId": "a", "extension": "2001"}, {"userId": "b", "extension": "3001"}]}]})";
  auto ids = [&](const wxlint::LinterOptions& o) {
    std::vector<std::string> out;
    for (const auto& d : wxlint::Linter::embedded(o).lint(payload, "m.json").diagnostics)
      if (d.rule.starts_with("org/") || d.rule == "move-users/too-many-users") out.push_back(d.rule + " " + d.location.pointer);
    return out;
  };
  CHECK(ids(policy.options()) == std::vector<std::string>{"move-users/too-many-users /usersList/0/users/1",
                                                          "org/ext-prefix /usersList/0/users/1/extension"});
  auto o = policy.options();
  o.settings = {{"maxUsers", "5"}, {"orgPrefix", "\"^[23]\""}};
  CHECK(ids(o).empty());
}

TEST_CASE("layering: errors name the policy file, line, column and pointer", "[policy]") {
  auto load = [](const std::string& text) {
    PolicyFile policy(text);
    std::string e = error_of([&] { wxlint::Linter::embedded(policy.options()); });
    const std::string dir = std::filesystem::path(policy.path()).parent_path().string() + "/";
    return e.starts_with(dir) ? e.substr(dir.size()) : e;
  };
  const std::string rule_json = R"({"id": "org/x", "code": "ORG-1", "severity": "error", "check": "pattern",
     "at": "/contacts/*/displayName", "params": {"regex": "x"}, "message": "m", "summary": "s", "description": "d"})";
  CHECK(load(R"({"operation": "bulkCreateOrUpdateContact", "rules": []})") ==
        "org.rules.json:1:15: /operation: unknown operation \"bulkCreateOrUpdateContact\"; did you mean "
        "\"bulkCreateOrUpdateContacts\"? (known: Add Phone Numbers to a location, Assign_Licenses_to_Users, Bulk Create or Update Contacts, Bulk Delete Contacts, Create a Contact, createLocation, Create a Person, createWorkspace, Initiate Number Jobs, User bulk API, Update a Contact, Update a Person, validateOrInitiateMoveUsersJob)");
  CHECK(load(R"({"rules": [)" + rule_json + "]}") ==
        "org.rules.json:1:1: (root): a rule file added on top of the catalogue names the operation it adds rules to: "
        "\"operation\": \"<operationId>\" (known: Add Phone Numbers to a location, Assign_Licenses_to_Users, Bulk Create or Update Contacts, Bulk Delete Contacts, Create a Contact, createLocation, Create a Person, createWorkspace, Initiate Number Jobs, User bulk API, Update a Contact, Update a Person, validateOrInitiateMoveUsersJob)");
  std::string dup = rule_json;
  dup.replace(dup.find("org/x"), 5, "contacts/phone-e164");
  CHECK(load("{\"operation\": \"bulkCreateOrUpdateContacts\",\n \"rules\": [" + dup + "]}") ==
        "org.rules.json:2:19: /rules/0/id: rule id \"contacts/phone-e164\" is used twice (first in "
        "rules/bulkCreateOrUpdateContacts.rules.json)");
  std::string kind = rule_json;
  kind.replace(kind.find("\"pattern\""), 9, "\"patern\"");
  CHECK_THAT(load(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [)" + kind + "]}"),
             Catch::StartsWith("org.rules.json:1:118: /rules/0/check: unknown check kind \"patern\"; did you mean \"pattern\"? (known: "));
  std::string params = rule_json;
  params.replace(params.find("\"regex\": \"x\""), 12, "\"regex\": \"x(\"");
  CHECK(load(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [)" + params + "]}") ==
        "org.rules.json:2:59: /rules/0/params/regex: is not a valid RE2 regular expression: missing ): x(");
  CHECK(load(R"({"operation": "validateOrInitiateMoveUsersJob", "settings": {"maxUsers": "many"}, "rules": []})") ==
        "org.rules.json:1:74: /settings/maxUsers: must be an integer like the default 100 in "
        "rules/validateOrInitiateMoveUsersJob.rules.json, not a string");
  CHECK(load(R"({"operation": {"id": "validateOrInitiateMoveUsersJob", "method": "POST", "path": "/x"}, "rules": []})") ==
        "org.rules.json:1:22: /operation/id: operation \"validateOrInitiateMoveUsersJob\" is defined twice; to add "
        "rules to it, write \"operation\": \"validateOrInitiateMoveUsersJob\"");
  // The meta-schema's findings, each at its place (the first one's file is the error's start).
  CHECK_THAT(load(R"({"operation": "validateOrInitiateMoveUsersJob", "rules": [{"id": "x"}]})"),
             Catch::StartsWith("org.rules.json:1:59: /rules/0: missing required member \"check\"\n") &&
                 Catch::Contains("org.rules.json:1:59: /rules/0: missing required member \"severity\"\n") &&
                 Catch::EndsWith("/org.rules.json: 1 more problem not listed"));
  // A required parameter, not there, is placed where it belongs: at the rule.
  const auto replaced = [](std::string text, const std::string& from, const std::string& to) {
    return text.replace(text.find(from), from.size(), to);
  };
  const std::string no_params = replaced(rule_json, ", \"params\": {\"regex\": \"x\"}", "");
  CHECK(load(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [)" + no_params + "]}") ==
        "org.rules.json:1:55: /rules/0/params/regex: is required");
  // A misspelt outcome would turn the rule off without a word.
  const std::string outcome = replaced(replaced(rule_json, "\"pattern\"", "\"format\""), "{\"regex\": \"x\"}",
                                       "{\"format\": \"email\", \"outcomes\": [\"Invalid\"]}");
  CHECK(load(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [)" + outcome + "]}") ==
        "org.rules.json:2:81: /rules/0/params/outcomes: \"Invalid\" is no outcome of the format email (it has \"invalid\")");
  CHECK_THAT(error_of([] {
               wxlint::LinterOptions o;
               o.rule_files = {"/nonexistent/org.rules.json"};
               wxlint::Linter::embedded(o);
             }),
             Catch::StartsWith("/nonexistent/org.rules.json: "));
  CHECK(error_of([] {
          wxlint::LinterOptions o;
          o.rule_files = {""};
          wxlint::Linter::embedded(o);
        }) == "a rule file's path is empty: give the file");
}

TEST_CASE("layering: a message may use only the placeholders its check fills", "[policy]") {
  auto load = [](const std::string& check, const std::string& params, const std::string& message) {
    PolicyFile policy(R"({"operation": "validateOrInitiateMoveUsersJob", "rules": [
{"id": "org/x", "code": "ORG-1", "severity": "error", "check": ")" + check + R"(", "at": "/usersList/*/users/*/extension",
 "params": )" + params + R"(, "summary": "s", "description": "d",
 "message": ")" + message + R"("}]})");
    std::string e = error_of([&] { wxlint::Linter::embedded(policy.options()); });
    const std::string dir = std::filesystem::path(policy.path()).parent_path().string() + "/";
    return e.starts_with(dir) ? e.substr(dir.size()) : e;
  };
  const std::string length = R"({"min": 4, "max": 6})";
  CHECK(load("length", length, "{value} ({pointer}) has {length} digits, not {min} to {max}") == "no error");
  // count fills both bounds, whichever was crossed; a bound the rule lacks, never.
  CHECK(load("count", R"({"min": 1, "max": 3})", "{count}, not {min} to {max}") == "no error");
  CHECK(load("count", R"({"min": 1})", "{count}, not {min} to {max}") ==
        "org.rules.json:4:13: /rules/0/message: placeholder {max} is never filled by this rule: the rule has no \"max\"; "
        "it would show as it is in every finding");
  // webex-id: {type} and {expected} are the wrong-type outcome's.
  CHECK(load("webex-id", R"({"outcome": "malformed"})", "{type}: {problem}") ==
        "org.rules.json:4:13: /rules/0/message: placeholder {type} is never filled by this rule: it is filled for the "
        "\"wrong-type\" outcome; it would show as it is in every finding");
  CHECK(load("length", length, "Extension {valeu} is too long.") ==
        "org.rules.json:4:13: /rules/0/message: unknown placeholder {valeu}; did you mean {value}? (a length rule's "
        "message can use {value}, {pointer}, {other}, {length}, {min}, {max})");
  CHECK(load("length", length, "{value} is {zzz}") ==
        "org.rules.json:4:13: /rules/0/message: unknown placeholder {zzz} (a length rule's message can use {value}, "
        "{pointer}, {other}, {length}, {min}, {max})");
  // Braces around what is not a name are text, as render() leaves them.
  CHECK(load("length", length, "{} { 'a': 1 } {value") == "no error");
  // snapshot-lookup: the found row's columns, and the prefix row's with stripPrefix.
  const std::string numbers = R"({"table": "numbers", "key": "extension", "expect": "found"})";
  CHECK(load("snapshot-lookup", numbers, "{key} is held by {ownerName} ({ownerType})") == "no error");
  // Expecting the value missing, there is no row: its columns would show as written.
  CHECK(load("snapshot-lookup", R"({"table": "numbers", "key": "extension"})", "{key} is not {ownerName}'s") ==
        "org.rules.json:4:13: /rules/0/message: placeholder {ownerName} is never filled by this rule: it is a found "
        "row's column, and the rule expects the value missing; it would show as it is in every finding");
  CHECK(load("snapshot-lookup", numbers, "{key} is held by {ownerNmae}").starts_with(
        "org.rules.json:4:13: /rules/0/message: unknown placeholder {ownerNmae}; did you mean {ownerName}? (a "
        "snapshot-lookup rule's message can use {value}, {pointer}, {other}, {key}, {phoneNumber}, {extension}, "));
  CHECK(load("snapshot-lookup", numbers, "{prefix.name}").starts_with(
        "org.rules.json:4:13: /rules/0/message: unknown placeholder {prefix.name} ("));
  const std::string stripped = R"({"table": "numbers", "key": "extension", "expect": "found", "stripPrefix": {"table": "callingLocations",
    "key": "id", "column": "routingPrefix", "at": "3/locationId"}})";
  CHECK(load("snapshot-lookup", stripped, "{key} after {prefix} of {prefix.name}: {ownerName}") == "no error");
}

TEST_CASE("layering: a rule's at, when and unless must name places the request can have", "[policy]") {
  auto load = [](const std::string& rule) {
    PolicyFile policy(R"({"operation": "validateOrInitiateMoveUsersJob", "rules": [
{"id": "org/x", "code": "ORG-1", "severity": "error", "summary": "s", "description": "d", "message": "m", )" + rule + "}]}");
    std::string e = error_of([&] { wxlint::Linter::embedded(policy.options()); });
    const std::string dir = std::filesystem::path(policy.path()).parent_path().string() + "/";
    return e.starts_with(dir) ? e.substr(dir.size()) : e;
  };
  const std::string pattern = R"("check": "pattern", "params": {"regex": "^2"}, )";
  CHECK(load(pattern + R"("at": "/usersList/*/users/*/extention")") ==
        "org.rules.json:2:160: /rules/0/at: \"/usersList/*/users/*/extention\" matches nothing: the request schema allows "
        "no \"extention\" at /usersList/*/users/*; did you mean \"extension\"? (the rule would never apply)");
  CHECK(load(pattern + R"("at": "/usersList/*/locationId/*")") ==
        "org.rules.json:2:160: /rules/0/at: \"/usersList/*/locationId/*\" matches nothing: the request schema allows no "
        "member or item at /usersList/*/locationId (the rule would never apply)");
  CHECK(load(R"("check": "pattern", "params": {"regex": "^2"})") == "org.rules.json:2:1: /rules/0: a rule with a check names where it applies: \"at\", a "
                         "JSON pointer pattern (\"*\" for every item or member, \"\" for the whole request)");
  const std::string at = pattern + R"("at": "/usersList/*/users/*/extension", )";
  CHECK(load(at + R"("when": {"1/userID": "x"})") ==
        "org.rules.json:2:215: /rules/0/when/1~1userID: \"1/userID\" names nothing: the request schema allows no "
        "\"userID\" at /usersList/*/users/*; did you mean \"userId\"?");
  CHECK(load(at + R"("unless": [{"1/phoneNumber": "x"}, {"6/userId": "x"}])") ==
        "org.rules.json:2:242: /rules/0/unless/1/6~1userId: \"6/userId\" climbs 6 levels from "
        "\"/usersList/*/users/*/extension\", above the request's root: it names nothing");
  // A WX code is wxlint's own; a Webex API code may be shared.
  CHECK(load(R"("check": "forbidden", "at": "/usersList/*/users/*/mobile")").find("WX") == std::string::npos);
  PolicyFile wx(R"({"operation": "validateOrInitiateMoveUsersJob", "rules": [
{"id": "org/x", "code": "WX0001", "severity": "error", "summary": "s", "description": "d", "message": "m", "check": "forbidden", "at": "/usersList/*/users/*/mobile"}]})");
  CHECK(error_of([&] { wxlint::Linter::embedded(wx.options()); }) ==
        wx.path() + ":2:25: /rules/0/code: \"WX0001\" is a code of wxlint's own (WX and digits); give the rule a code of "
                    "your organisation's, such as \"ORG001\" (a Webex API code, such as \"4202\", may be shared)");
  // Places the request can have: items by index, any member, a pointer up to the request's root.
  CHECK(load(pattern + R"("at": "/usersList/0/users/1/*", "when": {"4/0/validate": true, "4": []})") == "no error");
  // A "when" value of a type the place cannot hold never holds ("unless" may name one: a GET's value in a PUT).
  CHECK(load(pattern + R"("at": "/usersList/*/locationId", "when": {"1/validate": "false"})") ==
        "org.rules.json:2:210: /rules/0/when/1~1validate: \"1/validate\" never holds: the request schema allows no "
        "string (\"false\") at /usersList/*/validate");
  CHECK(load(pattern + R"("at": "/usersList/*/locationId", "unless": {"1/validate": "false"})") == "no error");
  // A forbidden member is one the schema lacks; its object must be one it has.
  CHECK(load(R"("check": "forbidden", "at": "/usersList/*/users/*/mobile")") == "no error");
  // ...and its conditions on the member itself are its to judge: "forbidden unless empty".
  CHECK(load(R"("check": "forbidden", "at": "/usersList/*/users/*/mobile", "unless": {"0": ""}, "when": {"0/x": 1})") ==
        "no error");
  // A pattern deeper than any payload wxlint reads matches nothing (and is not walked).
  std::string deep = "/usersList";
  for (int i = 0; i < 600; ++i) deep += "/0";
  CHECK(load(pattern + R"("at": ")" + deep + "\"") ==
        "org.rules.json:2:160: /rules/0/at: \"" + deep + "\" matches nothing: it is 601 levels deep, and wxlint reads "
        "no payload deeper than 512 (the rule would never apply)");
  CHECK(load(R"("check": "forbidden", "at": "/usersList/*/user/*/mobile")") ==
        "org.rules.json:2:135: /rules/0/at: \"/usersList/*/user/*/mobile\" matches nothing: the request schema allows "
        "no \"user\" at /usersList/*; did you mean \"users\"? (the rule would never apply)");
}

TEST_CASE("layering: the C ABI takes rule files in its options' \"rules\"", "[policy][c_api]") {
  PolicyFile policy(R"({"operation": "bulkCreateOrUpdateContacts", "rules": [
    {"id": "org/display-name-digits", "code": "ORG-001", "severity": "warning", "check": "pattern",
     "at": "/contacts/*/displayName", "params": {"regex": "[0-9]", "expect": "no-match"},
     "message": "m", "summary": "s", "description": "d"}]})");
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  const std::string options = R"({"rules": [")" + policy.path() + R"("]})";
  REQUIRE(wxlint_linter_new_embedded(options.c_str(), &linter, &error) == WXLINT_OK);
  wxlint_result* result = nullptr;
  REQUIRE(wxlint_lint(linter, kContacts.data(), kContacts.size(), "c.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(wxlint_result_count(result, WXLINT_SEVERITY_WARNING) == 1);
  CHECK(std::string(wxlint_result_json(result, nullptr)).find("\"rule\":\"org/display-name-digits\"") != std::string::npos);
  wxlint_result_free(result);
  wxlint_linter_free(linter);
  CHECK(wxlint_linter_new_embedded(R"({"rules": "x.rules.json"})", &linter, &error) == WXLINT_E_OPTIONS);
  CHECK(std::string(error) == "options: \"rules\" must be an array of rule file paths");
  wxlint_string_free(error);
  CHECK(wxlint_linter_new_embedded(R"({"rules": ["/nonexistent/x.rules.json"]})", &linter, &error) != WXLINT_OK);
  CHECK(std::string(error).starts_with("/nonexistent/x.rules.json: "));
  wxlint_string_free(error);
}

TEST_CASE("pattern check: a must-match rule replaces the schema's pattern finding at its place", "[policy]") {
  const std::string schema = R"({"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object",
    "properties": {"ext": {"type": "string", "pattern": "^[0-9]+$"}, "tag": {"type": "string", "pattern": "^[a-z]+$"}}}}}})";
  RuleFixture f("[" + rule("ext", "pattern", "/items/*/ext", R"({"regex": "^2[0-9]{3}$"})", "ours: {value}") + "]", "{}", schema);
  const auto r = f.linter().lint(R"({"items": [{"ext": "x1", "tag": "A"}]})", "t.json");
  CHECK(test_support::rule_ids(r) == std::vector<std::string>{"ext", "schema/pattern"});
  CHECK(test_support::messages(r) == std::vector<std::string>{"ours: x1", "\"A\" does not match the pattern ^[a-z]+$."});
}

TEST_CASE("layering: config globs find rule files below the config's directory, sorted", "[policy]") {
  PolicyFile root("{}", "top.rules.json");
  const std::string dir = std::filesystem::path(root.path()).parent_path().string();
  for (const char* f : {"policy/b.rules.json", "policy/a.rules.json", "policy/deep/c.rules.json", "policy/notes.md"}) {
    const std::filesystem::path p = std::filesystem::path(dir) / f;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << "{}";
  }
  auto names = [&](const std::string& pattern) {
    std::vector<std::string> out;
    for (const auto& p : wxlint::glob_files(pattern, dir)) out.push_back(std::filesystem::path(p).lexically_relative(dir).generic_string());
    return out;
  };
  CHECK(names("policy/*.rules.json") == std::vector<std::string>{"policy/a.rules.json", "policy/b.rules.json"});
  CHECK(names("policy/**/*.rules.json") ==
        std::vector<std::string>{"policy/a.rules.json", "policy/b.rules.json", "policy/deep/c.rules.json"});
  CHECK(names("*.rules.json") == std::vector<std::string>{"top.rules.json"});
  CHECK(names("policy/*/c.rules.json") == std::vector<std::string>{"policy/deep/c.rules.json"});
  CHECK(names("nope/*.json").empty());
  CHECK(names("policy/x.rules.json") == std::vector<std::string>{"policy/x.rules.json"});  // literal: as named
  // An absolute pattern matches absolute paths, wherever the config is.
  const std::string absolute = std::filesystem::path(dir).generic_string() + "/policy/*.rules.json";
  CHECK(wxlint::glob_files(absolute, "/") == std::vector<std::string>{dir + "/policy/a.rules.json", dir + "/policy/b.rules.json"});
  CHECK(names(absolute) == std::vector<std::string>{"policy/a.rules.json", "policy/b.rules.json"});
}
