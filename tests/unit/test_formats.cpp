// Unit tests for the format primitives in src/formats.
#include <catch2/catch.hpp>

#include "formats/formats.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

using namespace wxlint::formats;
using namespace std::string_literals;

namespace {

const std::string kHuge(1 << 20, 'a');                         // 1 MiB
const std::string kNul = "ab\0cd"s;                            // embedded NUL
const std::string kBadUtf8 = "\xC3\x28\xFF\xFE\xE2\x82";       // invalid + truncated sequences
const std::vector<std::string> kTypes = {"work", "home", "mobile"};

// Real ids from Cisco's documentation.
constexpr const char* kLocationId = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA";
constexpr const char* kPeopleId1 = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE";
constexpr const char* kPeopleId2 = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS85YzJhMDUxMC0wOTUwLTQ1MmYtODFmZi05YTVkMjM2OTJkZTY";
constexpr const char* kJobId = "Y2lzY29zcGFyazovL3VzL0pPQl9JRC9mZjBlN2Q2Ni05MDRlLTRkZGItYjJlNS05ZGM0ODk0ZDY5OTk";
constexpr const char* kBrokenPeople = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9teW5hbWUgaXNvcHRpdXMGEyltZXdlYXJlMGEyMGEyNWM1OWE";
constexpr const char* kBrokenLocation = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDkwNS04MGViLWRjY2NiM2VlMTQ0MwFG";

std::string problem_of(std::string_view s) { return decode_webex_id(s).problem; }

// Standard base64 with padding, to build ids from the text they decode to.
std::string base64_encode(std::string_view bytes) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0);
    for (std::size_t k = 0; k < 4; ++k) out += k <= n ? kAlphabet[v >> (18 - 6 * k) & 63] : '=';
  }
  return out;
}

}  // namespace

TEST_CASE("formats: is_digits", "[formats]") {
  CHECK(is_digits("0"));
  CHECK(is_digits("0123456789"));
  CHECK_FALSE(is_digits(""));
  CHECK_FALSE(is_digits("12a"));
  CHECK_FALSE(is_digits("+1"));
  CHECK_FALSE(is_digits(" 1"));
  CHECK_FALSE(is_digits("1\0"s));
  CHECK_FALSE(is_digits("\xD9\xA3"));  // Arabic-Indic digit three
  CHECK(is_digits(std::string(1 << 20, '7')));
  CHECK_FALSE(is_digits(kHuge));
}

