// Document(text, reference_strings = true): escape-free strings point into the text.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>

#include "document/document.hpp"

using wxlint::Document;

namespace {

std::string_view sv(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

bool in_text(const Document& d, const rapidjson::Value& v) {
  const char* p = v.GetString();
  return p >= d.text().data() && p < d.text().data() + d.text().size();
}

}  // namespace

TEST_CASE("referenced strings: same values as copied ones, escape-free ones in the text", "[document]") {
  // Each member is a case: escape-free long, short, escapes at either end or in the
  // middle (an escaped quote just before a backslash-free tail must not pass for the
  // opening quote), \u escapes, and multi-byte text.
  const std::string text = R"({
    "plain": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJh",
    "short": "abc",
    "quote-first": "\"abcdefghijklmnopqrstuvwxyz",
    "quote-last": "abcdefghijklmnopqrstuvwxyz\"",
    "backslash-middle": "abcdefghij\\klmnopqrstuvwxyz",
    "unicode": "\u0041bcdefghijklmnopqrstuvwxyz",
    "unicode-cut": "x\u00e9abcdefghijklmnopqrstuvwxyz",
    "utf8": "Zürich, Genève and København",
    "empty": ""
  })";
  // Both readers: the fast one knows which strings need no decoding, RapidJSON's does not.
  for (bool fast : {true, false}) {
    INFO("fast reader: " << fast);
    Document copied(std::string(text), false, fast);
    Document referenced(std::string(text), true, fast);
    REQUIRE(copied.parsed());
    REQUIRE(referenced.parsed());
    for (const auto& m : copied.root().GetObject()) {
      INFO(sv(m.name));
      const rapidjson::Value& r = referenced.root()[m.name];
      CHECK(sv(r) == sv(m.value));
    }
    if (fast)  // keys too, with the fast reader (RapidJSON's reader is only the fallback)
      for (const auto& m : referenced.root().GetObject()) CHECK(in_text(referenced, m.name));
    CHECK(in_text(referenced, referenced.root()["plain"]));
    CHECK(in_text(referenced, referenced.root()["utf8"]));
    CHECK(in_text(referenced, referenced.root()["short"]));
    CHECK_FALSE(in_text(referenced, referenced.root()["quote-first"]));
    CHECK_FALSE(in_text(referenced, referenced.root()["unicode"]));
    CHECK_FALSE(in_text(copied, copied.root()["plain"]));
  }
}

TEST_CASE("referenced strings survive moving the Document", "[document]") {
  Document a(R"(["abcdefghijklmnopqrstuvwxyz0123456789"])", true);
  Document b(std::move(a));
  REQUIRE(b.parsed());
  CHECK(sv(b.root()[0]) == "abcdefghijklmnopqrstuvwxyz0123456789");
  CHECK(in_text(b, b.root()[0]));
}

TEST_CASE("a text short enough to live inside std::string is never referenced", "[document]") {
  // Moving such a string moves its bytes, which would leave the DOM pointing at the old ones.
  Document a(R"({"ab": "cd"})", true);
  Document b(std::move(a));
  REQUIRE(b.parsed());
  const auto& m = *b.root().MemberBegin();
  CHECK(sv(m.name) == "ab");
  CHECK(sv(m.value) == "cd");
  CHECK_FALSE(in_text(b, m.name));
  CHECK_FALSE(in_text(b, m.value));
}
