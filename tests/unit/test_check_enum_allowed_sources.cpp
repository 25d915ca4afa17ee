// The bulk contacts setting allowedSources: the enum kind's "only" parameter judges valid
// sources only, and the Webex4Broadworks note follows the setting.
#include "support.hpp"

#include <catch2/catch.hpp>

namespace {

const std::string kRequest =
    R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [
         {"displayName": "A", "source": "Webex4Broadworks"},
         {"displayName": "B", "source": "CH", "emails": [{"value": "b@example.com"}]},
         {"displayName": "C", "source": "Outlook", "emails": [{"value": "c@example.com"}]}]})";

std::vector<std::string> rules_of(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule + "@" + d.location.pointer);
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("allowedSources: by default both sources pass, with a note on Webex4Broadworks", "[checks][enum]") {
  auto r = test_support::linter().lint(kRequest, "t.json");
  CHECK(rules_of(r) == V{"contacts/source-broadworks-entitlement@/contacts/0/source", "contacts/source-value@/contacts/2/source"});
}

TEST_CASE("allowedSources: a valid source the caller may not use is the API's 403", "[checks][enum]") {
  for (const char* key : {"allowedSources", "Bulk Create or Update Contacts/allowedSources"}) {
    wxlint::LinterOptions o;
    o.settings[key] = R"(["CH"])";
    auto r = wxlint::Linter::embedded(o).lint(kRequest, "t.json");
    CHECK(rules_of(r) == V{"contacts/source-not-allowed@/contacts/0/source", "contacts/source-value@/contacts/2/source"});
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].code == "external.non.privilege");
    CHECK(r.diagnostics[0].message.rfind("Caller is not authorized for source Webex4Broadworks, only sources [CH] are allowed", 0) == 0);
    CHECK(r.diagnostics[0].message.find("403") != std::string::npos);
  }
}

TEST_CASE("allowedSources: only Webex4Broadworks makes CH the failing source", "[checks][enum]") {
  wxlint::LinterOptions o;
  o.settings["allowedSources"] = R"(["Webex4Broadworks"])";
  auto r = wxlint::Linter::embedded(o).lint(kRequest, "t.json");
  CHECK(rules_of(r) == V{"contacts/source-broadworks-entitlement@/contacts/0/source", "contacts/source-not-allowed@/contacts/1/source",
                         "contacts/source-value@/contacts/2/source"});
}