TEST_CASE("formats: clipped keeps max_chars code points, cut on a boundary", "[formats]") {
  CHECK(wxlint::formats::clipped("", 3) == "");
  CHECK(wxlint::formats::clipped("abc", 3) == "abc");
  CHECK(wxlint::formats::clipped("abcd", 3) == "abc...");
  CHECK(wxlint::formats::clipped("caf\xC3\xA9s", 4) == "caf\xC3\xA9...");  // the e-acute whole
  CHECK(wxlint::formats::clipped("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 1) == "\xF0\x9F\x98\x80...");
  CHECK(wxlint::formats::clipped("\xF0\x9F\x98\x80", 1) == "\xF0\x9F\x98\x80");
  CHECK(wxlint::formats::clipped("abc", 0) == "...");
  CHECK(wxlint::formats::clipped(std::string(1 << 20, 'x'), SIZE_MAX).size() == std::size_t{1} << 20);
}

TEST_CASE("formats: printable escapes what a terminal would not show as text", "[formats]") {
  CHECK(wxlint::formats::printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(wxlint::formats::printable(std::string("e\x1b[2J\x7f\0f", 8)) == "e\\x1b[2J\\x7f\\x00f");
  CHECK(wxlint::formats::printable("caf\xC3\xA9 \\ \"x\"") == "caf\xC3\xA9 \\ \"x\"");  // UTF-8, backslash, quotes kept
  // As the text report shows names: bytes that are not UTF-8, and bidi controls, escaped too.
  CHECK(wxlint::formats::printable("a\xff\xE2\x80\xAE") == "a\\xff\\u202e");
}

TEST_CASE("formats: utf8_length and is_valid_utf8", "[formats]") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("caf\xC3\xA9") == 4);
  CHECK(utf8_length("\xE2\x82\xAC") == 1);          // euro sign
  CHECK(utf8_length("\xF0\x9F\x98\x80") == 1);      // emoji
  CHECK(utf8_length(kNul) == 5);
  CHECK(utf8_length("\xFF") == 1);
  CHECK(utf8_length("\xC3(") == 2);                 // lead byte without continuation
  CHECK(utf8_length("\xE2\x82") == 2);              // truncated: each byte counts
  CHECK(utf8_length("\xC0\xAF") == 2);              // overlong '/'
  CHECK(utf8_length("\xED\xA0\x80") == 3);          // surrogate
  CHECK(utf8_length(kHuge) == kHuge.size());

  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("caf\xC3\xA9 \xF0\x9F\x98\x80"));
  CHECK(is_valid_utf8(kNul));
  CHECK_FALSE(is_valid_utf8(kBadUtf8));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST_CASE("formats: is_e164", "[formats][phone]") {
  CHECK(is_e164("+14085551234"));
  CHECK(is_e164("+12"));
  CHECK(is_e164("+123456789012345"));   // 15 digits
  CHECK_FALSE(is_e164("+1234567890123456"));  // 16 digits
  CHECK_FALSE(is_e164("+1"));
  CHECK_FALSE(is_e164("+"));
  CHECK_FALSE(is_e164(""));
  CHECK_FALSE(is_e164("14085551234"));
  CHECK_FALSE(is_e164("+04085551234"));
  CHECK_FALSE(is_e164("+1 408 555 1234"));
  CHECK_FALSE(is_e164("+1-408-555-1234"));
  CHECK_FALSE(is_e164("++14085551234"));
  CHECK_FALSE(is_e164("+1408555123x"));
  CHECK_FALSE(is_e164("+1408\0"s));
  CHECK_FALSE(is_e164(kHuge));
  CHECK_FALSE(is_e164(kBadUtf8));
}

TEST_CASE("formats: suggest_e164", "[formats][phone]") {
  CHECK(suggest_e164("+1 408 555 1234") == "+14085551234");
  CHECK(suggest_e164("+1 (408) 555-1234") == "+14085551234");
  CHECK(suggest_e164("+44 20 7946 0958") == "+442079460958");
  CHECK(suggest_e164("0044 20 7946 0958") == "+442079460958");
  CHECK(suggest_e164("004420.7946.0958") == "+442079460958");
  CHECK(suggest_e164("1-408-555-1234") == "+14085551234");
  CHECK(suggest_e164("14085551234") == "+14085551234");
  CHECK(suggest_e164("(408) 555-1234") == "+14085551234");
  CHECK(suggest_e164("408/555/1234") == "+14085551234");
  CHECK(suggest_e164("4085551234") == "+14085551234");

  CHECK(suggest_e164("+14085551234") == std::nullopt);    // already E.164
  CHECK(suggest_e164("") == std::nullopt);
  CHECK(suggest_e164(" - ") == std::nullopt);
  CHECK(suggest_e164("+") == std::nullopt);
  CHECK(suggest_e164("1234") == std::nullopt);            // extension, not a number
  CHECK(suggest_e164("0123456789") == std::nullopt);      // 10 digits but not NANP
  CHECK(suggest_e164("4081551234") == std::nullopt);      // exchange starts with 1
  CHECK(suggest_e164("1408155123") == std::nullopt);
  CHECK(suggest_e164("11085551234") == std::nullopt);     // area code starts with 1
  CHECK(suggest_e164("24085551234") == std::nullopt);     // 11 digits, not country code 1
  CHECK(suggest_e164("020 7946 0958") == std::nullopt);   // national format, country unknown
  CHECK(suggest_e164("00") == std::nullopt);
  CHECK(suggest_e164("000123") == std::nullopt);          // "+0123" is not E.164
  CHECK(suggest_e164("+0 408 555 1234") == std::nullopt);
  CHECK(suggest_e164("+1 408 555 1234 ext 5") == std::nullopt);
  CHECK(suggest_e164("408-555-1234x5") == std::nullopt);
  CHECK(suggest_e164("1+4085551234") == std::nullopt);
  CHECK(suggest_e164("++14085551234") == std::nullopt);
  CHECK(suggest_e164("+1 408 555 1234 5678 9012") == std::nullopt);  // too many digits
  CHECK(suggest_e164("408\0" "5551234"s) == std::nullopt);
  CHECK(suggest_e164("408\t555\t1234") == std::nullopt);
  CHECK(suggest_e164(kBadUtf8) == std::nullopt);
  CHECK(suggest_e164(std::string(1 << 20, '5')) == std::nullopt);
  CHECK(suggest_e164(std::string(1 << 20, ' ')) == std::nullopt);
}

TEST_CASE("formats: base64_decode", "[formats][base64]") {
  CHECK(base64_decode("") == "");
  CHECK(base64_decode("TWFu") == "Man");
  CHECK(base64_decode("TWE=") == "Ma");
  CHECK(base64_decode("TWE") == "Ma");
  CHECK(base64_decode("TQ==") == "M");
  CHECK(base64_decode("TQ") == "M");
  CHECK(base64_decode("+/+/") == "\xFB\xFF\xBF");
  CHECK(base64_decode("-_-_") == "\xFB\xFF\xBF");
  CHECK(base64_decode("AAEC") == "\0\1\2"s);

  CHECK(base64_decode("T") == std::nullopt);          // length % 4 == 1
  CHECK(base64_decode("TWFuT") == std::nullopt);
  CHECK(base64_decode("T===") == std::nullopt);
  CHECK(base64_decode("TQ=") == std::nullopt);        // incomplete padding
  CHECK(base64_decode("TWE==") == std::nullopt);      // too much padding
  CHECK(base64_decode("TWFu=") == std::nullopt);      // padding where none is needed
  CHECK(base64_decode("TWFu====") == std::nullopt);
  CHECK(base64_decode("TQ==TQ==") == std::nullopt);   // padding in the middle
  CHECK(base64_decode("=") == std::nullopt);
  CHECK(base64_decode("TW Fu") == std::nullopt);
  CHECK(base64_decode("TWFu\n") == std::nullopt);
  CHECK(base64_decode("TW\0u"s) == std::nullopt);
  CHECK(base64_decode("TWF!") == std::nullopt);
  CHECK(base64_decode(kBadUtf8) == std::nullopt);

  const std::string big(1 << 20, 'A');  // 1 MiB, multiple of 4
  const auto decoded = base64_decode(big);
  REQUIRE(decoded);
  CHECK(decoded->size() == (1 << 20) / 4 * 3);
  CHECK(base64_decode(big + "!") == std::nullopt);
}

TEST_CASE("formats: base64_problem", "[formats][base64]") {
  CHECK(base64_problem("TWFu") == std::nullopt);
  CHECK(base64_problem("Y2lzY29zcGFy!") == "unexpected character '!' at position 13");
  CHECK(base64_problem("AB\0C"s) == "unexpected byte 0x00 at position 3");
  CHECK(base64_problem("AB\xC3\xA9") == "unexpected character '\xC3\xA9' at position 3");
  CHECK(base64_problem("AB\xFF") == "unexpected byte 0xFF at position 3");
  CHECK(base64_problem("TQ==TQ==") == "'=' padding at position 3 is not at the end");
  CHECK(base64_problem("TWFuT") == "is 5 characters long, a length no base64 text has: a character lost or added in copying?");
  CHECK(base64_problem("TWFuT===") ==
        "is 5 characters long before its '=' padding, a length no base64 text has: a character lost or added in copying?");
  CHECK(base64_problem("TWFu=") == "has '=' padding where none is needed");
  CHECK(base64_problem("TQ=") == "has the wrong amount of '=' padding: 2 are needed");
  CHECK(base64_problem("TWE==") == "has the wrong amount of '=' padding: 1 is needed");
}

TEST_CASE("formats: decode_webex_id accepts documented ids", "[formats][webex_id]") {
  struct Case {
    const char* encoded;
    const char* type;
    const char* id;
  };
  const Case cases[] = {
      {kLocationId, "LOCATION", "5f0278fe-e88c-4337-80eb-dcccb3ee0550"},
      {kPeopleId1, "PEOPLE", "052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a"},
      {kPeopleId2, "PEOPLE", "9c2a0510-0950-452f-81ff-9a5d23692de6"},
      {kJobId, "JOB_ID", "ff0e7d66-904e-4ddb-b2e5-9dc4894d6999"},
  };
  for (const Case& c : cases) {
    std::string padded = c.encoded;
    while (padded.size() % 4 != 0) padded += '=';
    for (const std::string& s : {std::string(c.encoded), padded}) {
      INFO(s);
      const WebexIdResult r = decode_webex_id(s);
      REQUIRE(r.id);
      CHECK(r.problem.empty());
      CHECK(r.id->cluster == "us");
      CHECK(r.id->type == c.type);
      CHECK(r.id->id == c.id);
      CHECK(is_uuid(r.id->id));
    }
  }
}

TEST_CASE("formats: decode_webex_id accepts both alphabets and unusual ids", "[formats][webex_id]") {
  // "ciscospark://us/LICENSE/x>?" encodes with '/' (standard) or '_' (URL-safe).
  for (const char* s : {"Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UveD4/", "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UveD4_"}) {
    const auto r = decode_webex_id(s);
    REQUIRE(r.id);
    CHECK(r.id->type == "LICENSE");
    CHECK(r.id->id == "x>?");
  }
  // "ciscospark://us/LICENSE/a?>~" with '+' or '-'.
  for (const char* s : {"Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvYT8+fg==", "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvYT8-fg"}) {
    const auto r = decode_webex_id(s);
    REQUIRE(r.id);
    CHECK(r.id->id == "a?>~");
  }
  auto r = decode_webex_id("Y2lzY29zcGFyazovL3VybjpURUFNOnVzLWVhc3QtMl9hL09SR0FOSVpBVElPTi9hYmM=");
  REQUIRE(r.id);
  CHECK(r.id->cluster == "urn:TEAM:us-east-2_a");
  CHECK(r.id->type == "ORGANIZATION");
  CHECK(r.id->id == "abc");

  r = decode_webex_id("Y2lzY29zcGFyazovL3VzL0NBTEwvV1NXWVoyMTI4MDZMMjEyODA3");
  REQUIRE(r.id);
  CHECK(r.id->id == "WSWYZ212806L212807");

  r = decode_webex_id("Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvYWIrYy9kPT06eA==");  // .../LICENSE/ab+c/d==:x
  REQUIRE(r.id);
  CHECK(r.id->id == "ab+c/d==:x");
}

TEST_CASE("formats: decode_webex_id rejects broken ids", "[formats][webex_id]") {
  CHECK(problem_of(kBrokenPeople) == "decodes to bytes that are not printable text (byte 0x06 at position 39)");
  CHECK(problem_of(kBrokenLocation) == "decodes to bytes that are not printable text (byte 0x01 at position 62)");
  CHECK_FALSE(decode_webex_id(kBrokenPeople).id);
  CHECK_FALSE(decode_webex_id(kBrokenLocation).id);

  CHECK(problem_of("") == "is empty");
  CHECK(problem_of("Y2lzY29zcGFy!") == "is not base64 (unexpected character '!' at position 13)");
  CHECK(problem_of(std::string(kLocationId) + "=") ==
        "is not base64 (has the wrong amount of '=' padding: 2 are needed)");
  CHECK(problem_of(std::string(kLocationId) + "AAA") ==
        "is not base64 (is 85 characters long, a length no base64 text has: a character lost or added in copying?)");
  // A bare UUID is valid URL-safe base64 ('-' is 62), but decodes to binary.
  CHECK(problem_of("5f0278fe-e88c-4337-80eb-dcccb3ee0550") ==
        "decodes to bytes that are not printable text (byte 0xE5 at position 1)");
  CHECK(problem_of("aHR0cDovL3VzL1BFT1BMRS94") == "does not decode to a ciscospark:// URI");  // http://us/PEOPLE/x
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hIGI=") ==
        "decodes to a URI with a space (at position 25)");  // .../PEOPLE/a b
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9jYWbDqQ==") ==
        "decodes to bytes that are not printable text (byte 0xC3 at position 27)");  // café
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFT1BMRS94fw==") ==
        "decodes to bytes that are not printable text (byte 0x7F at position 25)");
  CHECK(problem_of("Y2lzY29zcGFyazovLw==") == "decodes to a URI with an empty cluster");          // ciscospark://
  CHECK(problem_of("Y2lzY29zcGFyazovLy9QRU9QTEUveA==") == "decodes to a URI with an empty cluster");
  CHECK(problem_of("Y2lzY29zcGFyazovL3Vz") == "decodes to a URI with no resource type");          // ciscospark://us
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzLy94") == "decodes to a URI with no resource type");      // us//x
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFT1BMRQ==") == "decodes to a URI with an empty id");   // us/PEOPLE
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFT1BMRS8=") == "decodes to a URI with an empty id");   // us/PEOPLE/
  CHECK(problem_of("Y2lzY29zcGFyazovL3VzL1BFTy1QTEUveA==") ==
        "decodes to a URI with an invalid resource type 'PEO-PLE'");
  CHECK_FALSE(decode_webex_id(kNul).id);
  CHECK_FALSE(decode_webex_id(kBadUtf8).id);
  CHECK_FALSE(decode_webex_id(kHuge).id);  // decodes, but not to ciscospark://
  CHECK_FALSE(decode_webex_id(std::string(kLocationId) + kHuge).id);
}

