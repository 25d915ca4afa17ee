// The snapshot's own inconsistencies name their places (file:line:col: pointer) as a
// DataFile names one pointer, for every shape of item; and all of a file's places cost one
// scan of it, not one each.
#include "engine/data_file.hpp"
#include "snapshot/store.hpp"
#include "support.hpp"

#include <wxlint/snapshot.hpp>

#include <catch2/catch.hpp>

#include <ctime>
#include <string>
#include <vector>

namespace {

using wxlint::Snapshot;


// Person i, whose location is in no list, in one of several shapes: escapes in keys and
// values, a number or an empty array last, line breaks, tabs and non-ASCII between.
std::string person(std::size_t i) {
  const std::string n = std::to_string(i);
  switch (i % 5) {
    case 0: return R"({"id": "P)" + n + R"(", "displayName": "U)" + n + R"(", "locationId": "L9"})";
    case 1: return R"({"displayName":"U)" + n + R"(","id":"P\u0031)" + n + R"(","locationId":"L9","n":1})";
    case 2: return R"({"a\"b":"é","displayName":"U)" + n + R"(","id":"P)" + n + R"(","locationId":"L9","e":[]})";
    case 3: return "{\r\n\t\"id\": \"P" + n + "\",\r\n\t\"displayName\": \"U" + n + "\",\r\n\t\"locationId\": \"L\\u0039\"\r\n}";
    default: return "{\"ü\": \"ä\\n\", \"id\": \"P" + n + "\", \"displayName\": \"U" + n + "\",\n \"locationId\": \"L9\"}";
  }
}

std::string people_file(std::size_t from, std::size_t to, const std::string& bom) {
  std::string s = bom + "{\"items\": [\n";
  for (std::size_t i = from; i < to; ++i) s += (i > from ? ",\n  " : "  ") + person(i);
  return s + "\n]}";
}

// Number rows, all holding one number, each of another owner.
std::string numbers_file(std::size_t count) {
  std::string s = "{\"phoneNumbers\": [";
  for (std::size_t i = 0; i < count; ++i)
    s += std::string(i ? ",\n " : "") + R"({"phoneNumber": "+14085550101", "owner": {"id": "O)" + std::to_string(i) +
         R"(", "type": "PLACE", "displayName": "D)" + std::to_string(i) + R"("}})";
  return s + "]}";
}

std::vector<Snapshot::File> files(std::size_t people, std::size_t numbers) {
  return {{"locations.json", R"({"items": [{"id": "L1", "name": "A", "timeZone": "UTC"}]})", 0},
          {"people-1.json", people_file(0, people / 2, ""), 0},
          {"people-2.json", people_file(people / 2, people, "\xEF\xBB\xBF"), 0},
          {"numbers.json", numbers_file(numbers), 0}};
}

}  // namespace

TEST_CASE("snapshot: places of inconsistencies are named as one pointer is", "[snapshot][places]") {
  const std::vector<Snapshot::File> f = files(40, 12);
  const Snapshot s = Snapshot::from_files(f);
  // Each place as DataFile::where names it alone (the way every place was named before).
  auto where = [&](std::size_t file, const std::string& pointer) { return wxlint::DataFile(f[file].name, f[file].text).where(pointer); };
  std::vector<std::string> expected;
  for (std::size_t i = 1; i < 12; ++i)
    expected.push_back(where(3, "/phoneNumbers/" + std::to_string(i)) + ": number +14085550101 is held by two owners: D" +
                       std::to_string(i) + " (PLACE) here and D0 (PLACE) at " + where(3, "/phoneNumbers/0"));
  for (std::size_t i = 0; i < 40; ++i)
    expected.push_back(where(i < 20 ? 1 : 2, "/items/" + std::to_string(i % 20)) + ": U" + std::to_string(i) +
                       " has a locationId that is in no locations list of the snapshot");
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) == expected);
  // And a few by hand: the BOM is not a column, CRLF ends a line, "é" is one column.
  CHECK(expected[11].starts_with("people-1.json:2:3: /items/0: U0 "));
  CHECK(expected[11 + 23].starts_with("people-2.json:5:3: /items/3: U23 "));
  CHECK(expected[11 + 20].starts_with("people-2.json:2:3: /items/0: U20 "));
}

TEST_CASE("snapshot: a file's places are named in one scan of it", "[snapshot][places][linear]") {
  // 60,000 people in no location and 60,000 holders of one number: a scan of the file per
  // place took ~50 s of CPU (quadratic); one scan per file takes under a second.
  const std::vector<Snapshot::File> f = files(60000, 60000);
  const std::clock_t t0 = std::clock();
  const Snapshot s = Snapshot::from_files(f);
  const double took = test_support::cpu_seconds_since(t0);
  const std::vector<std::string> found = test_support::besides_placeholder_ids(s.inconsistencies());
  REQUIRE(found.size() == 60000 + 59999);
  // Line 2 + 29,999 items before it + 29,999 line breaks inside them (4 per CRLF item, 1 per "ü" item).
  CHECK(found.back() ==
        "people-2.json:60000:3: /items/29999: U59999 has a locationId that is in no locations list of the snapshot");
  CHECK(took < 5.0 * test_support::kSlowBuild);
}
