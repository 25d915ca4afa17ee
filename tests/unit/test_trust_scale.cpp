// Input at scale (issue 10): wide objects are placed in n log n, a file lists at most
// maxFindingsPerRule findings of a rule and counts the rest exactly, and options nested
// deeper than the parser's limit are an error, not a stack overflow.
#include <wxlint/linter.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "document_diff.hpp"
#include "rule_fixture.hpp"
#include "support.hpp"

using wxlint::Diagnostic;
using wxlint::FileReport;
using wxlint::Severity;

namespace {

const std::string kLocation = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA";

// A move-users payload whose users are `user` n times.
std::string users(const std::string& user, int n) {
  std::string s = R"({"usersList": [{"locationId": ")" + kLocation + R"(", "validate": false, "users": [)";
  for (int i = 0; i < n; ++i) s += (i ? "," : "") + user;
  return s + "]}]}";
}

wxlint::Linter capped(std::size_t n) {
  wxlint::LinterOptions o;
  o.settings["maxFindingsPerRule"] = std::to_string(n);
  return wxlint::Linter::embedded(o);
}

std::vector<const Diagnostic*> of_rule(const FileReport& r, const std::string& rule) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.rule == rule) out.push_back(&d);
  return out;
}

std::string take(char*& error) {
  std::string s = error ? error : "";
  wxlint_string_free(error);
  error = nullptr;
  return s;
}

using test_support::cpu_seconds_since;
using test_support::kSlowBuild;

}  // namespace

TEST_CASE("scale: at most maxFindingsPerRule findings of a rule are listed, N listed, N+1 summed up", "[scale][cap]") {
  const wxlint::Linter linter = capped(3);
  SECTION("exactly N: all listed, no summary") {
    const FileReport r = linter.lint(users("[]", 3), "n.json");
    const auto type = of_rule(r, "schema/type");
    REQUIRE(type.size() == 3);
    CHECK(type.back()->message == "users[2] must be an object, not an array.");
    CHECK(r.count(Severity::error) == 3);
  }
  SECTION("N+1: N listed and one summary at the first unlisted finding") {
    const std::string text = users("[]", 4);
    const FileReport r = linter.lint(text, "n1.json");
    const auto type = of_rule(r, "schema/type");
    REQUIRE(type.size() == 4);
    const Diagnostic& s = *type.back();
    CHECK(s.code == "WX1001");
    CHECK(s.severity == Severity::error);
    CHECK(s.message == "... and 1 more finding of this rule in this file; only the first 3 are listed (setting maxFindingsPerRule).");
    CHECK(s.location.pointer == "/usersList/0/users/3");
    CHECK(s.location.column == text.rfind("[]") + 1);
    CHECK(r.count(Severity::error) == 4);
  }
  SECTION("many more: one summary counts them all, with digits grouped") {
    const FileReport r = linter.lint(users("[]", 1234), "many.json");
    REQUIRE(of_rule(r, "move-users/too-many-users").size() == 1);  // more than maxUsers
    const auto type = of_rule(r, "schema/type");
    REQUIRE(type.size() == 4);
    CHECK(type.back()->message ==
          "... and 1,231 more findings of this rule in this file; only the first 3 are listed (setting maxFindingsPerRule).");
    CHECK(r.count(Severity::error) == 1234 + 1);
    CHECK(r.count(Severity::warning) == 0);
  }
}

TEST_CASE("scale: counts stay exact for rule findings, the schema failures they explain, and envelopes", "[scale][counts]") {
  // Each user without a userId and with empty extension and phoneNumber: a userId rule finding
  // (that explains the schema's "required userId") and a number-or-extension finding.
  // Unlisted rule findings still explain their schema failure.
  const FileReport r = capped(2).lint(users(R"({"extension": "", "phoneNumber": ""})", 50), "objects.json");
  CHECK(of_rule(r, "schema/required").empty());
  for (const char* rule : {"move-users/user-id-required", "move-users/number-or-extension"}) {
    const auto found = of_rule(r, rule);
    REQUIRE(found.size() == 3);
    CHECK(found.back()->message.rfind("... and 48 more findings of this rule in this file;", 0) == 0);
  }
  CHECK(r.count(Severity::error) == 100);

  // The cap is per file: an envelope's examples share it.
  std::string envelope = R"({"operationId": "validateOrInitiateMoveUsersJob", "requestExamples": [)";
  for (int i = 0; i < 3; ++i) envelope += std::string(i ? "," : "") + R"({"example": )" + users("[]", 2) + "}";
  envelope += "]}";
  const FileReport e = capped(3).lint(envelope, "envelope.json");
  const auto type = of_rule(e, "schema/type");
  REQUIRE(type.size() == 4);
  CHECK(type.back()->message.rfind("... and 3 more findings of this rule in this file;", 0) == 0);
  CHECK(type.back()->location.pointer == "/requestExamples/1/example/usersList/0/users/1");
  CHECK(e.count(Severity::error) == 6);
}

