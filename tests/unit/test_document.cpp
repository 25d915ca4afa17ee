#include <catch2/catch.hpp>

#include <ctime>
#include <string>
#include <vector>

#include "document/document.hpp"
#include "formats/formats.hpp"
#include "support.hpp"

// rapidjson 1.1.0's Value == scalar recurses forever under C++20: compare via GetInt()/GetString().
using wxlint::Document;
using wxlint::ParseIssue;
using wxlint::Span;
using Kind = ParseIssue::Kind;

namespace {

std::string_view slice(const Document& d, const Span& s) { return d.text().substr(s.begin, s.end - s.begin); }

Span locate1(const Document& d, const std::string& ptr) { return d.locate({ptr}).at(0); }

std::pair<unsigned, unsigned> lc(const Document& d, std::size_t off) {
  return {d.position(off).line, d.position(off).column};
}


const char* kPretty =
    "{\n"
    "  \"roomId\": \"abc\",\n"
    "  \"count\": -42,\n"
    "  \"ok\": true,\n"
    "  \"no\": false,\n"
    "  \"nil\": null,\n"
    "  \"obj\": {},\n"
    "  \"arr\": [ ],\n"
    "  \"list\": [\n"
    "    1.5e3,\n"
    "    {\"x\": \"y\"}\n"
    "  ]\n"
    "}\n";

}  // namespace

TEST_CASE("values of a pretty-printed payload: offsets and line:column", "[document]") {
  Document d(kPretty);
  REQUIRE(d.parsed());
  CHECK(d.issues().empty());
  CHECK(std::string_view(d.root()["list"][1]["x"].GetString()) == "y");

  struct Want { std::string ptr, text; unsigned line, col, key_col; };
  const std::vector<Want> wants = {
      {"/roomId", "\"abc\"", 2, 13, 3}, {"/count", "-42", 3, 12, 3},  {"/ok", "true", 4, 9, 3},
      {"/no", "false", 5, 9, 3},        {"/nil", "null", 6, 10, 3},   {"/obj", "{}", 7, 10, 3},
      {"/arr", "[ ]", 8, 10, 3},        {"/list/0", "1.5e3", 10, 5, 0}, {"/list/1", "{\"x\": \"y\"}", 11, 5, 0},
      {"/list/1/x", "\"y\"", 11, 11, 6}};
  std::vector<std::string> ptrs;
  for (const auto& w : wants) ptrs.push_back(w.ptr);
  const auto spans = d.locate(ptrs);
  REQUIRE(spans.size() == wants.size());
  for (std::size_t i = 0; i < wants.size(); ++i) {
    INFO(wants[i].ptr);
    REQUIRE(spans[i].found);
    CHECK(slice(d, spans[i]) == wants[i].text);
    CHECK(lc(d, spans[i].begin) == std::make_pair(wants[i].line, wants[i].col));
    if (wants[i].key_col == 0) {
      CHECK(spans[i].key_begin == SIZE_MAX);
    } else {
      CHECK(lc(d, spans[i].key_begin) == std::make_pair(wants[i].line, wants[i].key_col));
    }
  }
  const Span root = locate1(d, "");
  CHECK((root.found && root.begin == 0 && root.end == d.text().size() - 1));
  const Span list = locate1(d, "/list");
  CHECK(lc(d, list.end - 1) == std::make_pair(12u, 3u));
}

TEST_CASE("columns count UTF-8 code points", "[document]") {
  const std::string text = "{\"k\": \"é漢😀\", \"v\": 1,\r\n \"w\": 2}";
  Document d(text);
  REQUIRE(d.parsed());
  CHECK(lc(d, locate1(d, "/v").begin) == std::make_pair(1u, 19u));
  CHECK(lc(d, locate1(d, "/w").begin) == std::make_pair(2u, 7u));
  // Unsorted batch, the end of the text and past it.
  const auto pos = d.positions({text.size(), 0, text.size() + 1, text.find('\r')});
  CHECK((pos[0].line == 2 && pos[0].column == 9));
  CHECK((pos[1].line == 1 && pos[1].column == 1));
  CHECK((pos[2].line == 0 && pos[2].column == 0));
  CHECK(pos[3].column == 21);
}

