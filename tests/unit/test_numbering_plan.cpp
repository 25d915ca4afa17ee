// The numbering-plan interface (src/formats/numbering_plan.hpp) over libphonenumber's module.
#include <catch2/catch.hpp>

#include "formats/numbering_plan.hpp"

#include <string>

using namespace wxlint::formats::plan;

TEST_CASE("the numbering-plan module loads, and its metadata version is known without it", "[plan]") {
  CHECK(unavailable_reason() == "");
  CHECK(metadata_version() == "8.12.57");
}

TEST_CASE("valid E.164 numbers of several plans", "[plan]") {
  for (const char* n : {"+18632520486", "+14085551234", "+14085267209", "+442079460000", "+4930123456", "+919876543210",
                        "+12145555698", "+14158952369", "+353212345678"}) {
    INFO(n);
    Judgement j = judge(n);
    CHECK(j.verdict == Verdict::valid);
    CHECK(j.e164 == n);
    CHECK(j.reason == "");
  }
}

TEST_CASE("Cisco's example +18947028597: 894 is no assigned North American area code", "[plan]") {
  Judgement j = judge("+18947028597");
  CHECK(j.verdict == Verdict::not_assigned);
  CHECK(j.reason == "894 is not an assigned area code in the North American plan");
  CHECK(j.e164 == "+18947028597");
}

TEST_CASE("unknown country calling codes", "[plan]") {
  Judgement j = judge("+999123");
  CHECK(j.verdict == Verdict::unknown_country);
  CHECK(j.reason == "none of +9, +99 and +999 is a country calling code");
  CHECK(judge("+28123456").reason == "none of +2, +28 and +281 is a country calling code");
  CHECK(judge("+2 8 1 23456").verdict == Verdict::unknown_country);
  CHECK(judge("+0123456").reason == "none of +0, +01 and +012 is a country calling code");
}

TEST_CASE("wrong lengths and unassigned ranges name the plan", "[plan]") {
  CHECK(judge("+1408555123").verdict == Verdict::wrong_length);
  CHECK(judge("+1408555123").reason == "it is too short for the North American plan");
  CHECK(judge("+4420794600").reason == "it is too short for the plan of +44 (GB)");  // a local-only length
  CHECK(judge("+4420").reason == "it is too short for the plan of +44 (GB)");
  CHECK(judge("+4420794600001234567").verdict == Verdict::wrong_length);
  CHECK(judge("+442079460000123").reason == "it is too long for the plan of +44 (GB)");
  Judgement uk = judge("+441111111111");
  CHECK(uk.verdict == Verdict::not_assigned);
  CHECK(uk.reason == "it is in no assigned range of the plan of +44 (GB)");
}

TEST_CASE("an E.164 value is read as written: a national prefix after the country code is wrong", "[plan]") {
  // libphonenumber's Parse would drop the 0; the value does not mean that number.
  CHECK(judge("+4402079460000").verdict != Verdict::valid);
}

TEST_CASE("national formats are read with a default region", "[plan]") {
  Judgement us = judge("408 526 7209", "US");
  CHECK(us.verdict == Verdict::valid);
  CHECK(us.e164 == "+14085267209");
  CHECK(judge("020 7946 0000", "GB").e164 == "+442079460000");
  CHECK(judge("030 123456", "DE").e164 == "+4930123456");
  CHECK(judge("(894) 702-8597", "US").reason == "894 is not an assigned area code in the North American plan");
  // Without a region only a number with its country code can be read.
  CHECK(judge("4085551234").verdict == Verdict::unknown_country);
  CHECK(judge("+1 408 555 1234").e164 == "+14085551234");
}

TEST_CASE("text that is no phone number is never handed to libphonenumber", "[plan]") {
  CHECK(judge("").verdict == Verdict::not_a_number);
  CHECK(judge("1-800-FLOWERS", "US").verdict == Verdict::not_a_number);
  CHECK(judge("408 555 1234 ext 5", "US").verdict == Verdict::not_a_number);
  CHECK(judge(std::string(65, '1'), "US").verdict == Verdict::not_a_number);
  CHECK(judge(std::string(1 << 20, '+')).verdict == Verdict::not_a_number);
  CHECK(judge("+", "US").verdict == Verdict::not_a_number);
}

TEST_CASE("region codes", "[plan]") {
  CHECK(region_code("US") == "US");
  CHECK(region_code("gb") == "GB");
  CHECK(region_code("IE") == "IE");
  CHECK_FALSE(region_code("XX"));
  CHECK_FALSE(region_code("ZZ"));
  CHECK_FALSE(region_code("001"));
  CHECK_FALSE(region_code("USA"));
  CHECK_FALSE(region_code(""));
  CHECK_FALSE(region_code(std::string("U\0", 2)));
}
