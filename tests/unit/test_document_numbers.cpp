// Numbers in the DOM: which RapidJSON type each one gets and its exact value. wxlint
// converts numbers itself (RapidJSON 1.1.0's own conversion has undefined behaviour on
// hostile input); these tables pin the DOM values RapidJSON's full-precision parse gave.
#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "document/document.hpp"

using wxlint::Document;
using Kind = wxlint::ParseIssue::Kind;

namespace {

// The type predicates a value answers true, then its exact value: the integer in
// decimal, or the bits of the double (so -0.0 and rounding show).
std::string describe(const rapidjson::Value& v) {
  std::string out;
  if (v.IsInt()) out += "Int ";
  if (v.IsUint()) out += "Uint ";
  if (v.IsInt64()) out += "Int64 ";
  if (v.IsUint64()) out += "Uint64 ";
  if (v.IsDouble()) {
    char bits[24];
    std::snprintf(bits, sizeof bits, "0x%016llx", static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(v.GetDouble())));
    return out + "Double " + bits;
  }
  return out + (v.IsInt64() ? std::to_string(v.GetInt64()) : std::to_string(v.GetUint64()));
}

// describe() of the number alone in an array, or the parse failure.
std::string parse_number(const std::string& number) {
  Document d("[" + number + "]");
  if (!d.parsed()) return "error";
  return describe(d.root()[0]);
}

struct Case {
  std::string text, want;
};

std::string repeat(char c, std::size_t n) { return std::string(n, c); }

// The one issue of a number past DBL_MAX: RapidJSON's own wording, at the number.
void check_too_big(const Document& d, std::size_t offset, const std::string& pointer) {
  CHECK_FALSE(d.parsed());
  REQUIRE(d.issues().size() == 1);
  CHECK(d.issues()[0].kind == Kind::syntax);
  CHECK(d.issues()[0].offset == offset);
  CHECK(d.issues()[0].pointer == pointer);
  CHECK(d.issues()[0].message == "the number is too big: past about 1.8e308, the most a JSON reader (the API's too) can hold");
}

}  // namespace

