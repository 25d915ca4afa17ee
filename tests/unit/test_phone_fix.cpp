// Golden fix cases of to-e164 (testdata/fix/phone/), in the fix cases' format: <case>.json fixed
// through Linter::fix gives <case>.fixed.json byte for byte; a case named *-unsafe also with
// unsafe fixes. They sit in their own directory because the region comes from its
// org.snapshot/ (the target location's country). The findings before and after fixing are
// golden cases of test_golden.cpp. WXLINT_UPDATE_GOLDEN=1 rewrites the .fixed.json files.
#include "support.hpp"

#include <wxlint/linter.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = fs::path(WXLINT_SOURCE_DIR) / "testdata" / "fix" / "phone";

const wxlint::Linter& with_snapshot() {
  static const wxlint::Linter l = [] {
    wxlint::LinterOptions o;
    o.snapshot = {(kRoot / "org.snapshot").string()};
    return wxlint::Linter::embedded(o);
  }();
  return l;
}

std::string fixed(const std::string& name, bool unsafe) {
  return with_snapshot().fix(test_support::read(kRoot / name), name, unsafe).text;
}

}  // namespace

TEST_CASE("to-e164 fix cases give their fixed text, and fixing again changes nothing", "[golden][fix][plan]") {
  const bool update = std::getenv("WXLINT_UPDATE_GOLDEN") != nullptr;
  for (const char* name : {"phone-national", "phone-contacts", "phone-person", "phone-guess-unsafe", "workspace-calling-location"}) {
    DYNAMIC_SECTION(name) {
      const fs::path input = kRoot / (std::string(name) + ".json"), out = kRoot / (std::string(name) + ".fixed.json");
      const bool unsafe = std::string_view(name).ends_with("-unsafe");
      const std::string before = test_support::read(input);
      const wxlint::FixResult r = with_snapshot().fix(before, input.string(), unsafe);
      if (update) {
        std::ofstream(out, std::ios::binary) << r.text;
        continue;
      }
      CHECK(r.text == test_support::read(out));
      CHECK(r.applied > 0);
      for (const auto& d : r.report.diagnostics) CHECK_FALSE((d.rule.ends_with("e164") && d.fix && (d.fix->safe || unsafe)));
      const wxlint::FixResult again = with_snapshot().fix(r.text, input.string(), unsafe);
      CHECK(again.applied == 0);
      CHECK(again.text == r.text);
    }
  }
}

TEST_CASE("to-e164 is safe only where the plan read the number", "[fix][plan]") {
  // The national numbers are read in their target location's country (Cork: IE, Boston: US),
  // "+1 408 526 7209" needs no region; only separators and spaces inside the string change.
  CHECK(fixed("phone-national.json", false) == R"({
  "usersList": [
    {"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMw==", "validate": false,
     "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE=", "phoneNumber": "+353212345678"}]},
    {"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg==", "validate": false,
     "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDQ=",   "phoneNumber":"+16172531000"},
               {"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDU=", "phoneNumber": "+14085267209", "extension": "2001"}]}
  ]
}
)");
  // Without a region the country is a guess: nothing is safe to fix but "+44 (0)20...", which
  // the plan reads without one (and drops the (0) that the old guess kept).
  const std::string guess = test_support::read(kRoot / "phone-guess-unsafe.json");
  std::string safe = guess;
  safe.replace(safe.find("+44 (0)20 7946 0001"), 19, "+442079460001");
  CHECK(fixed("phone-guess-unsafe.json", false) == safe);
  std::string all = safe;
  all.replace(all.find("408-555-1234"), 12, "+14085551234");
  all.replace(all.find("0044 20 7946 0000"), 17, "+442079460000");
  CHECK(fixed("phone-guess-unsafe.json", true) == all);
}

TEST_CASE("to-e164 in a region is unsafe where the digits could mean another number", "[fix][plan]") {
  wxlint::LinterOptions o;
  o.region = "DE";
  const wxlint::Linter linter = wxlint::Linter::embedded(o);
  const auto fix_of = [&](const std::string& number) -> std::string {
    const std::string payload =
        R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
  "validate": false, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE",
  "phoneNumber": ")" + number + R"("}]}]})";
    for (const auto& d : linter.lint(payload, "p.json").diagnostics)
      if (d.code == "1026017") return d.fix ? (d.fix->safe ? "safe " : "unsafe ") + d.fix->edits.at(0).text : "none";
    return "no finding";
  };
  CHECK(fix_of("0221 1234567") == "safe \"+492211234567\"");     // Cologne, with its trunk prefix 0
  CHECK(fix_of("221 1234567") == "unsafe \"+492211234567\"");    // the 0 left out: or another number
  CHECK(fix_of("44 20 7946 0000") == "unsafe \"+49442079460000\"");  // London without its +
  CHECK(fix_of("+44 20 7946 0000") == "safe \"+442079460000\"");
  CHECK(fix_of("2025550123") == "unsafe \"+492025550123\"");  // Wuppertal without its 0, or Washington
}

TEST_CASE("to-e164 guesses no North American number in another region's plan", "[fix][plan]") {
  const std::string payload = R"({"phoneNumbers": ["2025550123"], "numberType": "DID"})";
  for (const char* region : {"", "GB"}) {
    wxlint::LinterOptions o;
    o.region = region;
    const auto r = wxlint::Linter::embedded(o).lint(payload, "p.json", "addPhoneNumbersToLocation");
    REQUIRE(!r.diagnostics.empty());
    CHECK(r.diagnostics[0].code == "WX7103");
    CHECK((r.diagnostics[0].fix ? r.diagnostics[0].fix->edits.at(0).text : "none") ==
          (*region ? "none" : "\"+12025550123\""));
  }
}

TEST_CASE("to-e164 offers no form for digits its written country has no number of", "[fix][plan]") {
  // Two numbers in one value: joined, they would be too long for the North American plan.
  const std::string body = R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "displayName": "A", "source": "CH",
    "phoneNumbers": [{"value": "+1 408 526 7209 / 7210", "type": "work"}, {"value": "+1 408 555 0100", "type": "work"}]})";
  const wxlint::FileReport r = test_support::linter().lint(body, "c.json", "Create a Contact");
  std::vector<const wxlint::Diagnostic*> e164;
  for (const auto& d : r.diagnostics)
    if (d.rule == "create-contact/phone-e164") e164.push_back(&d);
  REQUIRE(e164.size() == 2);
  CHECK(e164[0]->location.pointer == "/phoneNumbers/0/value");
  CHECK_FALSE(e164[0]->fix);
  CHECK(e164[0]->message.find("E.164 form would be") == std::string::npos);
  // Beside it, a number the plan reads is given its E.164 spelling.
  CHECK(e164[1]->location.pointer == "/phoneNumbers/1/value");
  REQUIRE(e164[1]->fix);
  CHECK(e164[1]->fix->safe);
  CHECK(e164[1]->fix->edits[0].text == "\"+14085550100\"");
}
