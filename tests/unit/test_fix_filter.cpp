// Linter::fix's `shown` filter: only the findings it leaves are fixed, pass after pass, and
// the report is still the whole one.
#include "support.hpp"

#include <wxlint/linter.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

const std::string kText = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"source": "CH", )"
                          R"("emails": [{"value": "a@example.com", "type": "WORK"}], )"
                          R"("phoneNumbers": [{"value": "+14085551234", "type": "Mobile"}]}]})";

wxlint::Linter::FixFilter without(std::string code) {
  return [code](wxlint::FileReport& r) {
    std::erase_if(r.diagnostics, [&](const wxlint::Diagnostic& d) { return d.code == code; });
  };
}

std::size_t count(const wxlint::FileReport& r, const std::string& code) {
  return std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const auto& d) { return d.code == code; });
}

}  // namespace

TEST_CASE("Linter::fix fixes only the findings the filter leaves, and reports them all", "[fix]") {
  const auto& linter = test_support::linter();
  const auto all = linter.fix(kText, "t.json", false);
  CHECK(all.applied == 2);

  const auto r = linter.fix(kText, "t.json", false, {}, without("WX3012"));
  CHECK(r.applied == 1);
  CHECK(r.passes == 1);
  std::string expected = kText;
  expected.replace(expected.find(R"("Mobile")"), 8, R"("mobile")");
  CHECK(r.text == expected);
  CHECK(count(r.report, "WX3012") == 1);  // still reported: the caller filters its report itself
  CHECK(count(r.report, "WX3013") == 0);

  const auto none = linter.fix(kText, "t.json", false, {}, [](wxlint::FileReport& rep) { rep.diagnostics.clear(); });
  CHECK(none.applied == 0);
  CHECK(none.passes == 0);
  CHECK(none.text == kText);
  CHECK(none.report.diagnostics.size() == 2);
}

TEST_CASE("Linter::fix's filter sees every pass: a fix uncovered later is filtered too", "[fix]") {
  const auto& linter = test_support::linter();
  // The misspelt "tpye" hides "WORK" from the enum rule until it is renamed.
  const std::string text = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"source": "CH", )"
                           R"("emails": [{"value": "a@example.com", "tpye": "WORK", "primary": true}]}]})";
  const auto r = linter.fix(text, "t.json", false, {}, without("WX3012"));
  CHECK(r.applied == 1);
  CHECK(r.text.find(R"("type": "WORK")") != std::string::npos);
  CHECK(count(r.report, "WX3012") == 1);
}