TEST_CASE("scale: the parser's duplicate keys share the cap, with its own unlisted ones counted", "[scale][duplicates]") {
  // 100,000 repeats of one key: more than the parser lists (its memory budget) and than the cap.
  std::string text = R"({"usersList": [{"users": [{)";
  for (int i = 0; i < 100000; ++i) text += i ? R"(, "userId": "x")" : R"("userId": "x")";
  text += "}]}]}";
  const FileReport r = test_support::linter().lint(text, "dup.json");
  const auto dups = of_rule(r, "json/duplicate-key");
  REQUIRE(dups.size() == 1001);
  CHECK(dups.back()->message ==
        "... and 98,999 more findings of this rule in this file; only the first 1,000 are listed (setting maxFindingsPerRule).");
  CHECK(r.count(Severity::error) == 99999 + r.diagnostics.size() - dups.size());
}

TEST_CASE("scale: maxFindingsPerRule must be a whole number of at least 1", "[scale][setting]") {
  for (const char* bad : {"0", "-1", "1.5", "\"10\"", "-9223372036854775808"}) {
    INFO(bad);
    wxlint::LinterOptions o;
    o.settings["maxFindingsPerRule"] = bad;
    CHECK_THROWS_AS(wxlint::Linter::embedded(o), wxlint::ConfigError);
  }
  wxlint::LinterOptions o;
  o.settings["maxFindingsPerRule"] = "0";
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o), "setting \"maxFindingsPerRule\": must be a whole number of at least 1, not 0");
  o.settings["maxFindingsPerRule"] = "18446744073709551615";  // no cap at all
  CHECK(of_rule(wxlint::Linter::embedded(o).lint(users("[]", 1500), "all.json"), "schema/type").size() == 1500);
}

TEST_CASE("scale: the C ABI counts unlisted findings and takes the setting in its options", "[scale][c_api][counts]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_linter_new_embedded(R"({"settings": {"maxFindingsPerRule": 5}})", &linter, &error) == WXLINT_OK);
  const std::string text = users("[]", 40);
  wxlint_result* result = nullptr;
  REQUIRE(wxlint_lint(linter, text.data(), text.size(), "c.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(wxlint_result_count(result, WXLINT_SEVERITY_ERROR) == 40);
  CHECK(wxlint_result_count(result, -1) == 40);
  const std::string json = wxlint_result_json(result, nullptr);
  CHECK(json.find(R"("summary":{"files":1,"errors":40,"warnings":0,"infos":0})") != std::string::npos);
  CHECK(json.find("... and 35 more findings of this rule in this file") != std::string::npos);
  wxlint_result_free(result);
  wxlint_linter_free(linter);
}

TEST_CASE("scale: C ABI options nested deeper than 512 levels are an options error", "[scale][c_api][deep]") {
  const int depth = 150000;
  for (const std::string head : {R"({"settings": {"emergencyNumbers": )", R"({"disabled": )", "", R"({"x": )"}) {
    INFO(head);
    const std::string options = head + std::string(depth, '[') + std::string(depth, ']') + (head.empty() ? "" : "}}");
    wxlint_linter* linter = reinterpret_cast<wxlint_linter*>(1);
    char* error = nullptr;
    CHECK(wxlint_linter_new_embedded(options.c_str(), &linter, &error) == WXLINT_E_OPTIONS);
    CHECK(linter == nullptr);
    // Level 1 is the outermost value: the 513th bracket opens too deep.
    std::size_t at = 0;
    for (int level = 0;; ++at)
      if ((options[at] == '[' || options[at] == '{') && ++level == 513) break;
    CHECK(take(error) == "options: nesting deeper than 512 levels at offset " + std::to_string(at));
  }
  // 512 levels are JSON the options take: the rule reading the setting refuses the value.
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  const std::string ok = R"({"settings": {"emergencyNumbers": )" + std::string(510, '[') + std::string(510, ']') + "}}";
  CHECK(wxlint_linter_new_embedded(ok.c_str(), &linter, &error) == WXLINT_E_CONFIG);
  CHECK(linter == nullptr);
  CHECK(take(error) ==
        "setting \"emergencyNumbers\": must be a non-empty array of strings; rule assign-licenses/extension-emergency uses it as \"values\"");
}

TEST_CASE("scale: a setting nested 150,000 deep through the C++ API is a ConfigError", "[scale][deep]") {
  wxlint::LinterOptions o;
  o.settings["emergencyNumbers"] = std::string(150000, '[') + std::string(150000, ']');
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o), "setting \"emergencyNumbers\": nesting deeper than 512 levels");
}