// The id format spelled out plainly, to hold the fast decoder to: the cluster, type and id.
std::optional<WebexId> reference_parse(std::string_view text) {
  const auto in = [](char c, std::string_view extra) {
    return std::isalnum(static_cast<unsigned char>(c)) || extra.find(c) != extra.npos;
  };
  if (text.substr(0, 13) != "ciscospark://") return std::nullopt;
  for (char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F) return std::nullopt;
  const std::string_view rest = text.substr(13);
  const std::size_t slash1 = rest.find('/');
  if (slash1 == rest.npos) return std::nullopt;
  const std::size_t slash2 = rest.find('/', slash1 + 1);
  if (slash2 == rest.npos) return std::nullopt;
  const std::string_view cluster = rest.substr(0, slash1), type = rest.substr(slash1 + 1, slash2 - slash1 - 1),
                         id = rest.substr(slash2 + 1);
  if (cluster.empty() || type.empty() || id.empty()) return std::nullopt;
  for (char c : cluster)
    if (!in(c, ":-_.")) return std::nullopt;
  for (char c : type)
    if (!in(c, "_")) return std::nullopt;
  return WebexId{std::string(cluster), std::string(type), std::string(id)};
}

TEST_CASE("formats: decode_webex_view and decode_webex_id accept exactly the id format", "[formats][webex_id]") {
  // Texts at the edge of each rule; each is also tried with every byte replaced by bytes that
  // matter to some rule, padded and not. Long ones do not fit the scratch's inline buffer.
  std::vector<std::string> texts = {"ciscospark://us/PEOPLE/052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a",
                                    "ciscospark://urn:TEAM:us-east-2_a/ORGANIZATION/abc",
                                    "ciscospark://us/LICENSE/ab+c/d==:x",
                                    "ciscospark://e/T/i",
                                    "ciscospark://us/PEOPLE/",
                                    "ciscospark://us/PEOPLE",
                                    "ciscospark://us//x",
                                    "ciscospark:///PEOPLE/x",
                                    "ciscospark://us",
                                    "ciscospark://",
                                    "ciscospark:/",
                                    "http://us/PEOPLE/x",
                                    ""};
  for (std::size_t n : {186, 187, 188, 189, 190, 191, 192, 193, 400})
    texts.push_back("ciscospark://us/PEOPLE/" + std::string(n - 23, 'x'));
  const std::string replacements = "\x00\x1f !/:_-.aZ9~\x7f\x80\xff"s;
  WebexIdScratch scratch;
  std::size_t accepted = 0, rejected = 0;
  const auto agree = [&](const std::string& text) {
    const std::optional<WebexId> expected = reference_parse(text);
    std::string s = base64_encode(text);
    for (int padded = 0; padded < 2; ++padded, s.erase(s.find_last_not_of('=') + 1)) {
      const WebexIdResult full = decode_webex_id(s);
      const std::optional<WebexIdView> view = decode_webex_view(s, scratch);
      const std::optional<WebexIdView>& cached = decode_webex_view_cached(s);  // the last id was another
      const auto same = [&expected](const auto& id) {
        return id && expected && id->cluster == expected->cluster && id->type == expected->type &&
               id->id == expected->id;
      };
      // One assertion per failure, not per case: there are tens of thousands of cases.
      const bool ok = expected ? same(view) && same(full.id) && same(cached)
                               : !view && !full.id && !full.problem.empty() && !cached;
      if (!ok) FAIL_CHECK("wrong verdict on " << s << " (" << full.problem << ")");
      ++(expected ? accepted : rejected);
    }
  };
  for (const std::string& text : texts) {
    agree(text);
    for (std::size_t i = 0; i < text.size(); ++i)
      for (char c : replacements) agree(text.substr(0, i) + c + text.substr(i + 1));
  }
  CHECK(accepted > 1000);
  CHECK(rejected > 1000);
  // The cached decode is shared with webex_identity: ids asked for in turn each get their own.
  const std::string person = base64_encode("ciscospark://us/PEOPLE/052AB9BD-c6e2-6eae-1a9a-5efa0a25c16a");
  const std::string place = base64_encode("ciscospark://eu/LOCATION/L1");
  std::string identity;
  REQUIRE(webex_identity(person, identity));
  CHECK(identity == "PEOPLE/052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a");
  CHECK(decode_webex_view_cached(place)->type == "LOCATION");
  REQUIRE(webex_identity(person, identity));
  CHECK(identity == "PEOPLE/052ab9bd-c6e2-6eae-1a9a-5efa0a25c16a");
  CHECK(decode_webex_view_cached(person)->cluster == "us");
  REQUIRE(webex_identity(place, identity));
  CHECK(identity == "LOCATION/L1");
  CHECK_FALSE(webex_identity("not an id", identity));
  CHECK(identity == "LOCATION/L1");  // untouched
  CHECK_FALSE(decode_webex_view_cached(""));
  CHECK_FALSE(decode_webex_view("", scratch));
  CHECK_FALSE(decode_webex_view("Y2lzY29zcGFy!", scratch));
}

