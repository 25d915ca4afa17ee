// Numeric settings and rule parameters out of their range (negative, zero where it makes
// no sense, INT64_MIN, INT64_MAX, not an integer) fail when the catalogue loads, naming
// the setting or the place, through the C ABI and the C++ API alike; values at the edges
// of the range lint without crashing.
#include "rule_fixture.hpp"

#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

using test_support::rule;
using test_support::RuleFixture;

namespace {

struct Created {
  int status;
  std::string error;
};

// wxlint_linter_new_embedded with these options; the linter is freed at once.
Created embedded(const std::string& options) {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  const int status = wxlint_linter_new_embedded(options.c_str(), &linter, &error);
  Created out{status, error ? error : ""};
  wxlint_string_free(error);
  wxlint_linter_free(linter);
  return out;
}

const std::string kMaxUsers = "; rule move-users/too-many-users uses it as \"max\"";

// The message the library gives for a value outside [lo, hi].
std::string range(long long lo, long long hi, const std::string& value) {
  return "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not " + value;
}

// "DIR/rules/test.rules.json:1:COL: POINTER" where COL is the column of the first `marker` in the
// fixture's rule file (one line), plus the offset of the value inside the marker.
std::string place(const RuleFixture& f, const std::string& marker, std::size_t value_offset, const std::string& pointer) {
  std::ifstream in(f.dir() / "rules" / "test.rules.json");
  std::stringstream text;
  text << in.rdbuf();
  const std::size_t at = text.str().find(marker);
  REQUIRE(at != std::string::npos);
  return f.shown("rules/test.rules.json") + ":1:" + std::to_string(at + value_offset + 1) + ": " + pointer;
}

std::string load_error(const RuleFixture& f, const wxlint::LinterOptions& o = {}) {
  try {
    f.linter(o);
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "no error";
}

const char kTwoUsers[] = R"({"usersList": [{"locationId": "x", "validate": false, "users": [{"userId": "a"}, {"userId": "b"}]}]})";

// The 1026018 finding (too many users) of kTwoUsers with the setting maxUsers as given, if any.
std::optional<wxlint::Diagnostic> too_many_users(const std::string& max_users) {
  wxlint::LinterOptions o;
  o.settings["maxUsers"] = max_users;
  for (auto& d : wxlint::Linter::embedded(o).lint(kTwoUsers, "t.json").diagnostics)
    if (d.code == "1026018") return d;
  return std::nullopt;
}

}  // namespace

TEST_CASE("c api: a numeric setting out of its range is WXLINT_E_CONFIG naming the setting", "[trust][c_api]") {
  CHECK(embedded(R"({"settings": {"maxUsers": -1}})").status == WXLINT_E_CONFIG);
  CHECK(embedded(R"({"settings": {"maxUsers": -1}})").error == "setting \"maxUsers\": " + range(0, 1000000000, "-1") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": -9223372036854775808}})").error ==
        "setting \"maxUsers\": " + range(0, 1000000000, "-9223372036854775808") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": 9223372036854775807}})").error ==
        "setting \"maxUsers\": " + range(0, 1000000000, "9223372036854775807") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": 1000000001}})").error ==
        "setting \"maxUsers\": " + range(0, 1000000000, "1000000001") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": 1e300}})").error == "setting \"maxUsers\": " + range(0, 1000000000, "1e300") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": 2.5}})").error == "setting \"maxUsers\": " + range(0, 1000000000, "2.5") + kMaxUsers);
  CHECK(embedded(R"({"settings": {"maxUsers": "5"}})").error ==
        "setting \"maxUsers\": must be an integer like the default 100, not a string");
  CHECK(embedded(R"({"settings": {"validateOrInitiateMoveUsersJob/maxUsers": -1}})").error ==
        "setting \"validateOrInitiateMoveUsersJob/maxUsers\": " + range(0, 1000000000, "-1") + kMaxUsers);
  // 0 where it makes no sense: a name of at most 0 characters.
  CHECK(embedded(R"({"settings": {"maxNameLength": 0}})").error ==
        "setting \"maxNameLength\": " + range(1, 1000000000, "0") + "; rule contacts/name-too-long uses it as \"max\"");
  CHECK(embedded(R"({"settings": {"maxPhoneNumbers": -1}})").error ==
        "setting \"maxPhoneNumbers\": " + range(0, 1000000000, "-1") + "; rule contacts/phone-too-many uses it as \"max\"");
  // A minimum above the maximum is the fault of the setting the user chose.
  CHECK(embedded(R"({"settings": {"minExtensionLength": 12}})").error ==
        "setting \"minExtensionLength\": is greater than max (10); rule assign-licenses/extension-length uses it as \"min\"");
  CHECK(embedded(R"({"settings": {"maxExtensionLength": 1}})").error ==
        "setting \"maxExtensionLength\": is less than min (2); rule assign-licenses/extension-length uses it as \"max\"");
  // A calling limit above the API's own: the text rule's "upTo" leaves every length to the API's rule.
  CHECK(embedded(R"({"settings": {"maxCallingLocationName": 300}})").status == WXLINT_OK);
  CHECK(embedded(R"({"settings": {"maxUsers": 0}})").status == WXLINT_OK);
}

