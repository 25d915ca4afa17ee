// Terminal columns of text (report/columns.hpp): the text report's carets under an excerpt
// and the --statistics table are placed by them, where bytes or code points would drift.
#include <catch2/catch.hpp>

#include "report/columns.hpp"
#include "report/terminal.hpp"

#include <string>
#include <vector>

using namespace wxlint;
using namespace std::string_literals;

TEST_CASE("columns of a code point: wide 2, marks and format characters 0, else 1", "[report][columns]") {
  CHECK(display::columns(U'a') == 1);
  CHECK(display::columns(U'\u00e9') == 1);      // é precomposed
  CHECK(display::columns(U'\u00ad') == 1);      // SOFT HYPHEN is Cf, but shown as a hyphen
  CHECK(display::columns(U'\u5c71') == 2);      // 山
  CHECK(display::columns(U'\u1100') == 2);      // Hangul choseong, the first wide range
  CHECK(display::columns(U'\uac00') == 2);      // 가
  CHECK(display::columns(U'\u3000') == 2);      // IDEOGRAPHIC SPACE (F)
  CHECK(display::columns(U'\uff21') == 2);      // FULLWIDTH LATIN CAPITAL LETTER A (F)
  CHECK(display::columns(U'\uff61') == 1);      // HALFWIDTH IDEOGRAPHIC FULL STOP, just after them
  CHECK(display::columns(U'\U0001F600') == 2);  // 😀
  CHECK(display::columns(U'\U0001F44D') == 2);  // 👍
  CHECK(display::columns(U'\U0002A6E0') == 2);  // unassigned in plane 2: wide (UAX #11)
  CHECK(display::columns(U'\U0003FFFD') == 2);  // the last of them
  CHECK(display::columns(U'\u2764') == 1);      // ❤ is N: wide only with VS16, which terminals differ on
  CHECK(display::columns(U'\u0301') == 0);      // COMBINING ACUTE ACCENT (Mn)
  CHECK(display::columns(U'\u20dd') == 0);      // COMBINING ENCLOSING CIRCLE (Me)
  CHECK(display::columns(U'\u200d') == 0);      // ZERO WIDTH JOINER (Cf)
  CHECK(display::columns(U'\ufe0f') == 0);      // VARIATION SELECTOR-16 (Mn)
  CHECK(display::columns(U'\U000E0100') == 0);  // VARIATION SELECTOR-17, in the last range
  CHECK(display::columns(U'\u3099') == 0);      // a mark inside the wide kana range
  CHECK(display::columns(U'\U0010FFFF') == 1);
}

TEST_CASE("columns of text as the text report shows it", "[report][columns]") {
  CHECK(display::columns("") == 0);
  CHECK(display::columns("extension") == 9);
  CHECK(display::columns("\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e") == 8);  // 山田太郎: 12 bytes, 4 code points
  CHECK(display::columns("e\xcc\x81") == 1);                                         // e + U+0301
  CHECK(display::columns("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9") == 4);      // 👨 ZWJ 👩: as wcwidth() sums them
  CHECK(display::columns("\xe2\x9c\x8c\xef\xb8\x8f") == 1);                          // ✌ VS16
  CHECK(display::columns("\xef\xbc\xa1\xef\xbc\xa2") == 4);                          // ＡＢ
  // Shown escaped: as many columns as the escape has characters.
  CHECK(display::columns("a\tb") == 4);                                              // a\tb
  CHECK(display::columns("\x1b[2J") == 7);                                           // \x1b[2J
  CHECK(display::columns("\xc2\x9b") == 6);                                          // \u009b
  CHECK(display::columns("\xe2\x80\xae") == 6);                                      // \u202e
  // Bytes outside UTF-8 (\xNN): no crash, no read past the end, 4 columns each.
  CHECK(display::columns("\xff") == 4);
  CHECK(display::columns("a\xe5\xb1") == 9);       // a character cut short: a\xe5\xb1
  CHECK(display::columns("\xed\xa0\x80") == 12);   // a surrogate
  CHECK(display::columns("\xc0\xaf\xe5\xb1\xb1") == 10);
  CHECK(display::columns("\xf4\x90\x80\x80") == 16);  // past U+10FFFF
  CHECK(display::columns("a\0b"s) == 6);             // a\x00b
}

