// The DOM built from parse events (src/document/dom_builder.cpp) must be the one
// RapidJSON's own Document builds, also for containers whose values straddle the
// builder's chunks, and a dense array must not be held twice while it closes.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <rapidjson/document.h>
#include <sys/resource.h>

#include "document_diff.hpp"

#include <wxlint/linter.hpp>

using wxlint::Document;

namespace {

void check_like_rapidjson(const std::string& text) {
  INFO("text: " << text.substr(0, 120));
  for (bool referenced : {false, true}) {
    const Document doc(text, referenced);
    REQUIRE(doc.parsed());
    rapidjson::Document expected;
    expected.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    REQUIRE_FALSE(expected.HasParseError());
    CHECK(wxlint::testing::value_diff(doc.root(), expected, "") == "");
  }
}

// n copies of item, comma-separated, in brackets.
std::string array_of(const std::string& item, std::size_t n) {
  std::string out = "[";
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + item;
  return out + "]";
}

long peak_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

TEST_CASE("dom builder: the DOM of every example and golden input is RapidJSON's", "[document]") {
  for (const char* dir : {"examples", "testdata"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(WXLINT_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".json") continue;
      const std::string text = wxlint::read_file(e.path().string());
      if (!Document(text).parsed()) continue;  // the parse tests cover what it refuses
      INFO(e.path().string());
      check_like_rapidjson(text);
    }
  }
}

TEST_CASE("dom builder: containers straddling its 16,384-value chunks", "[document]") {
  // Values pushed before a big container keep their place when it closes.
  check_like_rapidjson("[1,\"a\"," + array_of("[true,{\"k\":null,\"n\":-1}]", 20000) + ",{\"last\":2.5}]");
  check_like_rapidjson("{\"a\":" + array_of("{\"x\":\"some text longer than sixteen\",\"y\":[1,2]}", 9000) + ",\"b\":[]}");
  std::string wide = "{";
  for (int i = 0; i < 40000; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  check_like_rapidjson(wide + "}");
  check_like_rapidjson(array_of(array_of("0", 16384), 3));
}

TEST_CASE("dom builder: a dense array is not held twice while it closes", "[document]") {
  // 3,000,000 values of 16 bytes: 48 MB of DOM from 6 MB of text. RapidJSON's Document
  // held them on its stack and copied them out, 96 MB at the peak.
  // ctest runs each test case in a process of its own, so the peak so far is small.
  const std::string text = array_of("0", 3'000'000);
  const long before = peak_rss_kib();
  const Document doc(text, true);
  REQUIRE(doc.parsed());
  CHECK(doc.root().Size() == 3'000'000);
  const long grew_mib = (peak_rss_kib() - before) / 1024;
  // A sanitizer build (scripts/test.sh step 2) pads every allocation: memory is measured by
  // the release run only, as the CLI tests do.
  if (std::getenv("WXLINT_SANITIZED") == nullptr) CHECK(grew_mib < 64);
}