TEST_CASE("c api: an operation's own setting wins over the global one, which stays known", "[trust][c_api]") {
  CHECK(embedded(R"({"settings": {"maxUsers": 100, "validateOrInitiateMoveUsersJob/maxUsers": 5}})").status == WXLINT_OK);
  CHECK(embedded(R"({"settings": {"maxNameLength": 100, "createContact/maxNameLength": 5}})").status == WXLINT_OK);
  CHECK(embedded(R"({"settings": {"maxUserz": 100, "validateOrInitiateMoveUsersJob/maxUsers": 5}})").error ==
        "unknown setting \"maxUserz\"");
  CHECK(embedded(R"({"settings": {"createContact/maxNameLength": 5, "Create a Contact/maxNameLength": 6}})").error ==
        "setting \"createContact/maxNameLength\": the same setting as \"Create a Contact/maxNameLength\" (one operation, "
        "two names); give it once");
  CHECK(embedded(R"({"settings": {"createContactz/maxNameLength": 5}})").error.rfind(
            "setting \"createContactz/maxNameLength\": unknown operation \"createContactz\" (did you mean \"createContact\"?); "
            "known operations: \"Add Phone Numbers to a location\" (addPhoneNumbersToLocation), ", 0) == 0);
}

TEST_CASE("the C++ API refuses the same settings with the same message", "[trust]") {
  wxlint::LinterOptions o;
  o.settings["maxUsers"] = "-1";
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o), "setting \"maxUsers\": " + range(0, 1000000000, "-1") + kMaxUsers);
}

TEST_CASE("numeric settings at the edges of their range lint without overflow", "[trust]") {
  const auto over = too_many_users("0");
  REQUIRE(over);
  CHECK(over->location.pointer == "/usersList/0/users/0");
  CHECK(over->message.find("2 users in one request, at most 0") != std::string::npos);
  CHECK_FALSE(too_many_users("1000000000"));
}

TEST_CASE("a whole number written as a real is that integer, as JSON Schema reads it", "[trust]") {
  const auto over = too_many_users("1e0");
  REQUIRE(over);
  CHECK(over->message.find("2 users in one request, at most 1") != std::string::npos);
  CHECK_FALSE(too_many_users("2.0"));
  // The core's whole-number settings take it too; a fraction is still refused.
  wxlint::LinterOptions o;
  o.settings = {{"maxFindingsPerRule", "1e3"}, {"maxFileSize", "1.6e7"}};
  CHECK_NOTHROW(wxlint::Linter::embedded(o));
  o.settings = {{"maxFindingsPerRule", "1.5e0"}};
  CHECK_THROWS_WITH(wxlint::Linter::embedded(o), "setting \"maxFindingsPerRule\": must be a whole number of at least 1, not 1.5");
  CHECK(embedded(R"({"settings": {"maxUsers": 1e10}})").error == "setting \"maxUsers\": " + range(0, 1000000000, "10000000000") + kMaxUsers);
}