TEST_CASE("keys are decoded before matching pointer tokens", "[document]") {
  Document d(R"({"a\u00e9\"b": 1, "x/y~z": 2, "\ud83d\ude00": 3, "t\tab\/": 4})");
  REQUIRE(d.parsed());
  const auto s = d.locate({"/aé\"b", "/x~1y~0z", "/😀", "/t\tab~1", "/x/y~z"});
  CHECK(slice(d, s[0]) == "1");
  CHECK(s[0].key_begin == 1);
  CHECK(slice(d, s[1]) == "2");
  CHECK(slice(d, s[2]) == "3");
  CHECK(slice(d, s[3]) == "4");
  CHECK_FALSE(s[4].found);
}

TEST_CASE("pointers that do not resolve", "[document]") {
  Document d(kPretty);
  const auto s = d.locate({"/nope", "/list/2", "/roomId/x", "/arr/0", "not-a-pointer", "/list/01", "/list/-",
                           "/obj/a", "/list/1/x/y", "/count"});
  for (std::size_t i = 0; i + 1 < s.size(); ++i) CHECK_FALSE(s[i].found);
  CHECK(s.back().found);  // a resolvable one after all the misses
  CHECK_FALSE(locate1(Document("{\"a\": "), "/a").found);
}

TEST_CASE("identical and prefix pointers in one batch", "[document]") {
  Document d(kPretty);
  const auto s = d.locate({"/list/1/x", "", "/list", "/list", "/list/1", "/list/1/x"});
  for (const auto& span : s) CHECK(span.found);
  CHECK(slice(d, s[0]) == "\"y\"");
  CHECK(slice(d, s[5]) == "\"y\"");
  CHECK(s[2].begin == s[3].begin);
  CHECK(slice(d, s[4]) == "{\"x\": \"y\"}");
}

TEST_CASE("duplicate keys: reported, not fatal, first occurrence wins", "[document]") {
  Document d("{\n  \"userId\": 1,\n  \"other\": {\"a\": [2]},\n  \"userId\": {\"c\": 3}\n}");
  REQUIRE(d.parsed());
  CHECK(d.root().MemberCount() == 3);  // the DOM keeps both
  REQUIRE(d.issues().size() == 1);
  const ParseIssue& i = d.issues()[0];
  CHECK(i.kind == Kind::duplicate_key);
  CHECK(i.pointer == "/userId");
  CHECK(lc(d, i.offset) == std::make_pair(4u, 3u));
  CHECK(i.message == "duplicate key \"userId\"; first defined at line 2, column 3");
  const auto s = d.locate({"/userId", "/userId/c", "/other/a/0"});
  CHECK(slice(d, s[0]) == "1");
  CHECK_FALSE(s[1].found);
  CHECK(slice(d, s[2]) == "2");
  // Escaped spellings of one key are the same key; offsets stay exact.
  Document e(R"({"x": 0, "a\u00e9\"b": 1, "aé\"\u0062": 2})");
  REQUIRE(e.issues().size() == 1);
  CHECK(e.issues()[0].offset == 26);
  CHECK(e.issues()[0].message == "duplicate key \"aé\\\"b\"; first defined at line 1, column 10");
}

TEST_CASE("locate_value places a value from the value itself: the second of a duplicated key", "[document]") {
  Document d("{\n  \"a\": \"x\",\n  \"a\": \"y\",\n  \"a\": {\"b\": [1]},\n  \"a\": \"e\\u0073c\",\n  \"a\": 7\n}",
             true);  // strings point into the text, as the lint parses
  REQUIRE(d.parsed());
  const rapidjson::Value& root = d.root();
  REQUIRE(root.MemberCount() == 5);
  const auto at = [&](rapidjson::SizeType i) { return d.locate_value((root.MemberBegin() + i)->value); };
  CHECK(slice(d, at(1)) == "\"y\"");
  CHECK(lc(d, at(1).begin) == std::make_pair(3u, 8u));
  CHECK(slice(d, at(2)) == "{\"b\": [1]}");
  CHECK(at(2).key_begin == SIZE_MAX);
  CHECK_FALSE(at(3).found);  // a string with an escape is a copy: the text cannot say
  CHECK_FALSE(at(4).found);  // nor for a number
  CHECK(slice(d, d.locate({"/a"})[0]) == "\"x\"");  // its pointer names the first
}