TEST_CASE("formats: is_uuid", "[formats]") {
  CHECK(is_uuid("5f0278fe-e88c-4337-80eb-dcccb3ee0550"));
  CHECK(is_uuid("5F0278FE-E88C-4337-80EB-DCCCB3EE0550"));
  CHECK(is_uuid("00000000-0000-0000-0000-000000000000"));
  CHECK_FALSE(is_uuid(""));
  CHECK_FALSE(is_uuid("5f0278fe-e88c-4337-80eb-dcccb3ee055"));
  CHECK_FALSE(is_uuid("5f0278fe-e88c-4337-80eb-dcccb3ee05501"));
  CHECK_FALSE(is_uuid("5f0278fee88c433780ebdcccb3ee0550"));
  CHECK_FALSE(is_uuid("5f0278fe-e88c-4337-80eb-dcccb3ee055g"));
  CHECK_FALSE(is_uuid("5f0278fe_e88c-4337-80eb-dcccb3ee0550"));
  CHECK_FALSE(is_uuid("{5f0278fe-e88c-4337-80eb-dcccb3ee0550}"));
  CHECK_FALSE(is_uuid("5f0278fe-e88c-4337-80eb-dcccb3ee055\0"s));
  CHECK_FALSE(is_uuid(kHuge));
  // Every byte is checked against its place: a dash where a digit goes, a digit where a dash
  // goes, and the bytes next to each range of hex digits.
  CHECK_FALSE(is_uuid("5f0278f-ee88c-4337-80eb-dcccb3ee0550"));
  CHECK_FALSE(is_uuid("5f0278fe0e88c0433780eb0dcccb3ee05500"));
  for (const char c : std::string_view("/:@G`g-\x7f"))
    CHECK_FALSE(is_uuid(std::string(1, c) + "f0278fe-e88c-4337-80eb-dcccb3ee0550"));
  CHECK_FALSE(is_uuid("\xc3\xa9" "f0278fe-e88c-4337-80eb-dcccb3ee055"));  // 36 bytes, one an e-acute
  CHECK(is_uuid("abcdefAB-CDEF-0123-4567-89abcdef0123"));
  // Every byte value at every place, against the definition written plainly: the check
  // reads eight bytes at a time, and each lane must judge alone.
  const std::string good = "5f0278fe-e88c-4337-80eb-dcccb3ee0550";
  for (std::size_t at = 0; at < good.size(); ++at)
    for (int b = 0; b < 256; ++b) {
      std::string s = good;
      s[at] = static_cast<char>(b);
      const bool dash = at == 8 || at == 13 || at == 18 || at == 23;
      const bool hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
      if (is_uuid(s) != (dash ? b == '-' : hex)) FAIL("byte " << b << " at " << at);
    }
}