TEST_CASE("every integer parameter of every check kind has its range, reported at its place", "[trust][catalogue]") {
  struct Case {
    std::string check, params, marker;
    std::size_t value_offset;
    std::string key, problem;
  };
  const std::vector<Case> cases = {
      {"count", R"({"max": -1})", R"("max": -1)", 7, "max", range(0, 1000000000, "-1")},
      {"count", R"({"max": 9223372036854775807})", R"("max": 9)", 7, "max", range(0, 1000000000, "9223372036854775807")},
      {"count", R"({"min": -9223372036854775808})", R"("min": -)", 7, "min", range(0, 1000000000, "-9223372036854775808")},
      {"count", R"({"min": 1, "minItems": -1})", R"("minItems")", 12, "minItems", range(0, 1000000000, "-1")},
      {"count", R"({"max": "5"})", R"("max": ")", 7, "max", range(0, 1000000000, "a string")},
      {"count", R"({"min": 3, "max": 2})", R"("max": 2)", 7, "max", "is less than min (3)"},
      {"length", R"({"min": -1})", R"("min": -1)", 7, "min", range(0, 1000000000, "-1")},
      {"length", R"({"max": 0})", R"("max": 0)", 7, "max", range(1, 1000000000, "0")},
      {"length", R"({"min": 5, "max": 4})", R"("max": 4)", 7, "max", "is less than min (5)"},
      {"text", R"({"outcome": "too-long", "max": 0})", R"("max": 0)", 7, "max", range(1, 1000000000, "0")},
      {"text", R"({"outcome": "too-long", "max": 9223372036854775807})", R"("max": 9)", 7, "max",
       range(1, 1000000000, "9223372036854775807")},
      {"embedded-json", R"({"outcome": "invalid", "maxBytes": 0})", R"("maxBytes": 0)", 12, "maxBytes", range(1, 1000000000, "0")},
      {"embedded-json", R"({"outcome": "invalid", "maxBytes": 9223372036854775807})", R"("maxBytes": 9)", 12, "maxBytes",
       range(1, 1000000000, "9223372036854775807")},
  };
  for (const auto& c : cases) {
    INFO(c.check << " " << c.params);
    RuleFixture f("[" + rule("a", c.check, "/items", c.params) + "]");
    CHECK(load_error(f) == place(f, c.marker, c.value_offset, "/rules/0/params/" + c.key) + ": " + c.problem);
  }
}

TEST_CASE("a count or length with neither min nor max is reported at the params object", "[trust][catalogue]") {
  // Not at /params/max: the member is not there to be looked at.
  for (const std::string check : {"count", "length"}) {
    RuleFixture f("[" + rule("a", check, "/items", "{}") + "]");
    CHECK(load_error(f) == place(f, R"("params": {})", 10, "/rules/0/params") + ": a " + check + " needs \"min\" or \"max\"");
  }
}

TEST_CASE("a rule file's own setting out of range is reported at the setting", "[trust][catalogue]") {
  RuleFixture f("[" + rule("a", "count", "/items", R"({"max": {"$setting": "limit"}})") + "]", R"({"limit": -1})");
  CHECK(load_error(f) == place(f, R"("limit": -1)", 9, "/settings/limit") + ": " + range(0, 1000000000, "-1") +
                             "; rule a uses it as \"max\"");
  // The user's value replaces the default and takes the blame; a good one loads.
  wxlint::LinterOptions o;
  o.settings["limit"] = "9223372036854775807";
  RuleFixture g("[" + rule("a", "count", "/items", R"({"max": {"$setting": "limit"}})") + "]", R"({"limit": 5})");
  CHECK(load_error(g, o) == "setting \"limit\": " + range(0, 1000000000, "9223372036854775807") + "; rule a uses it as \"max\"");
  o.settings["limit"] = "7";
  CHECK(load_error(g, o) == "no error");
}
