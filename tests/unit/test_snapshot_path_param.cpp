// snapshot-lookup's pathParam: a value (or a where-filter's value) read as a request path, its
// parameter looked up. Refused at load when the parameter is not in the template; a path that
// does not match leaves the rule nothing to judge.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>

using test_support::rule;
using test_support::RuleFixture;

namespace {

const char kContacts[] =
    R"({"result": [{"contactId": "441d0fa5-7fa0-491e-b27a-f017896c0bab", "displayName": "Logan Zhang", "source": "CH"}]})";

wxlint::LinterOptions with_contacts() {
  wxlint::LinterOptions o;
  o.snapshot_data = wxlint::Snapshot::from_files({{"contacts.json", kContacts}});
  return o;
}

std::string load_error(const std::string& params) {
  RuleFixture f("[" + rule("p", "snapshot-lookup", "/path", params) + "]");
  try {
    (void)f.linter();
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("snapshot-lookup pathParam: the path's parameter is looked up", "[snapshot][path-param]") {
  RuleFixture f("[" + rule("p", "snapshot-lookup", "/path",
                           R"({"table": "contacts", "key": "contactId", "pathParam": {"template": "/c/{orgId}/contacts/{contactId}", "param": "contactId"}})",
                           "{key}") + "]");
  const auto linter = f.linter(with_contacts());
  auto missing = linter.lint(R"({"path": "https://x/v1/c/o/contacts/6847ee0f-5e9c-4403-9f0e-0aa8552f7828?q=1"})", "t.json", "testOp");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message == "6847ee0f-5e9c-4403-9f0e-0aa8552f7828");
  CHECK(missing.diagnostics[0].location.pointer == "/path");
  CHECK(linter.lint(R"({"path": "/c/o/contacts/441D0FA5-7FA0-491E-B27A-F017896C0BAB"})", "t.json", "testOp").diagnostics.empty());
  CHECK(linter.lint(R"({"path": "/c/o/contacts/{contactId}"})", "t.json", "testOp").diagnostics.empty());
  CHECK(linter.lint(R"({"path": "/other/6847ee0f-5e9c-4403-9f0e-0aa8552f7828"})", "t.json", "testOp").diagnostics.empty());
}

TEST_CASE("snapshot-lookup pathParam: refused at load when the template lacks the parameter", "[snapshot][path-param]") {
  CHECK(load_error(R"({"table": "contacts", "key": "contactId", "pathParam": {"template": "/c/{id}", "param": "contactId"}})")
            .find("\"{contactId}\" is not a segment of the template") != std::string::npos);
  CHECK(load_error(R"({"table": "contacts", "key": "contactId", "pathParam": {"template": "/c/{id}"}})")
            .find("needs a string member \"param\"") != std::string::npos);
  CHECK(load_error(R"({"table": "contacts", "key": "contactId", "where": [{"column": "displayName", "equals": {"at": "0", "pathParam": 1}}]})")
            .find("pathParam must be an object {template, param}") != std::string::npos);
  CHECK(load_error(R"({"table": "contacts", "key": "contactId", "pathParam": {"template": "/c/{contactId}", "param": "contactId"}})") == "");
}