TEST_CASE("numbers: RapidJSON's type choice and correctly rounded values", "[document][numbers]") {
  const std::vector<Case> cases = {
      // 32-bit, then 64-bit integers; "-0" is the integer 0, past 64 bits a double.
      {"0", "Int Uint Int64 Uint64 0"},
      {"-0", "Int Uint Int64 Uint64 0"},
      {"7", "Int Uint Int64 Uint64 7"},
      {"-42", "Int Int64 -42"},
      {"2147483647", "Int Uint Int64 Uint64 2147483647"},
      {"2147483648", "Uint Int64 Uint64 2147483648"},
      {"-2147483648", "Int Int64 -2147483648"},
      {"-2147483649", "Int64 -2147483649"},
      {"4294967295", "Uint Int64 Uint64 4294967295"},
      {"4294967296", "Int64 Uint64 4294967296"},
      {"9007199254740993", "Int64 Uint64 9007199254740993"},
      {"9223372036854775807", "Int64 Uint64 9223372036854775807"},
      {"9223372036854775808", "Uint64 9223372036854775808"},
      {"-9223372036854775808", "Int64 -9223372036854775808"},
      {"-9223372036854775809", "Double 0xc3e0000000000000"},
      {"18446744073709551615", "Uint64 18446744073709551615"},
      {"18446744073709551616", "Double 0x43f0000000000000"},
      {"18446744073709551617", "Double 0x43f0000000000000"},
      {"-18446744073709551617", "Double 0xc3f0000000000000"},
      {"1" + repeat('0', 307), "Double 0x7fac7b1f3cac7433"},  // 1e307 written out
      // A fraction or an exponent makes a double, even when the value is whole.
      {"1.5", "Double 0x3ff8000000000000"},
      {"1e2", "Double 0x4059000000000000"},
      {"1E+2", "Double 0x4059000000000000"},
      {"0.1e1", "Double 0x3ff0000000000000"},
      {"-0.0", "Double 0x8000000000000000"},
      {"0.000e5", "Double 0x0000000000000000"},
      {"9007199254740993.0", "Double 0x4340000000000000"},
      {"-1.5E-3", "Double 0xbf589374bc6a7efa"},
      {"123.456e-2", "Double 0x3ff3c0c1fc8f3238"},
      {"0.1", "Double 0x3fb999999999999a"},
      {"1e23", "Double 0x44b52d02c7e14af6"},
      {"123456789012345678901234567890e-5", "Double 0x44f056e0f36a6444"},
      {"8.98846567431158e307", "Double 0x7fe0000000000000"},
      // Ties and near-ties: to even, and a last digit far out decides.
      {"4503599627370496.5", "Double 0x4330000000000000"},
      {"4503599627370497.5", "Double 0x4330000000000002"},
      {"1.00000000000000011102230246251565404236316680908203124", "Double 0x3ff0000000000000"},
      {"1.00000000000000011102230246251565404236316680908203125", "Double 0x3ff0000000000000"},
      {"1.00000000000000011102230246251565404236316680908203126", "Double 0x3ff0000000000001"},
      {"0." + repeat('3', 1000), "Double 0x3fd5555555555555"},
      {"1." + repeat('0', 400) + "1", "Double 0x3ff0000000000000"},
      // Edges of the range: subnormals, the largest double, underflow to (signed) zero.
      {"2.2250738585072011e-308", "Double 0x000fffffffffffff"},
      {"2.225073858507201136057409796709131975934819546351645648e-308", "Double 0x000fffffffffffff"},
      {"1e-320", "Double 0x00000000000007e8"},
      {"5e-324", "Double 0x0000000000000001"},
      {"4.9406564584124654e-324", "Double 0x0000000000000001"},
      {"2.4703282292062328e-324", "Double 0x0000000000000001"},
      {"1.7976931348623157e308", "Double 0x7fefffffffffffff"},
      {"1.7976931348623158e308", "Double 0x7fefffffffffffff"},
      {"1e-400", "Double 0x0000000000000000"},
      {"-1e-400", "Double 0x8000000000000000"},
      {"0e-99999999999999999999", "Double 0x0000000000000000"},
      {"1e-99999999999999999999", "Double 0x0000000000000000"},
      {"123e-2147483648", "Double 0x0000000000000000"},
      // Refused by RapidJSON's scan (a positive exponent past 308, or an integer part
      // past DBL_MAX), whatever the digits are.
      {"1E400", "error"},
      {"-1e400", "error"},
      {"0e400", "error"},
      {"1797693134862315808" + repeat('0', 300), "error"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(parse_number(c.text) == c.want);
  }
}

TEST_CASE("numbers beyond double: a syntax error at the number", "[document][numbers]") {
  Document d("{\"a\": [1, -1e400, 2]}");
  check_too_big(d, 10, "/a/1");
}

// Where RapidJSON 1.1.0's conversion went wrong (undefined behaviour, or a wrong value)
// wxlint now gives the correctly rounded value, or refuses a value past DBL_MAX.
TEST_CASE("numbers RapidJSON's conversion got wrong", "[document][numbers]") {
  const std::vector<Case> cases = {
      // Zero with an exponent: UBSan's "passing zero to clz()", then a garbage value.
      {"0E112", "Double 0x0000000000000000"},
      {"-0E112", "Double 0x8000000000000000"},
      {"0e308", "Double 0x0000000000000000"},
      {"0.0000001e-320", "Double 0x0000000000000000"},
      // Just below half the smallest subnormal: rounds to zero (was the subnormal).
      {"2.4703282292062327e-324", "Double 0x0000000000000000"},
      // Many leading zeros in the fraction (were read as 0.1 and 1).
      {"0." + repeat('0', 400) + "1", "Double 0x0000000000000000"},
      {"0." + repeat('0', 400) + "1e400", "Double 0x3fb999999999999a"},
      // A tie broken by a digit past the 780 that RapidJSON looked at (was rounded down).
      {"1.00000000000000011102230246251565404236316680908203125" + repeat('0', 800) + "1", "Double 0x3ff0000000000001"},
      // Past DBL_MAX but not caught by RapidJSON's scan (were inf and garbage).
      {"1.7976931348623159e308", "error"},
      {"-1.7976931348623159e308", "error"},
      {"10e308", "error"},
      {"9.9999999999999999e308", "error"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(parse_number(c.text) == c.want);
  }
}

TEST_CASE("numbers past DBL_MAX that RapidJSON's scan lets through: the same error", "[document][numbers]") {
  // After a BOM and in an object, so the offset is the number's own and absolute.
  Document d("\xEF\xBB\xBF{\"x\": [0e5, 10e308]}");
  check_too_big(d, 15, "/x/1");
}

TEST_CASE("hostile numbers from the fuzzer parse without undefined behaviour", "[document][numbers]") {
  // base64 WzBFMTEy/////////zBF////: "[0E112" then bytes that are not UTF-8.
  Document d(std::string("[0E112\xff\xff\xff\xff\xff\xff\xff\x30\x45\xff\xff\xff", 18));
  REQUIRE(d.issues().size() == 1);
  CHECK(d.issues()[0].kind == Kind::invalid_utf8);
  CHECK(d.issues()[0].offset == 6);
  // Zeros and long digit runs against every kind of exponent (the sanitizer build
  // turns any undefined behaviour here into a failure).
  const std::vector<std::string> mantissas = {"0", "-0", "0.0", "0." + repeat('0', 800), repeat('9', 30),
                                             "1." + repeat('9', 800), "0." + repeat('0', 400) + "7"};
  for (const std::string& mantissa : mantissas) {
    for (const char* exp : {"", "e0", "E112", "e-112", "e308", "e309", "e-324", "e-2147483647", "e-99999999999"}) {
      const std::string n = mantissa + exp;
      INFO(n);
      const std::string got = parse_number(n);
      CHECK((got == "error" || got.rfind("Double ", 0) == 0 || got.find("Int") != std::string::npos));
    }
  }
}
