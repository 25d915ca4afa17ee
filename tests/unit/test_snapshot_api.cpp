// The org snapshot through the library's doors: LinterOptions, the C ABI's options, and the
// snapshot-lookup kind's parameters, checked when the rules load.
#include "support.hpp"

#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

const std::string kSnapshotDir = std::string(WXLINT_SOURCE_DIR) + "/examples/snapshot";
const std::string kExample = std::string(WXLINT_SOURCE_DIR) + "/examples/move-users.envelope.json";

std::string config_error(const wxlint::LinterOptions& options) {
  try {
    (void)wxlint::Linter::embedded(options);
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "";
}

// A rules directory with one snapshot-lookup rule of these params.
std::string rule_error(const std::string& params) {
  const fs::path dir = fs::temp_directory_path() / "wxlint-snapshot-params";
  fs::create_directories(dir / "rules");
  std::ofstream(dir / "rules" / "demo.rules.json")
      << R"({"operation": {"id": "demo", "method": "POST", "path": "/demo", "detect": ["demo"]}, "rules": [)"
      << R"({"id": "demo/lookup", "code": "DEMO1", "severity": "error", "check": "snapshot-lookup", "at": "/demo",)"
      << R"( "params": )" << params << R"(, "message": "m", "summary": "s", "description": "d"}]})";
  try {
    (void)wxlint::Linter::from_directory(dir.string());
  } catch (const wxlint::ConfigError& e) {
    fs::remove_all(dir);
    return e.what();
  }
  fs::remove_all(dir);
  return "";
}

}  // namespace

TEST_CASE("snapshot api: paths or loaded data in LinterOptions", "[snapshot]") {
  wxlint::LinterOptions by_path;
  by_path.snapshot = {kSnapshotDir};
  const auto a = wxlint::Linter::embedded(by_path).lint_file(kExample);
  CHECK(test_support::has_rule(a, "move-users/extension-taken"));
  wxlint::LinterOptions by_data;
  by_data.snapshot_data = wxlint::Snapshot::load({kSnapshotDir});
  CHECK(test_support::codes(wxlint::Linter::embedded(by_data).lint_file(kExample)) == test_support::codes(a));
  CHECK_FALSE(test_support::has_rule(test_support::linter().lint_file(kExample), "move-users/extension-taken"));
  by_path.snapshot_data = by_data.snapshot_data;
  CHECK(config_error(by_path) == "give the snapshot as paths or as loaded data, not both");
}

TEST_CASE("snapshot api: the C ABI's options take snapshot paths", "[snapshot]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  const std::string good = R"({"snapshot": [")" + kSnapshotDir + R"("]})";
  REQUIRE(wxlint_linter_new_embedded(good.c_str(), &linter, &error) == WXLINT_OK);
  const char payload[] =
      R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",)"
      R"( "validate": false, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE", "extension": "28544"}]}]})";
  wxlint_result* result = nullptr;
  REQUIRE(wxlint_lint(linter, payload, sizeof payload - 1, "p.json", nullptr, &result, &error) == WXLINT_OK);
  std::size_t length = 0;
  CHECK(std::string(wxlint_result_json(result, &length)).find(R"("code":"4202")") != std::string::npos);
  wxlint_result_free(result);
  wxlint_linter_free(linter);

  // One path as a string, as the config file and the Python API take it.
  const std::string one = R"({"snapshot": ")" + kSnapshotDir + R"("})";
  REQUIRE(wxlint_linter_new_embedded(one.c_str(), &linter, &error) == WXLINT_OK);
  REQUIRE(wxlint_lint(linter, payload, sizeof payload - 1, "p.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(std::string(wxlint_result_json(result, &length)).find(R"("code":"4202")") != std::string::npos);
  wxlint_result_free(result);
  wxlint_linter_free(linter);

  CHECK(wxlint_linter_new_embedded(R"({"snapshot": 7})", &linter, &error) == WXLINT_E_OPTIONS);
  CHECK(std::string(error) == "options: \"snapshot\" must be a file or directory path, or an array of them");
  wxlint_string_free(error);
  error = nullptr;
  CHECK(wxlint_linter_new_embedded(R"({"snapshot": "a\u0000b"})", &linter, &error) == WXLINT_E_OPTIONS);
  CHECK(std::string(error) == "options: \"snapshot\" must not hold a NUL (\\u0000)");
  wxlint_string_free(error);
  error = nullptr;
  const fs::path bad = fs::temp_directory_path() / "wxlint-bad-snapshot.json";
  std::ofstream(bad) << "{\"phoneNumbers\": [\n  7]}";
  const std::string with_bad = R"({"snapshot": [")" + bad.string() + R"("]})";
  CHECK(wxlint_linter_new_embedded(with_bad.c_str(), &linter, &error) == WXLINT_E_CONFIG);
  CHECK(std::string(error) == bad.string() + ":2:3: /phoneNumbers/0: expected an object (a list item), not an integer");
  wxlint_string_free(error);
  fs::remove(bad);
}

TEST_CASE("snapshot-lookup: its params are checked when the rules load", "[snapshot]") {
  CHECK(rule_error(R"({"table": "people", "key": "id"})") == "");
  // At the table's own parameter, not at the key's.
  CHECK(rule_error(R"({"table": "persons", "key": "id"})").ends_with(
            ":1:219: /rules/0/params/table: unknown snapshot table \"persons\" (known: people, numbers, locations, "
            "licences, callingLocations, callParkExtensions, virtualExtensions, contacts, extensions)"));
  CHECK(rule_error(R"({"table": "people", "key": "displayName"})").find(
            "table people has no key column \"displayName\" (it has: id, email, locationId, extension, phoneNumber)") !=
        std::string::npos);
  CHECK(rule_error(R"({"table": "people", "key": "id", "expect": "absent"})").find(
            "must be \"found\" or \"missing\"") != std::string::npos);
  CHECK(rule_error(R"({"table": "people", "key": "id", "where": [{"column": "state", "equals": "x"}]})")
            .find("table people has no column \"state\"") != std::string::npos);
  CHECK(rule_error(R"({"table": "people", "key": "id", "scope": {"column": "locationId"}})")
            .find("needs a string member \"at\"") != std::string::npos);
}
