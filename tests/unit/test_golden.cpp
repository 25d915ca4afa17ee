// Golden cases: testdata/<group>/<case>.json beside <case>.expected.json, linted through
// Linter::lint_file as the CLI does. WXLINT_UPDATE_GOLDEN=1 rewrites the expectations
// (review the diff before committing).
#include "support.hpp"

#include <wxlint/linter.hpp>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

std::string expected_json(const wxlint::FileReport& r) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  w.Key("operation");
  w.String(r.operation.c_str());
  w.Key("diagnostics");
  w.StartArray();
  for (const auto& d : r.diagnostics) {
    w.StartObject();
    w.Key("code"); w.String(d.code.c_str());
    w.Key("severity"); w.String(std::string(wxlint::to_string(d.severity)).c_str());
    w.Key("rule"); w.String(d.rule.c_str());
    w.Key("pointer"); w.String(d.location.pointer.c_str());
    w.Key("line"); w.Uint(d.location.line);
    w.Key("column"); w.Uint(d.location.column);
    w.Key("message"); w.String(d.message.c_str());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString()) + "\n";
}

}  // namespace

TEST_CASE("golden cases in testdata/ produce exactly their expected diagnostics", "[golden]") {
  const auto& linter = test_support::linter();
  const fs::path root = fs::path(WXLINT_SOURCE_DIR) / "testdata";
  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".json" && name.find(".expected.") == std::string::npos)
      cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 10);
  const bool update = std::getenv("WXLINT_UPDATE_GOLDEN") != nullptr;
  for (const auto& input : cases) {
    fs::path expected_path = input;
    expected_path.replace_extension(".expected.json");
    const std::string rel = fs::relative(input, fs::path(WXLINT_SOURCE_DIR)).string();
    DYNAMIC_SECTION(rel) {
      std::string actual = expected_json(linter.lint_file(input.string()));
      if (update) {
        std::ofstream(expected_path) << actual;
      } else {
        INFO("rerun with WXLINT_UPDATE_GOLDEN=1 to regenerate " << expected_path.string());
        REQUIRE(fs::exists(expected_path));
        CHECK(actual == test_support::read(expected_path));
      }
    }
  }
}
