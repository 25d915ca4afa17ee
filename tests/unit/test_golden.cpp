// Golden cases: testdata/<group>/<case>.json beside <case>.expected.json, linted through
// Linter::lint_file as the CLI does. WXLINT_UPDATE_GOLDEN=1 rewrites the expectations
// (review the diff before committing). A case is linted with an org snapshot when a
// directory <case>.snapshot/ is beside it, else when its group has org.snapshot/; the
// files inside a *.snapshot/ directory are snapshot files, not cases.
#include "support.hpp"

#include <wxlint/linter.hpp>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

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

bool in_snapshot_dir(const fs::path& p) {
  for (const auto& part : p)
    if (part.extension() == ".snapshot") return true;
  return false;
}

// The case's snapshot directory, or "".
fs::path snapshot_for(const fs::path& input) {
  fs::path own = input;
  own.replace_extension(".snapshot");
  if (fs::is_directory(own)) return own;
  fs::path shared = input.parent_path() / "org.snapshot";
  return fs::is_directory(shared) ? shared : fs::path();
}

const wxlint::Linter& linter_for(const fs::path& snapshot) {
  static std::map<fs::path, std::unique_ptr<wxlint::Linter>> cache;
  if (snapshot.empty()) return test_support::linter();
  auto& l = cache[snapshot];
  if (!l) {
    wxlint::LinterOptions options;
    options.snapshot = {snapshot.string()};
    // A case judges the rules by the snapshot's rows, not its age: without a manifest that is
    // the files' modification time, and a checkout a week old would add WX0020 to every case
    // (test_snapshot.py tests the age).
    options.settings["snapshotMaxAgeDays"] = "1000000000";
    l = std::make_unique<wxlint::Linter>(wxlint::Linter::embedded(options));
  }
  return *l;
}

}  // namespace

TEST_CASE("golden cases in testdata/ produce exactly their expected diagnostics", "[golden]") {
  const fs::path root = fs::path(WXLINT_SOURCE_DIR) / "testdata";
  std::vector<fs::path> cases;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() == ".json" && name.find(".expected.") == std::string::npos &&
        !in_snapshot_dir(fs::relative(e.path(), root)))
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
      std::string actual = expected_json(linter_for(snapshot_for(input)).lint_file(input.string()));
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