TEST_CASE("formats: email_problem accepts valid addresses", "[formats][email]") {
  for (const char* s : {"alice@example.com", "a@b.co", "first.last@sub.example.org", "x+tag@example.com",
                        "o'brien@example.ie", "!#$%&'*+/=?^_`{|}~-@example.com", "user@xn--bcher-kva.example",
                        "user@my-host.example.com", "\xC3\xA9milie@exemple.fr", "user@b\xC3\xBC" "cher.de",
                        "1234@example.com", "user@123.example.com"}) {
    INFO(s);
    CHECK(email_problem(s) == std::nullopt);
  }
  const std::string local64(64, 'l');
  CHECK(email_problem(local64 + "@example.com") == std::nullopt);
  // 254 octets in all: 64 + '@' + 189.
  const std::string domain189 = std::string(63, 'd') + "." + std::string(63, 'd') + "." + std::string(57, 'd') + ".com";
  REQUIRE(domain189.size() == 189);
  CHECK(email_problem(local64 + "@" + domain189) == std::nullopt);
}

TEST_CASE("formats: email_problem rejects invalid addresses", "[formats][email]") {
  CHECK(email_problem("") == "is empty");
  CHECK(email_problem("alice.example.com") == "has no '@'");
  CHECK(email_problem("alice@@example.com") == "has more than one '@'");
  CHECK(email_problem("a@b@example.com") == "has more than one '@'");
  CHECK(email_problem("alice @example.com") == "has a space");
  CHECK(email_problem(" alice@example.com") == "has a space");
  CHECK(email_problem("alice@example.com\n") == "has a line break");
  CHECK(email_problem("alice@example.com\t") == "has a tab");
  CHECK(email_problem("alice\0@example.com"s) == "has a control character (byte 0x00)");
  CHECK(email_problem("alice\xC2\xA0@example.com") == "has an invisible space (U+00A0)");
  CHECK(email_problem("alice@example.com\xE2\x80\x8B") == "has an invisible space (U+200B)");
  CHECK(email_problem("alice\xFF@example.com") == "is not valid UTF-8");
  CHECK(email_problem("\"alice\"@example.com") == "has a '\"' (quoted local parts are not accepted)");
  CHECK(email_problem("@example.com") == "has nothing before the '@'");
  CHECK(email_problem("alice@") == "has nothing after the '@'");
  CHECK(email_problem(std::string(65, 'l') + "@example.com") == "local part is longer than 64 characters");
  CHECK(email_problem(".alice@example.com") == "local part starts with '.'");
  CHECK(email_problem("alice.@example.com") == "local part ends with '.'");
  CHECK(email_problem("al..ice@example.com") == "local part has '..'");
  CHECK(email_problem("al,ice@example.com") == "local part has a character that is not allowed (',')");
  CHECK(email_problem("alice(x)@example.com") == "local part has a character that is not allowed ('(')");
  CHECK(email_problem("alice@localhost") == "domain has no dot");
  CHECK(email_problem("alice@.example.com") == "domain starts with '.'");
  CHECK(email_problem("alice@example.com.") == "domain ends with '.'");
  CHECK(email_problem("alice@example..com") == "domain has '..'");
  CHECK(email_problem("alice@exa_mple.com") == "domain has a character that is not allowed ('_')");
  CHECK(email_problem("alice@[192.168.0.1]") == "domain has a character that is not allowed ('[')");
  CHECK(email_problem("alice@x-.example.com") == "domain label 'x-' ends with '-'");
  CHECK(email_problem("alice@-x.example.com") == "domain label '-x' starts with '-'");
  CHECK(email_problem("alice@" + std::string(64, 'd') + ".com") ==
        "domain label 'dddddddddddddddddddddddd...' is longer than 63 characters");
  CHECK(email_problem("alice@192.168.0.1") == "top-level domain '1' is all digits");
  CHECK(email_problem("a@" + std::string(63, 'd') + "." + std::string(63, 'd') + "." + std::string(63, 'd') + "." +
                      std::string(63, 'd') + ".com") == "address is longer than 254 characters");
  CHECK(email_problem(kHuge) == "has no '@'");
  CHECK(email_problem(kHuge + "@example.com") == "address is longer than 254 characters");
  CHECK(email_problem(kBadUtf8) == "is not valid UTF-8");
  CHECK(email_problem(kNul).has_value());
}