// Listed duplicates are capped by a memory budget; the rest are counted in a
// final "N more duplicate keys ... not listed" issue. Listed + N must be exact.
std::size_t duplicates_reported(const Document& d) {
  std::size_t n = 0;
  for (const auto& i : d.issues()) {
    REQUIRE(i.kind == Kind::duplicate_key);
    if (i.message.find("not listed") == std::string::npos) {
      ++n;
    } else {
      n += std::stoul(i.message);
      CHECK(&i == &d.issues().back());
    }
  }
  return n;
}

TEST_CASE("100,000 keys in one object stay linear", "[document][slow]") {
  std::string text = "{\"outer\": [{";
  for (int i = 0; i < 100000; ++i) {
    if (i) text += ",";
    text += "\"k" + std::to_string(i % 50000) + "\": " + std::to_string(i);
  }
  text += "}]}";
  auto t0 = std::clock();
  Document d(text);
  CHECK(test_support::cpu_seconds_since(t0) < 5.0);
  REQUIRE(d.parsed());
  CHECK(d.root()["outer"][0].MemberCount() == 100000);
  CHECK(duplicates_reported(d) == 50000);
  const ParseIssue& first = d.issues().front();
  CHECK(first.pointer == "/outer/0/k0");
  CHECK(first.message == "duplicate key \"k0\"; first defined at line 1, column 13");
  CHECK(first.offset == text.find("\"k0\"", 20));
  CHECK(slice(d, locate1(d, "/outer/0/k49999")) == "49999");

  std::string same = "{";
  for (int i = 0; i < 100000; ++i) same += i ? ",\"id\":0" : "\"id\":0";
  same += "}";
  t0 = std::clock();
  Document e(same);
  CHECK(test_support::cpu_seconds_since(t0) < 5.0);
  CHECK(duplicates_reported(e) == 99999);
  CHECK(e.issues().front().offset == 8);
}

