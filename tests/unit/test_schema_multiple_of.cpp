// multipleOf, judged by schema_multiple_of.cpp instead of valijson (which divided by 0,
// truncated 2.5 to 2 and cast 1e300 to int64).
#include "engine/schema_multiple_of.hpp"
#include "schema_failures.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using test_support::failures;
using wxlint::schema_multiple_of::divisor_of;
using wxlint::schema_multiple_of::is_multiple;

namespace {

using Lines = std::vector<std::string>;

// The failures of `value` against {"multipleOf": divisor}: none, or the one line.
Lines of(const std::string& divisor, const std::string& value) {
  return failures(R"({"multipleOf": )" + divisor + "}", value);
}

Lines fails(const std::string& divisor_text) { return {"other  detail=Value should be a multiple of " + divisor_text}; }

}  // namespace

TEST_CASE("multipleOf: integers are judged exactly", "[schema_multiple_of]") {
  CHECK(of("2", "4").empty());
  CHECK(of("2", "0").empty());
  CHECK(of("2", "-4").empty());
  CHECK(of("2", "3") == fails("2"));
  CHECK(of("2", "-3") == fails("2"));
  CHECK(of("7", "9223372036854775807").empty());  // 2^63 - 1 = 7 * 1317624576693539401
  CHECK(of("2", "9223372036854775807") == fails("2"));
  CHECK(of("2", "-9223372036854775808").empty());
  CHECK(of("3", "-9223372036854775808") == fails("3"));
  CHECK(of("1", "-9223372036854775808").empty());
  // Past 2^53, where a double could not tell them apart.
  CHECK(of("2", "9007199254740993") == fails("2"));
  CHECK(of("3", "9007199254740993").empty());
  // A divisor past INT64_MAX: only 0 and -2^63 are multiples of 2^63.
  CHECK(of("9223372036854775808", "-9223372036854775808").empty());
  CHECK(of("9223372036854775808", "9223372036854775807") == fails("9223372036854775808"));
  CHECK(of("18446744073709551615", "5") == fails("18446744073709551615"));
}

TEST_CASE("multipleOf: fractions and doubles", "[schema_multiple_of]") {
  CHECK(of("0.5", "5").empty());
  CHECK(of("0.5", "5.5").empty());
  CHECK(of("0.5", "5.25") == fails("0.5"));
  CHECK(of("2", "2.5") == fails("2"));  // valijson truncated it to 2
  CHECK(of("2", "-2.5") == fails("2"));
  CHECK(of("2", "4.0").empty());
  CHECK(of("2.0", "3") == fails("2.0"));  // the divisor as the schema writes it
  CHECK(of("2.0", "9007199254740993") == fails("2.0"));  // a whole 2.0 divides exactly
  CHECK(of("1", "1e-17") == fails("1"));
  // Decimal fractions are not exact in binary: their rounding is not a failure.
  CHECK(of("0.1", "0.3").empty());
  CHECK(of("0.01", "19.99").empty());
  CHECK(of("0.1", "1e10").empty());
  CHECK(of("0.1", "0.35") == fails("0.1"));
  CHECK(of("1e-300", "1").empty());
}

TEST_CASE("multipleOf: a value too large to judge precisely is no failure and no UB", "[schema_multiple_of]") {
  CHECK(of("2", "1e300").empty());  // valijson cast it to int64: undefined
  CHECK(of("3", "1e300").empty());
  CHECK(of("0.3", "-1e300").empty());
  CHECK(of("1e-300", "1e300").empty());  // the quotient overflows
  CHECK(of("1e300", "1e300").empty());
  CHECK(of("1e300", "1") == fails("1e300"));
  CHECK(of("2", "1.7976931348623157e308").empty());
}

TEST_CASE("multipleOf: only numbers are judged, at their place, in any subschema", "[schema_multiple_of]") {
  CHECK(of("2", R"("3")").empty());
  CHECK(of("2", "true").empty());
  CHECK(of("2", "[3]").empty());
  CHECK(failures(R"({"properties": {"a": {"items": {"multipleOf": 2}}}})", R"({"a": [2, 3, 4.5]})") ==
        Lines{"other /a/1 detail=Value should be a multiple of 2", "other /a/2 detail=Value should be a multiple of 2"});
  CHECK(failures(R"({"anyOf": [{"multipleOf": 2}, {"multipleOf": 3}]})", "9").empty());
  CHECK(failures(R"({"not": {"multipleOf": 2}})", "3").empty());
  // The first of a repeated keyword, as valijson reads it.
  CHECK(failures(R"({"multipleOf": 2, "multipleOf": 3})", "3") == fails("2"));
}

TEST_CASE("multipleOf: the judgement itself", "[schema_multiple_of]") {
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  CHECK(is_multiple(kMin, divisor_of(std::uint64_t{1})));
  CHECK(is_multiple(kMin, divisor_of(std::uint64_t{1} << 63)));
  CHECK_FALSE(is_multiple(kMax, divisor_of(std::uint64_t{1} << 63)));
  CHECK(is_multiple(kMin, divisor_of(std::uint64_t{1} << 62)));
  CHECK(divisor_of(2.0).whole == 2);
  CHECK(divisor_of(0.5).whole == 0);
  CHECK(divisor_of(1e20).whole == 0);  // past 2^64: a double
  CHECK(divisor_of(18446744073709549568.0).whole == 18446744073709549568ULL);
  CHECK_FALSE(is_multiple(kMax, divisor_of(1e20)));
  CHECK(is_multiple(std::int64_t{0}, divisor_of(1e20)));
  CHECK(is_multiple(-0.0, divisor_of(std::uint64_t{7})));
  CHECK(is_multiple(4503599627370496.0, divisor_of(std::uint64_t{2})));
  CHECK_FALSE(is_multiple(4503599627370497.0, divisor_of(std::uint64_t{2})));  // 2^52 + 1: exact
}
