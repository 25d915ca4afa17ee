// The rule walk's shortcuts give what the plain way gives: word-at-a-time digits and name
// comparisons, counting items by their number, deny's length filter, unique's DOM views
// and its states reused from one lint to the next.
#include "engine/pattern.hpp"
#include "formats/formats.hpp"
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <string>
#include <vector>

using test_support::messages;
using test_support::rule;
using test_support::RuleFixture;

namespace {

using V = std::vector<std::string>;

std::vector<std::string> pointers(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.location.pointer);
  return out;
}

bool naive_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

TEST_CASE("walk: is_digits agrees with a byte-by-byte test at every length and position", "[walk]") {
  for (std::size_t n = 1; n <= 20; ++n) {
    for (std::size_t at = 0; at < n; ++at) {
      for (int b = 0; b < 256; ++b) {
        std::string s(n, '5');
        s[at] = static_cast<char>(b);
        INFO("length " << n << ", byte " << b << " at " << at);
        REQUIRE(wxlint::formats::is_digits(s) == naive_digits(s));
      }
    }
  }
  // Two bad bytes, the first of which carries into the second.
  CHECK_FALSE(wxlint::formats::is_digits("12\xFF" "9"));
  CHECK_FALSE(wxlint::formats::is_digits("1234567\xFF" "9"));
}

TEST_CASE("walk: same_bytes and find_member match names of every length, first duplicate first", "[walk]") {
  for (std::size_t n = 0; n <= 40; ++n) {
    const std::string a(n, 'k');
    CHECK(wxlint::same_bytes(a.data(), a.data(), n));
    for (std::size_t at = 0; at < n; ++at) {
      std::string b = a;
      b[at] = 'q';
      INFO("length " << n << ", differs at " << at);
      CHECK_FALSE(wxlint::same_bytes(a.data(), b.data(), n));
    }
  }
  rapidjson::Document d;
  d.Parse(R"({"userId": 1, "extension": 2, "ext": 3, "extension": 4, "a_member_name_longer_than_16": 5})");
  REQUIRE(d.IsObject());
  const auto* m = wxlint::find_member(d, "extension");
  REQUIRE(m);
  CHECK(m->value.GetInt() == 2);
  CHECK(wxlint::find_member(d, "a_member_name_longer_than_16")->value.GetInt() == 5);
  CHECK_FALSE(wxlint::find_member(d, "extensio"));
  CHECK_FALSE(wxlint::find_member(d, "user"));
  CHECK(wxlint::child(d, "ext")->GetInt() == 3);
}

TEST_CASE("walk: a count of items or members finds the same first match past max as counting one by one", "[walk]") {
  // "bulk" counts items by their number; "each" has a where that every item passes, so it
  // counts them one at a time: both must name the same place.
  RuleFixture f("[" + rule("bulk", "count", "", R"({"of": "/items/*/users/*", "max": 4})", "{count} > {max}") + "," +
                rule("each", "count", "", R"({"of": "/items/*/users/*", "max": 4, "where": {"/ok": 1}})", "{count} > {max}") +
                "," + rule("direct", "count", "/items/*/users", R"({"max": 1})", "{count} > {max}") + "]");
  auto r = f.linter().lint(
      R"({"items": [{"users": [{"ok": 1}, {"ok": 1}]}, {"users": {"a": {"ok": 1}, "b": {"ok": 1}, "c~/": {"ok": 1}}}, {"users": [{"ok": 1}]}]})",
      "t.json", "testOp");
  CHECK(pointers(r) == V{"/items/0/users", "/items/1/users", "/items/1/users/c~0~1", "/items/1/users/c~0~1"});
  CHECK(messages(r) == V{"2 > 1", "3 > 1", "6 > 4", "6 > 4"});
  // Exactly max: nothing past it.
  auto at_max = f.linter().lint(R"({"items": [{"users": [{"ok": 1}, {"ok": 1}]}, {"users": [{"ok": 1}, {"ok": 1}]}]})",
                                "t.json", "testOp");
  CHECK(messages(at_max) == V{"2 > 1", "2 > 1"});
}

TEST_CASE("walk: deny skips values of lengths no denied value has, and still finds the others", "[walk]") {
  const std::string long_value(70, '9');
  RuleFixture f("[" + rule("deny", "deny", "/b/*", R"({"values": ["911", "12345", ")" + long_value + R"("]})") + "]");
  auto r = f.linter().lint(R"({"b": ["911", "912", "9110", "12345", ")" + long_value + R"(", ")" + std::string(64, '9') +
                               R"(", ")" + std::string(71, '9') + R"(", ""]})",
                           "t.json", "testOp");
  CHECK(pointers(r) == V{"/b/0", "/b/3", "/b/4"});
}

TEST_CASE("walk: unique compares normalized values whether it views the text or rewrites it", "[walk]") {
  RuleFixture f("[" + rule("digits", "unique", "/d/*", R"({"normalize": "digits"})", "{value} also at {other}") + "," +
                rule("lower", "unique", "/l/*", R"({"normalize": "lower"})", "{value} also at {other}") + "]");
  auto r = f.linter().lint(
      R"({"d": ["+14085551234", "1 408 555 1234", "tel:14085551234;ext", "no digits", "none", 14085551234, "+1408555123"],)"
      R"( "l": ["a@x.io", "A@X.IO", "a@x.io ", "B@x.io", "b@x.io"]})",
      "t.json", "testOp");
  CHECK(pointers(r) == V{"/d/1", "/d/2", "/d/5", "/l/1", "/l/4"});
  CHECK(messages(r)[0] == "1 408 555 1234 also at /d/0 (line 1)");
}

TEST_CASE("walk: unique's states start empty in every lint, small or large, one after another", "[walk]") {
  RuleFixture f("[" + rule("u", "unique", "/items/*/ext", R"({"groupBy": "1/loc"})", "{value} also at {other}") + "," +
                rule("v", "unique", "/items/*/id", "{}") + "]");
  const auto linter = f.linter();
  const auto doc = [](int n, int repeat_every) {
    std::string s = R"({"items": [)";
    for (int i = 0; i < n; ++i)
      s += std::string(i ? "," : "") + R"({"loc": "L)" + std::to_string(i % 3) + R"(", "ext": ")" +
           std::to_string(repeat_every ? i % repeat_every : i) + R"(", "id": "u)" + std::to_string(i) + R"("})";
    return s + "]}";
  };
  const std::string small = doc(10, 0), small_repeats = doc(10, 2), large = doc(5000, 0);
  // The same small document again and again: a reused state that kept anything would
  // report the second lint's values as repeats of the first's.
  for (int round = 0; round < 3; ++round) {
    CHECK(linter.lint(small, "s.json", "testOp").diagnostics.empty());
    CHECK(pointers(linter.lint(small_repeats, "r.json", "testOp")) == V{"/items/6/ext", "/items/7/ext", "/items/8/ext", "/items/9/ext"});
    CHECK(linter.lint(large, "l.json", "testOp").diagnostics.empty());
  }
}
