// The fast reader (src/document/fast_reader.cpp) must give the Document RapidJSON's reader
// gives, and must itself read ordinary payloads rather than hand them all back.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "document/fast_reader.hpp"
#include "document/sax_handler.hpp"
#include "document_diff.hpp"

#include <wxlint/linter.hpp>

using wxlint::Document;

namespace {

// Whether the fast reader reads text itself (true) or leaves it to RapidJSON (false).
bool fast_reads(const std::string& text) {
  rapidjson::Document dom;
  rapidjson::MemoryStream stream(text.data(), text.size());
  const std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // after a BOM, as Document
  stream.src_ += start;
  wxlint::detail::SaxHandler handler(dom, stream, text, Document::kMaxDepth, std::size_t{1} << 20, false);
  const bool read = wxlint::detail::fast_read(text, start, stream, handler);
  if (read) handler.finish();
  return read;
}

void check_same(const std::string& text) {
  INFO("text: " << text.substr(0, 200));
  for (bool referenced : {false, true}) {
    const Document fast(text, referenced, true), slow(text, referenced, false);
    CHECK(wxlint::testing::document_diff(fast, slow) == "");
  }
}

// Texts the fast reader reads itself.
const std::vector<std::string> kRead = {
    R"({"a": 1, "b": [true, false, null], "c": {"d": "e"}})",
    "  \t\r\n[ 0 , -0 , 12 , -12 , 4294967295 , 4294967296 , -2147483648 , -2147483649 ]\n ",
    "[9223372036854775807, 9223372036854775808, 18446744073709551615, 18446744073709551616, -9223372036854775808]",
    "[1.5, -0.25, 0.1, 3.14159265358979323846264338327950288, 0.0000000000000000000000001]",
    R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "\u0000nul", "x\"y"])",
    R"(["\u007f\u0080\u07FF\u0800\uFFFF\uDBFF\uDFFF"])",  // each UTF-8 length at its edges
    R"({"Y2lzY29zcGFyazovL3VzL1BFT1BMRS8w": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE"})",
    R"({"a": 1, "a": 2, "b": {"a": 3}, "b": []})",  // duplicate keys are reported, not refused
    "\xEF\xBB\xBF{\"bom\": \"caf\xC3\xA9\"}",
    "[\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\", \"\xC2\x80 \xDF\xBF \xEF\xBF\xBF \xF4\x8F\xBF\xBF\"]",
    R"("just a string")",
    "[[], {}, [[]], {\"\": {}}]",
    "123",
};

// Texts left to RapidJSON: errors it names, and numbers its scan may refuse.
const std::vector<std::string> kLeft = {
    "[1e5]", "[0e400]", "[1E-2]", "[" + std::string(400, '9') + "]",
    // Below DBL_MAX, yet RapidJSON's scan calls it too big (309 digits).
    "[17976931348623157" + std::string(292, '0') + "]",
    "[1,]", "[01]", "[-]", "[1.]", "[.5]", "[+1]", "tru", "nul", "[nan]",
    "[\"a\x01\"]", "[\"\x1f\"]", "[\"tab\there\"]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "[] x", "[]\n[]",
    std::string("[1]\0", 4), std::string("[\"a\0b\"]", 7),
    R"(["\ud800"])", R"(["\udc00 lone low"])", R"(["\ud800\u0041"])", R"(["\ud800x"])", R"(["\x"])", R"(["\u12"])", R"(["\u12G4"])",
    "[\"unterminated", "{\"a\":", "[", std::string(600, '[') + std::string(600, ']'),
    // Ill-formed UTF-8 (RFC 3629) in a string, and any byte above 0x7F outside one.
    "[\"\xC3(\"]", "[\"\xC0\xAF\"]", "[\"\xED\xA0\x80\"]", "[\"\xF4\x90\x80\x80\"]", "[\"\xE2\x82\"]",
    "[\"\xE2\x82", "[\"x\\n\xFF\"]", "\xFF", "[1]\xC3\xA9", "[\xC3\xA9]",
};

}  // namespace

TEST_CASE("fast reader: reads ordinary payloads itself", "[document]") {
  for (const auto& text : kRead) {
    INFO("text: " << text);
    CHECK(fast_reads(text));
  }
  // Every example and operation test case that parses (none has an exponent).
  for (const char* dir : {"examples", "testdata/validateOrInitiateMoveUsersJob", "testdata/bulk-contacts"}) {
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(WXLINT_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".json") continue;
      const std::string text = wxlint::read_file(e.path().string());
      INFO(e.path().string());
      if (Document(text).parsed()) CHECK(fast_reads(text));
    }
  }
}

TEST_CASE("fast reader: leaves errors and risky numbers to RapidJSON", "[document]") {
  for (const auto& text : kLeft) {
    INFO("text: " << text);
    CHECK_FALSE(fast_reads(text));
  }
}

TEST_CASE("fast reader: the same Document as RapidJSON's reader", "[document]") {
  for (const auto& text : kRead) check_same(text);
  for (const auto& text : kLeft) check_same(text);
  // Every golden input and example, and each cut short at a few places.
  for (const char* dir : {"examples", "testdata"}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(WXLINT_SOURCE_DIR) / dir)) {
      if (e.path().extension() != ".json") continue;
      const std::string text = wxlint::read_file(e.path().string());
      INFO(e.path().string());
      check_same(text);
      for (std::size_t cut : {text.size() / 3, text.size() / 2, text.size() - 1}) check_same(text.substr(0, cut));
    }
  }
}
