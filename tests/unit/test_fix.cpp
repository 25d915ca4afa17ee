// The fix model: rule files opting in, fixes resolved to byte edits of the file, one pass
// of apply_fixes (overlaps, order), Linter::fix's loop, and the fixes in the reports.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <wxlint/linter.hpp>
#include <wxlint/report.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <map>

using test_support::rule;
using test_support::RuleFixture;

namespace {

std::string error_of(const std::string& rules) {
  RuleFixture f(rules);
  try {
    f.linter();
  } catch (const wxlint::ConfigError& e) {
    std::string message = e.what();  // named relative to the fixture's directory
    if (const std::string dir = f.dir().string() + "/"; message.starts_with(dir)) message.erase(0, dir.size());
    return message;
  }
  return "no error";
}

const wxlint::Diagnostic& only(const wxlint::FileReport& r) {
  REQUIRE(r.diagnostics.size() == 1);
  return r.diagnostics.front();
}

}  // namespace

TEST_CASE("a rule's \"fix\" must name a fix its kind offers, at the member's place", "[fix]") {
  CHECK(error_of("[" + rule("a", "enum", "/items/*", R"({"values": ["x"]})", "m", R"(, "fix": "trim")") + "]") ==
        "rules/test.rules.json:1:286: /rules/0/fix: unknown fix \"trim\": check kind enum offers \"did-you-mean\"");
  CHECK_THAT(error_of("[" + rule("a", "required", "/items", R"({"field": "x"})", "m", R"(, "fix": "trim")") + "]"),
             Catch::EndsWith("/rules/0/fix: unknown fix \"trim\": check kind required offers no fix"));
  CHECK_THAT(error_of("[" + rule("a", "enum", "/items/*", R"({"values": ["x"]})", "m", R"(, "fix": 1)") + "]"),
             Catch::Contains("/rules/0/fix"));
}

TEST_CASE("a fix is offered only by rules that opt in", "[fix]") {
  const std::string with = rule("a", "enum", "/items/*", R"({"values": ["work"]})", "m", R"(, "fix": "did-you-mean")");
  const std::string without = rule("b", "enum", "/other/*", R"({"values": ["work"]})");
  RuleFixture f("[" + with + "," + without + "]");
  const auto linter = f.linter();
  const auto r = linter.lint(R"({"items": ["WORK"], "other": ["WORK"]})", "t.json");
  REQUIRE(r.diagnostics.size() == 2);
  REQUIRE(r.diagnostics[0].fix);
  CHECK_FALSE(r.diagnostics[1].fix);
  const wxlint::Fix& fix = *r.diagnostics[0].fix;
  CHECK(fix.safe);  // only the case differs
  CHECK(fix.message == "Replace \"WORK\" with \"work\".");
  REQUIRE(fix.edits.size() == 1);
  CHECK(fix.edits[0].offset == 11);
  CHECK(fix.edits[0].length == 6);
  CHECK(fix.edits[0].text == "\"work\"");
}

TEST_CASE("a did-you-mean that is not only a matter of case is unsafe", "[fix]") {
  RuleFixture f("[" + rule("a", "enum", "/items/*", R"({"values": ["work"]})", "m", R"(, "fix": "did-you-mean")") + "]");
  const auto linter = f.linter();
  const auto r = linter.lint(R"({"items": ["wrok"]})", "t.json");
  REQUIRE(only(r).fix);
  CHECK_FALSE(only(r).fix->safe);
  CHECK(linter.fix(R"({"items": ["wrok"]})", "t.json", false).applied == 0);
  const auto fixed = linter.fix(R"({"items": ["wrok"]})", "t.json", true);
  CHECK(fixed.text == R"({"items": ["work"]})");
  CHECK(fixed.report.diagnostics.empty());
}

TEST_CASE("removing an entry takes one comma with it and leaves the rest as it was", "[fix]") {
  RuleFixture f("[" + rule("d", "unique", "/items/*/v", "{}", "m", R"(, "fix": "remove-duplicate-entry")") + "]");
  const auto linter = f.linter();
  auto fixed = [&](const std::string& text) { return linter.fix(text, "t.json", true).text; };
  CHECK(fixed(R"({"items": [{"v": 1}, {"v": 1}]})") == R"({"items": [{"v": 1}]})");
  CHECK(fixed(R"({"items": [{"v": 1},  {"v": 1} , {"v": 2}]})") == R"({"items": [{"v": 1} , {"v": 2}]})");
  CHECK(fixed("{\"items\": [\n  {\"v\": 1},\n  {\"v\": 1}\n]}") == "{\"items\": [\n  {\"v\": 1}\n]}");
  // Not an exact duplicate: the entry has more in it, and nothing is removed.
  const auto r = linter.lint(R"({"items": [{"v": 1}, {"v": 1, "w": 2}]})", "t.json");
  CHECK_FALSE(only(r).fix);
  // Unsafe: --fix alone leaves it.
  CHECK(linter.fix(R"({"items": [{"v": 1}, {"v": 1}]})", "t.json", false).applied == 0);
}