TEST_CASE("syntax errors: offset and line:column", "[document]") {
  SECTION("truncated input") {
    Document d("{\n  \"a\": [1, 2");
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::syntax);
    CHECK(d.issues()[0].offset == d.text().size());
    CHECK(lc(d, d.issues()[0].offset) == std::make_pair(2u, 13u));
    CHECK(d.issues()[0].pointer == "/a");
    CHECK(d.issues()[0].message ==
          "the text ends inside the array that opens at line 2, column 8: it lacks its closing ] (a file cut short?)");
    // Whitespace after the last token, and a comma that expects another member.
    CHECK(Document("{\"a\": {\"b\": 1,\n\n").issues()[0].message ==
          "the text ends inside the object that opens at line 1, column 7: it lacks its closing } (a file cut short?)");
    // A string cut short says so.
    CHECK(Document("{\"a\": \"x").issues()[0].message == "Missing a closing quotation mark in string.");
  }
  SECTION("the usual mistakes of a hand-edited file are named") {
    auto message = [](std::string text) {
      Document d(std::move(text));
      REQUIRE(d.issues().size() == 1);
      return std::to_string(lc(d, d.issues()[0].offset).first) + ":" + std::to_string(lc(d, d.issues()[0].offset).second) +
             " " + d.issues()[0].message;
    };
    CHECK(message("{\"a\": 1,\n}") == "2:1 a comma before }: JSON allows none after the last member");
    CHECK(message("[1, 2, ]") == "1:8 a comma before ]: JSON allows none after the last element");
    // A comma, then the wrong bracket: not a trailing comma.
    // A bracket that closes something else than the innermost object or array.
    CHECK(message("{\"a\": [1,}") == "1:10 } does not close the array that opens at line 1, column 7: close it with ] first");
    CHECK(message("{\"a\": [1, 2}") == "1:12 } does not close the array that opens at line 1, column 7: close it with ] first");
    CHECK(message("[{\"a\": 1]") == "1:9 ] does not close the object that opens at line 1, column 2: close it with } first");
    CHECK(message("{'a': 1}") == "1:2 text and member names are written in double quotes (\"), not single quotes");
    CHECK(message("{\"a\": 'x'}") == "1:7 text and member names are written in double quotes (\"), not single quotes");
    CHECK(message("{\"a\": tru}") ==
          "1:7 not a JSON value: text is written in double quotes, and the only bare words are true, false and null");
    CHECK(message("{\"a\": Active}") ==
          "1:7 not a JSON value: text is written in double quotes, and the only bare words are true, false and null");
    // A hand-written config's usual slips.
    CHECK(message("// a comment\n{}") == "1:1 JSON has no comments: remove this one (or give the text in a member, such as \"description\")");
    CHECK(message("{\"a\": 1 /* b */}") == "1:9 JSON has no comments: remove this one (or give the text in a member, such as \"description\")");
    CHECK(message("# a comment\n{}") == "1:1 JSON has no comments: remove this one (or give the text in a member, such as \"description\")");
    CHECK(message("{}\n{}") == "2:1 more text after the JSON value: a file holds one value (a comma or bracket missing before it?)");
    CHECK(message("{\"a\" 1}") == "1:6 a member name is followed by \":\" and its value");
    CHECK(message("[1 2]") == "1:4 missing a comma before this, or the ] that closes the array");
  }
  SECTION("missing comma") {
    Document d("{\n  \"a\": {\"b\": 1\n    \"c\": 2}\n}");
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].message == "missing a comma before this, or the } that closes the object");
    CHECK(lc(d, d.issues()[0].offset) == std::make_pair(3u, 5u));
    CHECK(d.issues()[0].pointer == "/a");
  }
  SECTION("trailing garbage") {
    Document d("{\"a\": 1}\n  x");
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::syntax);
    CHECK(lc(d, d.issues()[0].offset) == std::make_pair(2u, 3u));
  }
  SECTION("invalid value in an array") {
    Document d("{\"a\": [true, tru]}");
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].pointer == "/a/1");
    CHECK(d.issues()[0].offset == 13);
  }
}

TEST_CASE("empty and whitespace-only files", "[document]") {
  for (std::string text : {"", " \n\t\r\n ", "\xEF\xBB\xBF", "\xEF\xBB\xBF \n"}) {
    Document d(text);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::empty);
    CHECK(d.issues()[0].message == "the file is empty");
  }
}

TEST_CASE("a UTF-8 BOM is skipped but offsets stay in the original text", "[document]") {
  Document d("\xEF\xBB\xBF{\"a\": [1, 2]}");
  REQUIRE(d.parsed());
  const Span s = locate1(d, "/a/1");
  CHECK(s.begin == 13);
  CHECK(lc(d, s.begin) == std::make_pair(1u, 11u));
  CHECK(lc(d, 0) == std::make_pair(1u, 1u));
  CHECK(lc(d, 3) == std::make_pair(1u, 1u));
}

TEST_CASE("NUL bytes are syntax errors, never silent truncation", "[document]") {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {std::string("{\"a\": 1}\0 ", 10), 8}, {std::string("[1,\0 2]", 7), 3},
      {std::string("[\"a\0b\"]", 7), 3},   {std::string("\0{}", 3), 0},
      {std::string("[12\0]", 5), 3},
  };
  for (const auto& [text, off] : cases) {
    Document d(text);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::syntax);
    CHECK(d.issues()[0].offset == off);
    CHECK(d.issues()[0].message == "unexpected NUL byte");
  }
}

