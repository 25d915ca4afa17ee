// The display form of names and values in reports (docs/output-formats.md, "File names and
// control characters"): bytes outside UTF-8 as \xNN everywhere; controls also shown in the
// text and github formats.
#include <catch2/catch.hpp>

#include "formats/formats.hpp"
#include "formats/display.hpp"

#include <wxlint/report.hpp>

#include <cstdio>
#include <string>
#include <vector>

using namespace wxlint;
using namespace std::string_literals;
using display::Mode;

TEST_CASE("display form: bytes outside UTF-8 as \\xNN, the rest unchanged", "[report][display]") {
  CHECK(display::shown("a\xff.json", Mode::utf8) == "a\\xff.json");
  CHECK(display::shown("\xe2\x82", Mode::utf8) == "\\xe2\\x82");              // cut short
  CHECK(display::shown("\xc0\xaf", Mode::utf8) == "\\xc0\\xaf");              // overlong '/'
  CHECK(display::shown("\xed\xa0\x80", Mode::utf8) == "\\xed\\xa0\\x80");     // a surrogate
  CHECK(display::shown("\x9b[2J", Mode::utf8) == "\\x9b[2J");                // a lone C1 byte
  // Valid text, controls included, is kept: JSON, SARIF and JUnit escape it in their syntax.
  for (std::string s : {""s, "plain.json"s, "\x1b[2J\n\t\x7f"s, "\xc2\x9b \xc3\xa9 \xf0\x9f\x98\x80 \xef\xbf\xbe"s, "a\0b"s}) {
    std::string scratch;
    const std::string_view shown = display::shown(s, Mode::utf8, scratch);
    CHECK(shown == s);
    CHECK(shown.data() == s.data());  // nothing copied
  }
}

TEST_CASE("display form for terminals: C0 controls, DEL, C1 and bidi controls shown", "[report][display]") {
  CHECK(display::shown("a\nb\rc\td", Mode::terminal) == "a\\nb\\rc\\td");
  CHECK(display::shown("\x1b[2J\x07\x7f"s + '\0', Mode::terminal) == "\\x1b[2J\\x07\\x7f\\x00");
  CHECK(display::shown("\xc2\x80 \xc2\x9b \xc2\x9f", Mode::terminal) == "\\u0080 \\u009b \\u009f");
  CHECK(display::shown("bad\xff\xfe\n", Mode::terminal) == "bad\\xff\\xfe\\n");
  // Bidirectional controls, which would reorder the rest of the line on screen.
  CHECK(display::shown("a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x81\xa9\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", Mode::terminal) ==
        "a\\u202eb\\u2066c\\u2069\\u200e\\u200f\\u061c");
  CHECK(display::shown("\xe2\x80\xaa\xe2\x80\xad", Mode::terminal) == "\\u202a\\u202d");
  // Line and paragraph separators, where a reader of lines would cut the finding.
  CHECK(display::shown("a\xe2\x80\xa8" "b\xe2\x80\xa9", Mode::terminal) == "a\\u2028b\\u2029");
  CHECK(display::shown("\xe2\x80\xae", Mode::utf8) == "\xe2\x80\xae");  // JSON and SARIF keep them
  // Printable text of every length of sequence is kept, NBSP (C2 A0) right after the C1 range too.
  const std::string printable = "caf\xc3\xa9 \xc2\xa0 \xe2\x82\xac \xf0\x9f\x98\x80 \\x41 \xe2\x80\x94 \xe2\x81\xa5 \xd8\x9b";
  std::string scratch;
  CHECK(display::shown(printable, Mode::terminal, scratch).data() == printable.data());
}

namespace {

std::vector<FileReport> hostile_reports() {
  FileReport f;
  f.path = "bad\xff\xfe\n\x1b.json";
  Diagnostic d;
  d.code = "WX3012";
  d.rule = "contacts/email-type";
  d.message = "type \"\x1b[2J\xc2\x9b\n\xef\xbf\xbf\" is not allowed";
  d.location = {"/contacts/0/emails/0/type", 3, 7, 3, 20};
  f.diagnostics.push_back(d);
  return {f};
}

}  // namespace

TEST_CASE("every format stays valid UTF-8 for a name that is not", "[report][display]") {
  const auto files = hostile_reports();
  ReportContext ctx;
  for (Format f : {Format::text, Format::json, Format::sarif, Format::github, Format::junit})
    CHECK(formats::is_valid_utf8(render_report(f, files, ctx)));
  CHECK(to_json(files).find(R"("path":"bad\\xff\\xfe\n\u001B.json")") != std::string::npos);
  CHECK(to_text(files, false) ==
        "bad\\xff\\xfe\\n\\x1b.json:3:7: error[WX3012]: type \"\\x1b[2J\\u009b\\n\xef\xbf\xbf\" is not allowed "
        "(contacts/email-type)\n");
  CHECK(to_github(files) ==
        "::error file=bad\\xff\\xfe%0A\\x1b.json,line=3,endLine=3,col=7,endColumn=20,title=WX3012 contacts/email-type::"
        "type \"\\x1b[2J\\u009b%0A\xef\xbf\xbf\" is not allowed\n");
  // JUnit: no character XML 1.0 forbids (ESC, U+FFFF), C1 as a reference.
  const std::string junit = to_junit(files);
  CHECK(junit.find(R"(<testsuite name="bad\xff\xfe&#10;\u001b.json")") != std::string::npos);
  CHECK(junit.find(R"(type &quot;\u001b[2J&#x9b;&#10;\uffff&quot; is not allowed)") != std::string::npos);
}

TEST_CASE("display form: every byte value at every place of a longer string", "[report][display]") {
  // Words of 8 bytes are skipped at once: a byte to show must be found wherever it is.
  for (unsigned b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'a');
      s[at] = static_cast<char>(b);
      std::string utf8 = s, terminal = s;
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      const std::string named = b == '\n' ? "\\n" : b == '\r' ? "\\r" : b == '\t' ? "\\t" : buf;
      if (b >= 0x80) utf8.replace(at, 1, buf);  // alone, no byte >= 0x80 is UTF-8
      if (b >= 0x80 || b < 0x20 || b == 0x7f) terminal.replace(at, 1, b >= 0x80 ? buf : named);
      CHECK(display::shown(s, Mode::utf8) == utf8);
      CHECK(display::shown(s, Mode::terminal) == terminal);
    }
  }
  // A C1 control and a valid character across a word boundary, then more to show after it.
  CHECK(display::shown("abcdefg\xc2\x9bhijklmnopq\xc3\xa9rstuvwxyz\x1b", Mode::terminal) ==
        "abcdefg\\u009bhijklmnopq\xc3\xa9rstuvwxyz\\x1b");
}