TEST_CASE("apply_fixes: one pass in report order, the first of overlapping fixes wins", "[fix]") {
  auto diag = [](std::size_t at, std::size_t len, std::string text, bool safe = true) {
    wxlint::Diagnostic d;
    d.fix = wxlint::Fix{safe, "m", {{at, len, std::move(text)}}};
    return d;
  };
  const std::string text = "0123456789";
  std::vector<wxlint::Diagnostic> ds = {diag(2, 3, "ab"), diag(4, 2, "X"), diag(8, 0, "+"), diag(0, 1, "u", false),
                                        diag(8, 0, "-"), diag(9, 5, "past the end"), wxlint::Diagnostic{}};
  const auto a = wxlint::apply_fixes(text, ds, false);
  CHECK(a.text == "01ab567+89");
  CHECK(a.applied == 2);
  CHECK(a.skipped == std::vector<std::size_t>{1, 4, 5});
  REQUIRE(a.changes.size() == 2);
  CHECK(a.changes[0].old_offset == 2);
  CHECK(a.changes[0].old_length == 3);
  CHECK(a.changes[0].new_offset == 2);
  CHECK(a.changes[0].new_length == 2);
  CHECK(a.changes[1].old_offset == 8);
  CHECK(a.changes[1].new_offset == 7);
  CHECK(wxlint::apply_fixes(text, ds, true).text == "u1ab567+89");
  // A fix whose own edits overlap (one given through the C ABI) is left out whole, and what
  // it took before the overlap is free again for the next fix.
  wxlint::Diagnostic self_overlapping;
  self_overlapping.fix = wxlint::Fix{true, "m", {{0, 5, "A"}, {2, 5, "B"}}};
  const auto b = wxlint::apply_fixes(text, {self_overlapping, diag(0, 1, "z")}, false);
  CHECK(b.text == "z123456789");
  CHECK(b.applied == 1);
  CHECK(b.skipped == std::vector<std::size_t>{0});
}

TEST_CASE("Linter::fix runs passes until nothing applies, and reports the changed ranges", "[fix]") {
  const auto& linter = test_support::linter();
  // The misspelt "tpye" hides its value from the enum rule: renamed, its case is fixed next.
  const std::string text = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"source": "CH", )"
                           R"("emails": [{"value": "a@example.com", "tpye": "WORK", "primary": true}]}]})";
  const auto r = linter.fix(text, "t.json", false);
  CHECK(r.passes == 2);
  CHECK(r.applied == 2);
  CHECK(r.deferred == 0);
  CHECK(r.report.diagnostics.empty());
  std::string expected = text;
  expected.replace(expected.find(R"("tpye": "WORK")"), 14, R"("type": "work")");
  CHECK(r.text == expected);
  // The key and the value, apart in the text, stay two changed ranges.
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].old_offset == text.find("\"tpye\""));
  CHECK(r.changes[0].old_length == 6);
  CHECK(r.changes[1].old_offset == text.find("\"WORK\""));
  for (const auto& c : r.changes) CHECK(text.substr(0, c.old_offset).size() == c.new_offset);
}

TEST_CASE("a finding at or below a duplicated key offers no fix: its pointer names two values", "[fix]") {
  const auto& linter = test_support::linter();
  // The second displayName is untrimmed; its pointer locates the first, which an edit to
  // "Ada Byron" would have overwritten.
  const std::string text = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"source": "CH", )"
                           R"("displayName": "Ada Lovelace", "displayName": "  Ada Byron", )"
                           R"("emails": [{"value": "a@example.com", "type": "work", "primary": true}]}]})";
  const auto r = linter.fix(text, "t.json", true);
  CHECK(r.applied == 0);
  CHECK(r.text == text);
  std::map<std::string, bool> fixable;  // rule -> offers a fix
  for (const auto& d : r.report.diagnostics) fixable[d.rule] = d.fix.has_value();
  CHECK(fixable == std::map<std::string, bool>{{"contacts/name-untrimmed", false}, {"json/duplicate-key", false}});
  // Below the duplicated key too: a member of a duplicated object.
  const std::string nested = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"source": "CH", )"
                             R"("emails": [{"value": "a@example.com", "type": "WORK"}], )"
                             R"("emails": [{"value": "b@example.com", "type": "WORK"}]}]})";
  const auto n = linter.fix(nested, "t.json", true);
  CHECK(n.applied == 0);
  CHECK(n.text == nested);
}

