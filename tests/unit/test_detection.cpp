// Which operation a payload is for: ids compared by identity, ambiguous shapes, envelopes by
// method and path, and a detect key set that is half names, half sets.
#include "formats/formats.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace fs = std::filesystem;

TEST_CASE("webex_identity: one resource whatever the spelling of its id", "[detection]") {
  using wxlint::formats::webex_identity;
  std::string a, b, c, d;
  // PEOPLE/WSWYZ2128?6L212807: padded with '/', unpadded with '_'; and as a PERSON id.
  REQUIRE(webex_identity("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9XU1dZWjIxMjg/NkwyMTI4MDc=", a));
  REQUIRE(webex_identity("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9XU1dZWjIxMjg_NkwyMTI4MDc", b));
  REQUIRE(webex_identity("Y2lzY29zcGFyazovL3VzL1BFUlNPTi9XU1dZWjIxMjg/NkwyMTI4MDc=", c));
  CHECK(a == "PEOPLE/WSWYZ2128?6L212807");
  CHECK(b == a);
  CHECK(c == a);
  // A UUID in upper case (ciscospark://eu/LOCATION/5F0278FE-...) is the same as in lower case.
  REQUIRE(webex_identity("Y2lzY29zcGFyazovL2V1L0xPQ0FUSU9OLzVGMDI3OEZFLUU4OEMtNDMzNy04MEVCLURDQ0NCM0VFMDU1MA==", d));
  CHECK(d == "LOCATION/5f0278fe-e88c-4337-80eb-dcccb3ee0550");
  std::string untouched = "kept";
  CHECK_FALSE(webex_identity("5f0278fe-e88c-4337-80eb-dcccb3ee0550", untouched));
  CHECK_FALSE(webex_identity("", untouched));
  CHECK(untouched == "kept");
}

namespace {

struct RulesDir {
  fs::path dir = fs::temp_directory_path() / ("wxlint-detection-" + std::to_string(::getpid()));
  RulesDir() { fs::create_directories(dir / "rules"); }
  ~RulesDir() { fs::remove_all(dir); }
  void add(const std::string& name, const std::string& text) const { std::ofstream(dir / "rules" / name) << text; }
};

std::string op_file(const std::string& id, const std::string& method, const std::string& path, const std::string& detect) {
  return R"({"operation": {"id": ")" + id + R"(", "method": ")" + method + R"(", "path": ")" + path +
         R"(", "detect": )" + detect + R"(}, "rules": []})";
}

}  // namespace

TEST_CASE("a shape that fits two operations is ambiguous, and WX0011 names both", "[detection]") {
  RulesDir d;
  d.add("a.rules.json", op_file("opA", "POST", "/things", R"([["items", "kind"], ["items", "owner"]])"));
  d.add("b.rules.json", op_file("opB", "POST", "/other/{id}/things", R"(["items", "owner"])"));
  const auto linter = wxlint::Linter::from_directory(d.dir.string());
  CHECK(linter.lint(R"({"items": [], "kind": 1})", "k.json").operation == "opA");  // the second set of opA is not needed
  const auto both = linter.lint(R"({"items": [], "owner": 1})", "o.json");
  CHECK(both.operation.empty());
  REQUIRE(test_support::codes(both) == std::vector<std::string>{"WX0011"});
  CHECK(both.diagnostics[0].message.starts_with(
      "Cannot tell which Webex request this payload is for: its members fit \"opA\" and \"opB\" alike; pass --operation"));
  // An envelope without operationId: by method and path, under a base URL, with a query string.
  const std::string env = R"({"method": "post", "path": "https://webexapis.com/v1/other/42/things?x=1", "requestExamples": [{"example": {}}]})";
  CHECK(linter.lint(env, "e.json").operation == "opB");
  // Not after another prefix than the API version: /telephony/things is not /things.
  const auto other = linter.lint(R"({"method": "POST", "path": "/telephony/things", "requestExamples": []})", "t.json");
  CHECK(other.operation.empty());
  REQUIRE(test_support::codes(other) == std::vector<std::string>{"WX0011"});
  CHECK(other.diagnostics[0].location.pointer == "/path");
}

TEST_CASE("detect holds member names or sets of them, not both", "[detection]") {
  RulesDir d;
  d.add("a.rules.json", op_file("opA", "POST", "/things", R"(["items", ["kind"]])"));
  try {
    (void)wxlint::Linter::from_directory(d.dir.string());
    FAIL("a mixed detect list was accepted");
  } catch (const wxlint::ConfigError& e) {
    CHECK(std::string(e.what()).find("/operation/detect: holds member names or sets of them (arrays), not both") !=
          std::string::npos);
  }
}