TEST_CASE("formats: sip_problem accepts valid addresses", "[formats][sip]") {
  for (const char* s : {"alice@example.com", "sip:alice@example.com", "sips:bob@10.0.0.1:5061;transport=tls",
                        "sip:example.com", "SIP:alice@Example.COM", "Sips:alice@example.com",
                        "sip:alice:secret@example.com:5060", "sip:+14085551234@gw.example.com;user=phone",
                        "sip:alice@[2001:db8::1]:5060", "sip:alice@[::ffff:192.0.2.1]", "sip:alice@example.com.",
                        "sip:alice@example.com;transport=tcp;lr", "sip:alice@example.com?subject=hi&priority=urgent",
                        "sip:al%20ice@example.com", "alice.smith@example.webex.com", "sip:1234@10.1.2.3",
                        "sip:alice@host", "sip:alice@example.com:65535"}) {
    INFO(s);
    CHECK(sip_problem(s) == std::nullopt);
  }
}

TEST_CASE("formats: sip_problem rejects invalid addresses", "[formats][sip]") {
  CHECK(sip_problem("") == "is empty");
  CHECK(sip_problem("sipAddress value1") == "has a space");
  CHECK(sip_problem("value1") == "is not a SIP URI or user@host");
  CHECK(sip_problem("tel:+14085551234") == "is not a SIP URI or user@host");
  CHECK(sip_problem("mailto:alice@example.com") == "is not a SIP URI or user@host");
  CHECK(sip_problem("sip:") == "has no host");
  CHECK(sip_problem("sip:alice@") == "has no host");
  CHECK(sip_problem("alice@") == "has no host");
  CHECK(sip_problem("sip:alice@:5060") == "has no host");
  CHECK(sip_problem("@example.com") == "has an empty user part");
  CHECK(sip_problem("sip:@example.com") == "has an empty user part");
  CHECK(sip_problem("sip:a@b@example.com") == "has more than one '@'");
  CHECK(sip_problem("sip:alice@example.com:0") == "port is out of range");
  CHECK(sip_problem("sip:alice@example.com:65536") == "port is out of range");
  CHECK(sip_problem("sip:alice@example.com:99999999999999999999") == "port is out of range");
  CHECK(sip_problem("sip:alice@example.com:") == "has an invalid port");
  CHECK(sip_problem("sip:alice@example.com:50x") == "has an invalid port");
  CHECK(sip_problem("sip:alice@exa_mple.com") == "host has a character that is not allowed ('_')");
  CHECK(sip_problem("sip:alice@example.com/path") == "host has a character that is not allowed ('/')");
  CHECK(sip_problem("sip:alice@ex..com") == "host name has an empty label");
  CHECK(sip_problem("sip:alice@-ex.com") == "host name has a label that starts or ends with '-'");
  CHECK(sip_problem("sip:alice@example.4com") == "host name's last label does not start with a letter");
  CHECK(sip_problem("sip:alice@10.0.0.256") == "has an invalid IPv4 address");
  CHECK(sip_problem("sip:alice@10.0.0") == "has an invalid IPv4 address");
  CHECK(sip_problem("sip:alice@[2001:db8::1") == "has an IPv6 address without a closing ']'");
  CHECK(sip_problem("sip:alice@[2001:db8:::1]") == "has an invalid IPv6 address");
  CHECK(sip_problem("sip:alice@[::1]x") == "host has a character that is not allowed ('x')");
  CHECK(sip_problem("sip:al<ice@example.com") == "user part has a character that is not allowed ('<')");
  CHECK(sip_problem("sip:al%2gice@example.com") == "user part has a '%' that does not start a %XX escape");
  CHECK(sip_problem("sip:alice:p@ss@example.com") == "has more than one '@'");
  CHECK(sip_problem("sip:alice@example.com;") == "has a parameter with no name");
  CHECK(sip_problem("sip:alice@example.com;=x") == "has a parameter with no name");
  CHECK(sip_problem("sip:alice@example.com;a=b=c") == "parameter has a character that is not allowed ('=')");
  CHECK(sip_problem("sip:alice@example.com?") == "has an empty header part after '?'");
  CHECK(sip_problem("sip:alice@example.com?a=<b>") == "header part has a character that is not allowed ('<')");
  CHECK(sip_problem("sip:alice@example.com\n") == "has a line break");
  CHECK(sip_problem("sip:alice\0@example.com"s) == "has a control character (byte 0x00)");
  CHECK(sip_problem("sip:alice@ex\xC3\xA4mple.com") == "host has a character that is not allowed ('\xC3\xA4')");
  CHECK(sip_problem("sip:alice@ex\xFFmple.com") == "host has a character that is not allowed (byte 0xFF)");
  CHECK(sip_problem(kHuge) == "is not a SIP URI or user@host");
  CHECK(sip_problem("sip:" + kHuge).has_value());  // one 1 MiB label
  CHECK(sip_problem("sip:alice@" + kHuge + ".com") == "host name is longer than 253 characters");
  CHECK(sip_problem(kBadUtf8).has_value());
}