TEST_CASE("fixes in an example envelope edit the envelope file at their place", "[fix]") {
  const std::string env = "{\"operationId\": \"bulkCreateOrUpdateContacts\", \"method\": \"POST\", \"path\": \"/x\",\n"
                          " \"requestExamples\": [{\"example\": {\"schemas\": \"urn:cisco:codev:identity:contact:core:1.0\",\n"
                          "   \"contacts\": [{\"source\": \"ch\", \"displayName\": \"A \", \"emails\": [{\"value\": \"a@example.com\"}]}]}}]}";
  const auto r = test_support::linter().lint(env, "env.json");
  std::size_t fixes = 0;
  for (const auto& d : r.diagnostics)
    if (d.fix) {
      ++fixes;
      CHECK(d.location.pointer.starts_with("/requestExamples/0/example/contacts/0/"));
    }
  CHECK(fixes == 2);
  const auto fixed = test_support::linter().fix(env, "env.json", false);
  std::string expected = env;
  expected.replace(expected.find("\"ch\""), 4, "\"CH\"");
  expected.replace(expected.find("\"A \""), 4, "\"A\"");
  CHECK(fixed.text == expected);
}

TEST_CASE("the JSON and SARIF reports carry the fix", "[fix]") {
  RuleFixture f("[" + rule("a", "enum", "/items/*", R"({"values": ["work"]})", "m", R"(, "fix": "did-you-mean")") + "]");
  const auto r = f.linter().lint(R"({"items": ["WORK"]})", "t.json");
  CHECK_THAT(wxlint::to_json({r}),
             Catch::Contains(R"("fix":{"applicability":"safe","message":"Replace \"WORK\" with \"work\".",)"
                             R"("edits":[{"offset":11,"length":6,"content":"\"work\""}]})"));
  wxlint::ReportContext ctx;
  const std::string sarif = wxlint::to_sarif({r}, ctx);
  CHECK_THAT(sarif, Catch::Contains(R"("artifactChanges")") && Catch::Contains(R"("byteOffset": 11)") &&
                        Catch::Contains(R"("byteLength": 6)") && Catch::Contains(R"("text": "\"work\"")"));
}

