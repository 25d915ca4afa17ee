// The default region of national-format phone numbers through the C++ options and the C ABI:
// it changes the E.164 form suggested, and an unknown region is refused.
#include <wxlint/linter.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

namespace {

const std::string kPayload = R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
  "validate": false, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE",
  "phoneNumber": "020 7946 0000"}]}]})";

const char kInGb[] = "Phone number is not in e164 format: \"020 7946 0000\"; write + and the country code, 2 to 15 "
                     "digits in all, with no spaces or dashes. Its E.164 form would be +442079460000.";
const char kNoRegion[] = "Phone number is not in e164 format: \"020 7946 0000\"; write + and the country code, 2 to 15 "
                         "digits in all, with no spaces or dashes.";

std::string messages(const wxlint::FileReport& r) {
  std::string out;
  for (const auto& d : r.diagnostics) out += d.code + ": " + d.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("LinterOptions::region reads national numbers in that region", "[region]") {
  wxlint::LinterOptions o;
  CHECK(messages(wxlint::Linter::embedded(o).lint(kPayload, "p.json")) == "1026017: " + std::string(kNoRegion) + "\n");
  o.region = "gb";  // any case
  CHECK(messages(wxlint::Linter::embedded(o).lint(kPayload, "p.json")) == "1026017: " + std::string(kInGb) + "\n");
  o.region = "US";  // read in the US, 020 is no area code: no E.164 form, and the plan says why
  CHECK(messages(wxlint::Linter::embedded(o).lint(kPayload, "p.json")) ==
        "1026017: " + std::string(kNoRegion) + "\nWX2007: Phone number \"020 7946 0000\" is not valid in its numbering plan: "
        "it is too long for the North American plan.\n");
}

TEST_CASE("an unknown region is a ConfigError", "[region]") {
  wxlint::LinterOptions o;
  o.region = "XX";
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o),
                    "region: \"XX\" is not a region code of the numbering plans (two letters, such as US, GB or DE)");
  o.region = "001";
  CHECK_THROWS_AS(wxlint::Linter::embedded(o), wxlint::ConfigError);
}

TEST_CASE("c api: the options' region", "[region][c_api]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_linter_new_embedded(R"({"region": "GB"})", &linter, &error) == WXLINT_OK);
  wxlint_result* result = nullptr;
  REQUIRE(wxlint_lint(linter, kPayload.data(), kPayload.size(), "p.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(std::string(wxlint_result_json(result, nullptr)).find("Its E.164 form would be +442079460000.") != std::string::npos);
  wxlint_result_free(result);
  wxlint_linter_free(linter);

  CHECK(wxlint_linter_new_embedded(R"({"region": "XX"})", &linter, &error) == WXLINT_E_CONFIG);
  CHECK(std::string(error) == "region: \"XX\" is not a region code of the numbering plans (two letters, such as US, GB or DE)");
  wxlint_string_free(error);
  CHECK(wxlint_linter_new_embedded(R"({"region": 1})", &linter, &error) == WXLINT_E_OPTIONS);
  CHECK(std::string(error) == "options: \"region\" must be a string");
  wxlint_string_free(error);
  CHECK(linter == nullptr);
}