TEST_CASE("a text in UTF-16 or UTF-32 is named as such, at its start", "[document]") {
  // "[1]" in each encoding, with and without its byte order mark.
  const std::string le16("[\0" "1\0" "]\0", 6), be16("\0[" "\0" "1" "\0]", 6);
  const std::string le32("[\0\0\0" "1\0\0\0" "]\0\0\0", 12), be32("\0\0\0[" "\0\0\0" "1" "\0\0\0]", 12);
  const std::string powershell = "the file is UTF-16 (little-endian), not UTF-8, as Windows PowerShell 5.1 saves it by "
                                 "default (Out-File -Encoding utf8 writes UTF-8)";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\xFF\xFE" + le16, powershell},
      {le16, powershell},
      {"\xFE\xFF" + be16, "the file is UTF-16 (big-endian), not UTF-8"},
      {be16, "the file is UTF-16 (big-endian), not UTF-8"},
      {std::string("\xFF\xFE\0\0", 4) + le32, "the file is UTF-32 (little-endian), not UTF-8"},
      {le32, "the file is UTF-32 (little-endian), not UTF-8"},
      {std::string("\0\0\xFE\xFF", 4) + be32, "the file is UTF-32 (big-endian), not UTF-8"},
      {be32, "the file is UTF-32 (big-endian), not UTF-8"},
  };
  for (const auto& [text, message] : cases) {
    INFO(message);
    Document d(text);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::invalid_utf8);
    CHECK(d.issues()[0].offset == 0);
    CHECK(d.issues()[0].message == message);
  }
}

TEST_CASE("invalid UTF-8 is reported at the bad byte", "[document]") {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {"{\"a\": \"ok\xC3(\"}", 9},       // truncated sequence in a value
      {"{\"ab\xFF\": 1}", 4},            // stray byte in a key
      {"[\"\xED\xA0\x80\"]", 2},         // encoded surrogate
      {"[\"\xE0\x80\x80\"]", 2},         // overlong
      {"{\"a\": \xFF}", 6},              // outside any string
  };
  for (const auto& [text, off] : cases) {
    Document d(text);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::invalid_utf8);
    CHECK(d.issues()[0].offset == off);
  }
  CHECK(Document("[\"é漢😀\"]").parsed());
}

TEST_CASE("numbers beyond double are syntax errors", "[document]") {
  Document d("{\"n\": 1e400}");
  CHECK_FALSE(d.parsed());
  REQUIRE(d.issues().size() == 1);
  CHECK(d.issues()[0].kind == Kind::syntax);
  CHECK(d.issues()[0].offset == 6);
  CHECK(d.issues()[0].pointer == "/n");
  CHECK(d.issues()[0].message == "the number is too big: past about 1.8e308, the most a JSON reader (the API's too) can hold");
  CHECK(Document("[123456789012345678901234567890, 1e308]").parsed());
}

TEST_CASE("nesting limit", "[document]") {
  SECTION("512 levels parse") {
    Document d(std::string(512, '[') + std::string(512, ']'));
    CHECK(d.parsed());
  }
  SECTION("1,000,000 levels stop at level 513") {
    const std::string text(1000000, '[');
    auto t0 = std::clock();
    Document d(text);
    CHECK(test_support::cpu_seconds_since(t0) < 1.0);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    const ParseIssue& i = d.issues()[0];
    CHECK(i.kind == Kind::too_deep);
    CHECK(i.offset == 512);
    CHECK(i.message == "nesting deeper than 512 levels");
    CHECK(i.pointer.size() == 1024);
  }
  SECTION("mixed objects and arrays") {
    std::string text;
    for (int k = 0; k < 600; ++k) text += k % 2 ? "[" : "{\"a\":";
    Document d(text);
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == Kind::too_deep);
    CHECK(d.issues()[0].pointer.substr(0, 8) == "/a/0/a/0");
  }
}