TEST_CASE("scale: 100,000 distinct members, each with a finding, are placed in linear time", "[scale][wide][slow]") {
  // Placed from the DOM (keys of 16 bytes or more point into the text) as the skim places
  // them, the first of a repeated key included.
  const auto key = [](int i) { return "\"a-long-member-name-" + std::to_string(i % 90000) + "\""; };
  std::string wide = "{";
  for (int i = 0; i < 100000; ++i) wide += (i ? ", " : "") + key(i) + ": \"a long string value " + std::to_string(i) + "\"";
  wide += "}";
  const wxlint::Document dom(wide, true), skim(wide, false);
  auto t0 = std::clock();
  CHECK(wxlint::testing::span_diff(dom, skim) == "");
  CHECK(cpu_seconds_since(t0) < 10.0 * kSlowBuild);
  const std::vector<wxlint::Span> s = dom.locate({"/a-long-member-name-7", "/a-long-member-name-90000"});
  CHECK(wide.substr(s[0].begin, s[0].end - s[0].begin) == "\"a long string value 7\"");  // not 90007
  CHECK(s[0].key_begin == wide.find(key(7)));
  CHECK_FALSE(s[1].found);
  CHECK_FALSE(wxlint::Document(R"({"an-empty-object-here": {}})", true).locate({"/an-empty-object-here/x"})[0].found);

  // Through the whole lint, every finding listed.
  std::string text = R"({"usersList": [{"locationId": ")" + kLocation + R"(", "validate": false, "users": [{"userId": "u")";
  for (int i = 0; i < 100000; ++i) text += ", \"x" + std::to_string(i) + "\": 1";
  text += "}]}]}";
  t0 = std::clock();
  const FileReport r = capped(1000000).lint(text, "wide.json");
  CHECK(cpu_seconds_since(t0) < 5.0 * kSlowBuild);
  const auto unknown = of_rule(r, "schema/unknown-property");
  REQUIRE(unknown.size() == 100000);
  CHECK(unknown.back()->location.pointer == "/usersList/0/users/0/x99999");
  CHECK(unknown.back()->location.column == text.find("\"x99999\"") + 1);
}

TEST_CASE("scale: a rule condition on a wide parent is resolved once, not once per member", "[scale][wide][conditions]") {
  // Every member of the root is checked when the root's last member says so.
  const test_support::RuleFixture f("[" +
                                    test_support::rule("t", "type", "/*", R"({"types": ["string"]})", "{pointer}",
                                                       R"(, "when": {"1/switchedOn": true})") +
                                    "]");
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += "\"k" + std::to_string(1000000000 + i) + "\": 1, ";  // as long as switchedOn
  text += "\"switchedOn\": true}";
  const wxlint::Linter linter = f.linter();
  const auto t0 = std::clock();
  const FileReport r = linter.lint(text, "w.json", "testOp");
  CHECK(cpu_seconds_since(t0) < 5.0 * kSlowBuild);
  CHECK(r.count(Severity::error) == 100001);
}