TEST_CASE("the C ABI fixes a buffer: wxlint_fix", "[fix][capi]") {
  wxlint_linter* linter = nullptr;
  REQUIRE(wxlint_linter_new_embedded(nullptr, &linter, nullptr) == WXLINT_OK);
  const std::string text = R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzYzYTMwZjY0LTk0MzQtNDVkYS1iNzc0LWQ3OTIzNjJkNjEyZA", )"
                           R"("validate": "true", "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8yYTk3MjM0Yy1hNjk2LTQ5ZGEtODNmMy0zMjZlZjk5OGJiNzI", "extension": 5001}]}]})";
  char* fixed = nullptr;
  size_t length = 0;
  wxlint_result* result = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_fix(linter, text.data(), text.size(), "p.json", nullptr, 0, &fixed, &length, &result, &error) == WXLINT_OK);
  CHECK(error == nullptr);
  std::string expected = text;
  expected.replace(expected.find("\"true\""), 6, "true");
  expected.replace(expected.find("5001"), 4, "\"5001\"");
  CHECK(std::string(fixed, length) == expected);
  CHECK(fixed[length] == '\0');
  CHECK(wxlint_result_fixes_applied(result) == 2);
  CHECK(wxlint_result_count(result, -1) == 0);
  wxlint_string_free(fixed);
  wxlint_result_free(result);
  // The report is optional; bad arguments are a status, and nothing is handed out.
  REQUIRE(wxlint_fix(linter, text.data(), text.size(), nullptr, nullptr, WXLINT_FIX_UNSAFE, &fixed, nullptr, nullptr, nullptr) == WXLINT_OK);
  CHECK(std::string(fixed) == expected);
  wxlint_string_free(fixed);
  CHECK(wxlint_fix(linter, text.data(), text.size(), nullptr, nullptr, 4, &fixed, nullptr, &result, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(std::string(error) == "unknown flags");
  CHECK((fixed == nullptr && result == nullptr));
  wxlint_string_free(error);
  CHECK(wxlint_fix(linter, nullptr, 3, nullptr, nullptr, 0, &fixed, nullptr, nullptr, nullptr) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(wxlint_fix(linter, "{}", 2, nullptr, "nope", 0, &fixed, nullptr, nullptr, nullptr) == WXLINT_E_UNKNOWN_OPERATION);
  CHECK(wxlint_fix(linter, "{}", 2, nullptr, nullptr, 0, nullptr, nullptr, nullptr, nullptr) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(wxlint_result_fixes_applied(nullptr) == 0);
  wxlint_linter_free(linter);
}

TEST_CASE("the catalogue lists the fix of each rule that opted in", "[fix]") {
  std::map<std::string, std::string> fix_of;
  for (const auto& r : test_support::linter().rules())
    if (!r.fix.empty()) fix_of[r.id] = r.fix;
  CHECK(fix_of == std::map<std::string, std::string>{
                      {"contacts/address-double-escaped", "unescape"},
                      {"contacts/contact-id-duplicate", "remove-duplicate-entry"},
                      {"contacts/contact-id-webex-id", "decode-webex-id"},
                      {"contacts/email-duplicate-in-contact", "remove-duplicate-entry"},
                      {"contacts/email-type", "did-you-mean"},
                      {"contacts/im-type", "did-you-mean"},
                      {"contacts/name-untrimmed", "trim"},
                      {"contacts/phone-e164", "to-e164"},
                      {"contacts/phone-type", "did-you-mean"},
                      {"contacts/primary-contact-method-value", "did-you-mean"},
                      {"contacts/schemas-value", "did-you-mean"},
                      {"contacts/sip-type", "did-you-mean"},
                      {"contacts/source-value", "did-you-mean"},
                      {"create-contact/address-double-escaped", "unescape"},
                      {"create-contact/email-duplicate-in-contact", "remove-duplicate-entry"},
                      {"create-contact/email-type", "did-you-mean"},
                      {"create-contact/group-id-webex-id", "decode-webex-id"},
                      {"create-contact/im-type", "did-you-mean"},
                      {"create-contact/name-untrimmed", "trim"},
                      {"create-contact/phone-e164", "to-e164"},
                      {"create-contact/phone-type", "did-you-mean"},
                      {"create-contact/primary-contact-method-value", "did-you-mean"},
                      {"create-contact/schemas-value", "did-you-mean"},
                      {"create-contact/sip-type", "did-you-mean"},
                      {"create-contact/source-value", "did-you-mean"},
                      {"update-contact/address-double-escaped", "unescape"},
                      {"update-contact/email-duplicate-in-contact", "remove-duplicate-entry"},
                      {"update-contact/email-type", "did-you-mean"}, {"update-contact/group-id-webex-id", "decode-webex-id"},
                      {"update-contact/im-type", "did-you-mean"},
                      {"update-contact/name-untrimmed", "trim"},
                      {"update-contact/phone-e164", "to-e164"},
                      {"update-contact/phone-type", "did-you-mean"},
                      {"update-contact/primary-contact-method-value", "did-you-mean"},
                      {"update-contact/schemas-value", "did-you-mean"},
                      {"update-contact/sip-type", "did-you-mean"},
                      {"update-contact/source-value", "did-you-mean"},
                      {"add-numbers/phone-number-e164", "to-e164"},
                      {"add-numbers/number-type-value", "did-you-mean"}, {"assign-licenses/phone-e164", "to-e164"},
                      {"bulk-delete-contacts/schemas-value", "did-you-mean"},
                      {"location/time-zone-unknown", "did-you-mean"}, {"location/country-code", "did-you-mean"},
                      {"create-person/phone-type", "did-you-mean"}, {"create-person/phone-e164", "to-e164"},
                      {"workspace/phone-number-e164", "to-e164"}, {"numbers-job/operation-value", "did-you-mean"},
                      {"numbers-job/usage-type-value", "did-you-mean"}, {"numbers-job/number-invalid", "to-e164"},
                      {"scim-bulk/schemas-value", "did-you-mean"},
                      {"update-contact/phone-operation", "did-you-mean"},
                      {"update-person/phone-type", "did-you-mean"}, {"update-person/phone-e164", "to-e164"},
                      {"move-users/duplicate-user", "remove-duplicate-entry"},
                      {"move-users/phone-number-e164", "to-e164"},
                      {"schema/enum", "did-you-mean"},
                      {"schema/type", "convert-type"},
                      {"schema/unknown-property", "did-you-mean"}});
}
