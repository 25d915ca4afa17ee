// Golden fix cases: testdata/fix/<case>.json fixed through Linter::fix (what `wxlint check
// --fix` runs; a case named *-unsafe also with --unsafe-fixes) must give <case>.fixed.json
// byte for byte. The findings before fixing (<case>.expected.json) and those that remain
// (<case>.fixed.expected.json) are golden cases of test_golden.cpp. WXLINT_UPDATE_GOLDEN=1
// rewrites the .fixed.json files (review the diff).
#include "support.hpp"

#include <wxlint/linter.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

bool is_case(const fs::path& p) {
  const std::string name = p.filename().string();
  return p.extension() == ".json" && name.find(".expected.") == std::string::npos && name.find(".fixed.") == std::string::npos;
}

bool unsafe_case(const fs::path& p) { return p.stem().string().ends_with("-unsafe"); }

}  // namespace

TEST_CASE("fix cases in testdata/fix/ give their fixed text, and fixing again changes nothing", "[golden][fix]") {
  const fs::path root = fs::path(WXLINT_SOURCE_DIR) / "testdata" / "fix";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_regular_file() && is_case(e.path())) cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 12);
  const bool update = std::getenv("WXLINT_UPDATE_GOLDEN") != nullptr;
  const auto& linter = test_support::linter();
  for (const auto& input : cases) {
    fs::path fixed_path = input;
    fixed_path.replace_extension(".fixed.json");
    DYNAMIC_SECTION(input.filename().string()) {
      const bool unsafe = unsafe_case(input);
      const std::string before = test_support::read(input);
      const wxlint::FixResult r = linter.fix(before, input.string(), unsafe);
      if (update) {
        std::ofstream(fixed_path, std::ios::binary) << r.text;
        continue;
      }
      REQUIRE(fs::exists(fixed_path));
      CHECK(r.text == test_support::read(fixed_path));
      CHECK((r.applied > 0) == (r.text != before));  // a safe run of an unsafe case may change nothing
      // What remains offers no fix of the mode: fixing is done, and doing it again is a no-op.
      for (const auto& d : r.report.diagnostics) {
        INFO(d.rule << " at " << d.location.pointer);
        CHECK_FALSE((d.fix && (d.fix->safe || unsafe)));
      }
      const wxlint::FixResult again = linter.fix(r.text, input.string(), unsafe);
      CHECK(again.applied == 0);
      CHECK(again.text == r.text);
      CHECK(again.changes.empty());
    }
  }
}