TEST_CASE("locate 1,000 pointers into a 50,000-element array in one call", "[document]") {
  std::string text = "[\n";
  for (int i = 0; i < 50000; ++i) {
    text += "  {\"id\": " + std::to_string(i) + ", \"tags\": [\"a\", {\"b\": \"}]\\\"\"}], \"name\": \"n" +
            std::to_string(i) + "\"}" + (i + 1 < 50000 ? ",\n" : "\n");
  }
  text += "]\n";
  Document d(text);
  REQUIRE(d.parsed());
  std::vector<std::string> ptrs;
  for (int i = 999; i >= 0; --i) ptrs.push_back("/" + std::to_string(i * 50 + 7) + "/name");
  const auto spans = d.locate(ptrs);
  REQUIRE(spans.size() == 1000);
  std::vector<std::size_t> begins;
  for (const auto& sp : spans) begins.push_back(sp.begin);
  const auto pos = d.positions(begins);
  for (int k = 0; k < 1000; ++k) {
    const int i = (999 - k) * 50 + 7;
    REQUIRE(spans[k].found);
    CHECK(slice(d, spans[k]) == "\"n" + std::to_string(i) + "\"");
    CHECK((pos[k].line == static_cast<unsigned>(i + 2) && pos[k].column == 50 + std::to_string(i).size()));
  }
  CHECK(slice(d, locate1(d, "/49999/tags/1/b")) == "\"}]\\\"\"");
  CHECK_FALSE(locate1(d, "/50000").found);
}

// The skim classifies 64 bytes at a time: strings, escapes and brackets must
// read the same wherever a block boundary falls, including inside a run of
// backslashes.
TEST_CASE("skipped values read the same at every alignment", "[document]") {
  const std::string junk =
      R"(["\\", "\"", "]}", "\\\"]", {"q": "\\\\\\\"}]", "r": [[[]], {}]}, "\\\\\\\\\\\\\\\\", "{[", [1, 2]])";
  for (std::size_t pad = 0; pad < 140; ++pad) {
    INFO("pad " << pad);
    const std::string text = "{\"a\": {\"w\": 1, \"junk\": " + std::string(pad, ' ') + junk + "}, \"b\": [" + junk +
                             ", 7, \"" + std::string(pad, 'x') + "\", " + junk + ", 8]}";
    Document d(text);
    REQUIRE(d.parsed());
    const auto s = d.locate({"/a/w", "/b/1", "/b/4", "/b/5", "/b/0/4/q", "/b/0/7/1"});
    CHECK(slice(d, s[0]) == "1");  // then the rest of /a, junk and all, is skipped
    CHECK(slice(d, s[1]) == "7");
    CHECK(slice(d, s[2]) == "8");  // elements 2 and 3 skipped in one go
    CHECK_FALSE(s[3].found);
    CHECK(slice(d, s[4]) == R"("\\\\\\\"}]")");  // inner elements 0-3 skipped, then "r"
    CHECK(slice(d, s[5]) == "2");                 // inner elements 5 and 6 skipped
  }
}

TEST_CASE("positions agree with a byte-by-byte count over long gaps", "[document]") {
  // Long lines of multibyte text, many short lines, and gaps longer than the
  // sweep's 4 KiB counting rounds.
  std::string text = "[\n";
  for (int i = 0; i < 300; ++i) {
    text += "  \"" + std::string(static_cast<std::size_t>(i * 37 % 9000), 'a');
    for (int k = 0; k < i % 50; ++k) text += "\u00e9\u6f22";
    text += "\",\n";
    if (i % 7 == 0) text += std::string(static_cast<std::size_t>(i * 13), '\n');
  }
  text += "  0\n]";
  Document d(text);
  REQUIRE(d.parsed());
  std::vector<std::size_t> offsets;
  for (std::size_t off = 0; off <= text.size() + 1; off += 997) offsets.push_back(off);
  for (std::size_t k = 0; k < offsets.size(); k += 3) offsets.push_back(offsets[k]);  // repeats, out of order
  const auto pos = d.positions(offsets);
  for (std::size_t k = 0; k < offsets.size(); ++k) {
    const std::size_t off = offsets[k];
    std::uint32_t line = 1, col = 1;
    for (std::size_t i = 0; i < off && i < text.size(); ++i) {
      if (text[i] == '\n') ++line, col = 1;
      else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    }
    INFO("offset " << off);
    if (off > text.size()) {
      CHECK((pos[k].line == 0 && pos[k].column == 0));
    } else {
      CHECK((pos[k].line == line && pos[k].column == col));
    }
  }
}