TEST_CASE("excerpt carets stay under the value after wide and zero-width characters", "[report][columns]") {
  // A line and the finding's place in code points, as the linter reports it.
  auto excerpt = [](const std::string& line, std::uint32_t column, std::uint32_t length) {
    Diagnostic d;
    d.location.line = d.location.end_line = 1;
    d.location.column = column;
    d.location.end_column = column + length;
    report::TerminalStyle style;
    style.width = 300;  // the whole line
    return report::excerpts(line, {d}, style)[0];
  };
  // {"displayName": "山田太郎", "phoneNumber": "123"}: "123" at code point 40, 43 columns in.
  CHECK(excerpt("{\"displayName\": \"\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e\", \"phoneNumber\": \"123\"}", 40, 5) ==
        " 1 | {\"displayName\": \"\xe5\xb1\xb1\xe7\x94\xb0\xe5\xa4\xaa\xe9\x83\x8e\", \"phoneNumber\": \"123\"}\n"
        "   | " + std::string(43, ' ') + "^^^^^\n");
  // José with a combining accent: 10 code points before "x", 9 columns.
  CHECK(excerpt("[\"Jose\xcc\x81\", \"x\"]", 11, 3) ==
        " 1 | [\"Jose\xcc\x81\", \"x\"]\n   | " + std::string(9, ' ') + "^^^\n");
  // 👨 ZWJ 👩 (3 code points, 4 columns), then a tab (shown \t, 2 columns): "x" at code point 9, 10 columns in.
  CHECK(excerpt("[\"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\",\t\"x\"]", 9, 3) ==
        " 1 | [\"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\",\\t\"x\"]\n   | " + std::string(10, ' ') + "^^^\n");
  // A finding on a wide character takes its two columns per caret.
  CHECK(excerpt("\"\xe5\xb1\xb1\xe7\x94\xb0\"", 1, 4) == " 1 | \"\xe5\xb1\xb1\xe7\x94\xb0\"\n   | ^^^^^^\n");
  // A byte outside UTF-8 is shown \xff: four columns.
  CHECK(excerpt("\"\xff\" 1", 5, 1) == " 1 | \"\\xff\" 1\n   | " + std::string(7, ' ') + "^\n");
}

TEST_CASE("excerpt window of a long line is cut by columns, not characters", "[report][columns]") {
  // 60 wide characters, then the value.
  std::string line = "\"";
  for (int i = 0; i < 60; ++i) line += "\xe5\xb1\xb1";
  line += "\": 1";
  Diagnostic d;
  d.location.line = d.location.end_line = 1;
  d.location.column = 65;  // the 1
  d.location.end_column = 66;
  report::TerminalStyle style;
  style.width = 40;  // 13 columns before the column: 5 wide characters and ": "
  std::string wide;
  for (int i = 0; i < 5; ++i) wide += "\xe5\xb1\xb1";
  CHECK(report::excerpts(line, {d}, style)[0] == " 1 | ..." + wide + "\": 1\n   | " + std::string(16, ' ') + "^\n");
  // And after the column: at most 40 columns shown.
  line = "1 ";
  for (int i = 0; i < 30; ++i) line += "\xe5\xb1\xb1";
  d.location.column = 1;
  d.location.end_column = 2;
  wide.clear();
  for (int i = 0; i < 19; ++i) wide += "\xe5\xb1\xb1";
  CHECK(report::excerpts(line, {d}, style)[0] == " 1 | 1 " + wide + "...\n   | ^\n");
}

TEST_CASE("excerpt of a run of combining marks shows at most 4 characters a column", "[report][columns]") {
  std::string marks;
  for (int i = 0; i < 1000; ++i) marks += "\xcc\x81";
  const std::string line = "\"e" + marks + "\": 1";
  Diagnostic d;
  d.location.line = d.location.end_line = 1;
  d.location.column = 1006;  // the 1: 133 characters before it at most
  d.location.end_column = 1007;
  CHECK(report::excerpts(line, {d}, report::TerminalStyle{})[0] ==
        " 1 | ..." + marks.substr(0, 2 * 130) + "\": 1\n   |       ^\n");
  d.location.column = 1;  // the key: 400 characters at most
  d.location.end_column = 1004;
  CHECK(report::excerpts(line, {d}, report::TerminalStyle{})[0] == " 1 | \"e" + marks.substr(0, 2 * 398) + "...\n   | ^^\n");
  // A run of bytes that are not UTF-8 is stepped over a byte at a time: \x80 takes 4 columns.
  d.location.column = 1001;
  d.location.end_column = 1002;
  CHECK(report::excerpts(std::string(1000, '\x80') + "1", {d}, report::TerminalStyle{})[0] ==
        " 1 | ...\\x80\\x80\\x80\\x80\\x80\\x80\\x80\\x80" "1\n   |    " + std::string(32, ' ') + "^\n");
}

TEST_CASE("excerpt of a line that fits is the whole line; a byte order mark is no column", "[report][columns]") {
  Diagnostic d;
  d.location.line = d.location.end_line = 1;
  d.location.column = 50;  // the 1
  d.location.end_column = 51;
  report::TerminalStyle style;
  style.width = 60;
  const std::string line = "{\"" + std::string(40, 'k') + "\": [\"v\", 1]}";
  CHECK(report::excerpts(line, {d}, style)[0] == " 1 | " + line + "\n   | " + std::string(49, ' ') + "^\n");
  // Not counted by columns, nor shown: the caret stays under the value.
  CHECK(report::excerpts("\xEF\xBB\xBF" + line, {d}, style)[0] == " 1 | " + line + "\n   | " + std::string(49, ' ') + "^\n");
  style.width = 40;  // too long: a third before the column
  CHECK(report::excerpts(line, {d}, style)[0] ==
        " 1 | ..." + line.substr(36) + "\n   |    " + std::string(13, ' ') + "^\n");
}