TEST_CASE("formats: is_ipv4 and is_ipv6", "[formats][host]") {
  for (const char* s : {"0.0.0.0", "10.0.0.1", "255.255.255.255", "192.168.1.100"}) CHECK(is_ipv4(s));
  for (const char* s : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1..2.3", "1.2.3.4.", "a.b.c.d", "1.2.3.4 ",
                        "1234.1.1.1"})
    CHECK_FALSE(is_ipv4(s));
  for (const char* s : {"::", "::1", "1::", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329",
                        "1:2:3:4:5:6:7::", "::ffff:192.0.2.1", "1:2:3:4:5:6:1.2.3.4", "fe80::"})
    CHECK(is_ipv6(s));
  for (const char* s : {"", ":", ":::", "1:::2", "1::2::3", ":1::", "1:", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                        "1:2:3:4:5:6:7:8::", "12345::", "g::", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1%eth0"})
    CHECK_FALSE(is_ipv6(s));
  CHECK_FALSE(is_ipv6(std::string(1 << 20, ':')));
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "1:";
  CHECK_FALSE(is_ipv6(many + "1"));
}

TEST_CASE("formats: classify_url", "[formats][url]") {
  CHECK(classify_url("https://example.com/avatar.png") == UrlKind::https);
  CHECK(classify_url("HTTPS://EXAMPLE.COM") == UrlKind::https);
  CHECK(classify_url("https://example.com") == UrlKind::https);
  CHECK(classify_url("https://example.com:8443/a?b=c#d") == UrlKind::https);
  CHECK(classify_url("https://user:pw@example.com/") == UrlKind::https);
  CHECK(classify_url("https://[2001:db8::1]:443/x") == UrlKind::https);
  CHECK(classify_url("https://10.0.0.1/x") == UrlKind::https);
  CHECK(classify_url("https://b\xC3\xBC" "cher.de/x") == UrlKind::https);
  CHECK(classify_url("https://example.com/a%20b") == UrlKind::https);
  CHECK(classify_url("http://example.com/avatar.png") == UrlKind::http);
  CHECK(classify_url("Http://example.com?x") == UrlKind::http);

  CHECK(classify_url("") == UrlKind::invalid);
  CHECK(classify_url("example.com/avatar.png") == UrlKind::invalid);
  CHECK(classify_url("//example.com/avatar.png") == UrlKind::invalid);
  CHECK(classify_url("ftp://example.com/avatar.png") == UrlKind::invalid);
  CHECK(classify_url("https:example.com") == UrlKind::invalid);
  CHECK(classify_url("https://") == UrlKind::invalid);
  CHECK(classify_url("https:///path") == UrlKind::invalid);
  CHECK(classify_url("https://user@/path") == UrlKind::invalid);
  CHECK(classify_url("https://:443/") == UrlKind::invalid);
  CHECK(classify_url("https://example.com:99999/") == UrlKind::invalid);
  CHECK(classify_url("https://example.com:44x/") == UrlKind::invalid);
  CHECK(classify_url("https://exa mple.com") == UrlKind::invalid);
  CHECK(classify_url("https://example.com/a b.png") == UrlKind::invalid);
  CHECK(classify_url(" https://example.com") == UrlKind::invalid);
  CHECK(classify_url("https://example.com\n") == UrlKind::invalid);
  CHECK(classify_url("https://example.com/\0"s) == UrlKind::invalid);
  CHECK(classify_url("https://exa<mple.com/") == UrlKind::invalid);
  CHECK(classify_url("https://[::1/") == UrlKind::invalid);
  CHECK(classify_url("https://[zz]/") == UrlKind::invalid);
  CHECK(classify_url("https://999.1.1.1/") == UrlKind::invalid);
  CHECK(classify_url("https://example.com/\xFF") == UrlKind::invalid);
  CHECK(classify_url(kHuge) == UrlKind::invalid);
  CHECK(classify_url("https://example.com/" + kHuge) == UrlKind::https);
  CHECK(classify_url("https://example.com/" + kHuge + " ") == UrlKind::invalid);
}

TEST_CASE("formats: did_you_mean", "[formats][suggest]") {
  CHECK(did_you_mean("phonenumber", {"phoneNumber", "extension"}) == "phoneNumber");
  CHECK(did_you_mean("WORK", kTypes) == "work");
  CHECK(did_you_mean("extenson", {"phoneNumber", "extension"}) == "extension");
  CHECK(did_you_mean("zzzzzz", {"phoneNumber", "extension", "work"}) == std::nullopt);
  CHECK(did_you_mean("work", kTypes) == "work");
  CHECK(did_you_mean("hmoe", kTypes) == "home");         // transposition counts as one edit
  CHECK(did_you_mean("mobil", kTypes) == "mobile");
  CHECK(did_you_mean("Mobiel", kTypes) == "mobile");
  CHECK(did_you_mean("wrk", kTypes) == "work");          // len 3: limit max(1, 1) = 1
  CHECK(did_you_mean("wx", kTypes) == std::nullopt);
  CHECK(did_you_mean("fax", kTypes) == std::nullopt);
  CHECK(did_you_mean("", kTypes) == std::nullopt);
  CHECK(did_you_mean("", {"", "a"}) == "");
  CHECK(did_you_mean("work", {}) == std::nullopt);
  CHECK(did_you_mean("phonNumbr", {"phoneNumber", "phoneNumbers"}) == "phoneNumber");  // tie-free: 2 vs 3
  CHECK(did_you_mean("abcd", {"abce", "abcf"}) == "abce");  // ties go to the first candidate
  CHECK(did_you_mean(kHuge, kTypes) == std::nullopt);
  CHECK(did_you_mean(kHuge, {kHuge}) == kHuge);
  CHECK(did_you_mean(std::string(64, 'a'), {std::string(64, 'a') + "b"}) == std::string(64, 'a') + "b");
  CHECK(did_you_mean(std::string(66, 'a'), {std::string(64, 'a')}) == std::string(64, 'a'));  // excess 2 <= 21
  CHECK(did_you_mean(std::string(100, 'a'), {std::string(64, 'a')}) == std::nullopt);
  CHECK(did_you_mean(kNul, {"abcd"}) == "abcd");
  CHECK(did_you_mean(kBadUtf8, kTypes) == std::nullopt);
  CHECK(did_you_mean("wor\xFF", kTypes) == "work");
  // A replaced character that makes another code or number is no typo to suggest a fix for.
  CHECK(did_you_mean("CST", {"CET", "EST", "America/Chicago"}) == std::nullopt);
  CHECK(did_you_mean("SMS", {"SIPADDRESS", "EMAIL", "PHONE", "IMS"}) == std::nullopt);
  CHECK(did_you_mean("GMT-6", {"GMT", "GMT-0", "GMT+0"}) == std::nullopt);
  CHECK(did_you_mean("WX9999", {"WX1099", "WX9109"}) == std::nullopt);
  CHECK(did_you_mean("WX999", {"WX9999"}) == "WX9999");  // a digit left out is a typo
  CHECK(did_you_mean("phone-e614", {"phone-type", "phone-e164"}) == "phone-e164");  // so are two swapped
  CHECK(did_you_mean("Wrok", kTypes) == "work");                // a transposition still is one
  CHECK(did_you_mean("USA", {"SA", "UA", "US"}) == "US");      // ties: the longer common start
  CHECK(did_you_mean("Americ/Chicago", {"America/Chicago"}) == "America/Chicago");
  CHECK(did_you_mean("Europe/Berlim", {"Europe/Berlin"}) == "Europe/Berlin");  // long: a letter is a typo
}

TEST_CASE("formats: base64_decode accepts exactly what base64_problem accepts", "[formats]") {
  // Deterministic random strings over the base64 alphabets, padding and a few strays.
  const std::string alphabet = "ABCXYZabcxyz0189+/-_==!.";
  std::uint32_t seed = 12345;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    seed = seed * 1103515245u + 12345u;
    const std::size_t len = (seed >> 16) % 13;
    for (std::size_t i = 0; i < len; ++i) {
      seed = seed * 1103515245u + 12345u;
      s += alphabet[(seed >> 16) % alphabet.size()];
    }
    INFO(s);
    CHECK(wxlint::formats::base64_decode(s).has_value() == !wxlint::formats::base64_problem(s).has_value());
  }
  CHECK(wxlint::formats::base64_decode("aGVsbG8") == std::optional<std::string>("hello"));
  CHECK(wxlint::formats::base64_decode("aGVsbG8=") == std::optional<std::string>("hello"));
  CHECK(wxlint::formats::base64_decode("aGVsbA") == std::optional<std::string>("hell"));
  CHECK(wxlint::formats::base64_decode("aGVsbA==") == std::optional<std::string>("hell"));
  CHECK_FALSE(wxlint::formats::base64_decode("aGVsbA=").has_value());
}