TEST_CASE("moves keep the DOM and the text", "[document]") {
  Document a("{\"k\": [1, 2, 3]}");
  Document b(std::move(a));
  REQUIRE(b.parsed());
  CHECK(b.root()["k"].Size() == 3);
  CHECK(slice(b, locate1(b, "/k/2")) == "3");
  Document c("[]");
  c = std::move(b);
  CHECK(c.root()["k"][0].GetInt() == 1);
}

TEST_CASE("the whole-text UTF-8 check agrees with formats::is_valid_utf8", "[document]") {
  std::vector<std::string> cases = {
      "", "plain ascii, long enough to take the 16-byte path........", "é", "漢", "😀", "\xF4\x8F\xBF\xBF",
      "\xC3", "\xC3(", "\xFF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xE0\xA0\x80",
      "\xED\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xEE\x80\x80", "\xF0\x8F\xBF\xBF", "\xF0\x90\x80\x80",
      "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xBF", "\xE2\x82", "\xF0\x9F\x98", std::string(1, '\0'),
  };
  // Every case also at each alignment within and after long ASCII runs, and at the end.
  const std::size_t n = cases.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t pad = 0; pad < 20; ++pad) {
      cases.push_back(std::string(pad, 'a') + cases[i] + std::string(17, 'b'));
      cases.push_back(std::string(pad, 'a') + cases[i]);
      cases.push_back(std::string(pad, 'a') + cases[i] + "\xC3\xA9" + std::string(pad, 'c'));
    }
  }
  for (const auto& s : cases) {
    INFO(s);
    CHECK(wxlint::detail::valid_utf8(s) == wxlint::formats::is_valid_utf8(s));
  }
}

TEST_CASE("valid multibyte text parses the same DOM and positions", "[document]") {
  const std::string text = "{\n  \"n\u00e4me\": \"\u6f22\u5b57 \xF0\x9F\x98\x80 caf\u00e9\",\n"
                           "  \"list\": [\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\", 1, \"x\\u00e9\"],\n"
                           "  \"n\u00e4me\": 2\n}";
  Document d(text);
  REQUIRE(d.parsed());
  REQUIRE(d.issues().size() == 1);
  CHECK(d.issues()[0].kind == Kind::duplicate_key);
  CHECK(d.issues()[0].pointer == "/n\u00e4me");
  CHECK(d.issues()[0].message == "duplicate key \"n\u00e4me\"; first defined at line 2, column 3");
  const auto& root = d.root();
  CHECK(std::string(root["list"][0].GetString()) == "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9");
  CHECK(std::string(root["list"][2].GetString()) == "x\u00e9");
  const Span s = locate1(d, "/list/1");
  REQUIRE(s.found);
  CHECK(slice(d, s) == "1");
  CHECK(lc(d, s.begin) == std::pair<unsigned, unsigned>{3, 25});
}

TEST_CASE("invalid UTF-8 gives the same issues on long, mostly valid text", "[document]") {
  const std::string pad = "\"\u00e9\u6f22 padding padding padding\", ";
  struct Case {
    std::string bad;
    std::size_t at;  // offset of the bad byte within bad
    Kind kind;
    const char* pointer;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"\"ok\xC3(\"", 3, Kind::invalid_utf8, "/3", "invalid UTF-8 in string"},
      {"\"\xED\xA0\x80\"", 1, Kind::invalid_utf8, "/3", "invalid UTF-8 in string"},
      {"\xFF", 0, Kind::invalid_utf8, "/3", "invalid UTF-8"},
  };
  for (const auto& c : cases) {
    const std::string text = "[" + pad + pad + pad + c.bad + ", 1]";
    const std::size_t off = 1 + 3 * pad.size() + c.at;
    Document d(text);
    INFO(text);
    CHECK_FALSE(d.parsed());
    REQUIRE(d.issues().size() == 1);
    CHECK(d.issues()[0].kind == c.kind);
    CHECK(d.issues()[0].offset == off);
    CHECK(d.issues()[0].pointer == c.pointer);
    CHECK(d.issues()[0].message == c.message);
  }
}
