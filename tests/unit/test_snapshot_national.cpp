// National-format numbers in an org snapshot (facts 1.1: list responses hold some) are read in
// the country of their row's location, else in the configured region, and compared in E.164.
#include "snapshot/store.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <catch2/catch.hpp>

namespace {

using wxlint::Snapshot;

// ciscospark://us/LOCATION/aaaaaaaa-0000-4000-8000-00000000000N, padded.
const std::string kCork = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMw==";
const std::string kBoston = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg==";
const std::string kNowhere = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwOQ==";

const std::string kLocations = R"({"items": [
  {"id": ")" + kCork + R"(", "name": "Cork", "address": {"country": "IE"}},
  {"id": ")" + kBoston + R"(", "name": "Boston", "address": {"country": "us"}}]})";

std::string number(const std::string& n, const std::string& location) {
  return R"({"phoneNumber": ")" + n + R"(", "state": "ACTIVE", "location": {"id": ")" + location + R"("}})";
}

// The phoneNumber cells of a table, in row order.
std::vector<std::string> numbers(const Snapshot& s, const std::string& table) {
  const auto* t = s.store()->table(table);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < t->size(); ++r) out.emplace_back(t->cell(r, *t->column("phoneNumber")));
  return out;
}

}  // namespace

TEST_CASE("snapshot: a national number is read in its location's country, wherever the locations file is",
          "[snapshot][plan]") {
  // The numbers page comes before the locations page: the countries are known only at the end.
  const std::string page = R"({"phoneNumbers": [)" + number("021 234 5678", kCork) + ", " + number("(617) 253-1000", kBoston) +
                           ", " + number("0044 20 7946 0000", kCork) + ", " + number("021 234 5678", kNowhere) + "]}";
  const Snapshot s = Snapshot::from_files({{"numbers.json", page, 0}, {"locations.json", kLocations, 0}});
  // Cork is in IE; Boston in the US ("us": any case); the international prefix 00 is read as
  // before; a location the locations list lacks has no country, and no region was given.
  CHECK(numbers(s, "numbers") ==
        std::vector<std::string>{"+353212345678", "+16172531000", "+442079460000", "021 234 5678"});
  const auto* t = s.store()->table("numbers");
  CHECK(t->find(*t->column("phoneNumber"), "+353212345678").size() == 1);
}

TEST_CASE("snapshot: the configured region reads what no location's country does", "[snapshot][plan]") {
  const std::string contacts = R"({"result": [{"contactId": "c1", "displayName": "A", "phoneNumbers": [
    {"value": "020 7946 0000"}, {"value": "+1 408 526 7209"}, {"value": "07400 123456"}]}]})";
  const std::string page = R"({"phoneNumbers": [)" + number("021 234 5678", kCork) + ", " + number("020 7946 0001", kNowhere) + "]}";
  const Snapshot s = Snapshot::from_files({{"contacts.json", contacts, 0}, {"numbers.json", page, 0}, {"locations.json", kLocations, 0}},
                                          "gb");
  CHECK(numbers(s, "contacts") == std::vector<std::string>{"+442079460000\n+14085267209\n+447400123456"});
  // The location's country wins over the region.
  CHECK(numbers(s, "numbers") == std::vector<std::string>{"+353212345678", "+442079460001"});
  // Without the region they stay as written.
  const Snapshot plain = Snapshot::from_files({{"contacts.json", contacts, 0}});
  CHECK(numbers(plain, "contacts") == std::vector<std::string>{"020 7946 0000\n+14085267209\n07400 123456"});
}

TEST_CASE("snapshot: a number the plan finds invalid in the region keeps the old normal form", "[snapshot][plan]") {
  // 555-0100 numbers are fictional: no valid US number, so the ten digits are read as before.
  const std::string page = R"({"phoneNumbers": [)" + number("408 555 0100", kBoston) + ", " + number("12", kBoston) + "]}";
  const Snapshot s = Snapshot::from_files({{"numbers.json", page, 0}, {"locations.json", kLocations, 0}});
  CHECK(numbers(s, "numbers") == std::vector<std::string>{"+14085550100", "12"});
}

TEST_CASE("snapshot: an unknown region is a ConfigError when a national number needs it", "[snapshot][plan]") {
  const std::string page = R"({"phoneNumbers": [)" + number("020 7946 0001", kNowhere) + "]}";
  CHECK_THROWS_WITH(Snapshot::from_files({{"numbers.json", page, 0}}, "XX"),
                    "region: \"XX\" is not a region code of the numbering plans (two letters, such as US, GB or DE)");
}

TEST_CASE("snapshot: a person's work_extension values are ESNs, no phone numbers", "[snapshot][plan]") {
  // An ESN is the location's routing prefix and the extension (facts 1.2): read as a number,
  // 6175550102 became +16175550102, someone else's number.
  const std::string people = R"({"items": [{"id": "p1", "displayName": "Bob", "locationId": ")" + kCork + R"(",
    "phoneNumbers": [{"type": "work", "value": "021 234 5679"}, {"type": "work_extension", "value": "6175550102"}]},
    {"id": "p2", "displayName": "Ann", "locationId": ")" + kBoston + R"(", "phoneNumbers": [{"type": "work", "value": "+16175550102"}]}]})";
  const Snapshot s = Snapshot::from_files({{"people.json", people, 0}, {"locations.json", kLocations, 0}});
  CHECK(numbers(s, "people") == std::vector<std::string>{"+353212345679", "+16175550102"});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).empty());  // no number of two owners
}

TEST_CASE("snapshot: only a calling user's work numbers are held: the rest is directory text", "[snapshot][plan]") {
  // Two people without calling (no locationId) share an office number, in two spellings; a
  // calling user's mobile and fax are free text too (facts 1.2). None is anyone's number.
  const std::string people = R"({"items": [
    {"id": "p1", "displayName": "A", "phoneNumbers": [{"type": "work", "value": "+1 408 526 7200"}]},
    {"id": "p2", "displayName": "B", "phoneNumbers": [{"type": "work", "value": "(408) 526-7200"}]},
    {"id": "p3", "displayName": "C", "locationId": ")" + kBoston + R"(", "phoneNumbers": [{"type": "mobile", "value": "+14085267200"},
      {"type": "fax", "value": "+14085267201"}, {"type": "work", "value": "+14085267202"}]}]})";
  const Snapshot s = Snapshot::from_files({{"people.json", people, 0}, {"locations.json", kLocations, 0}});
  CHECK(numbers(s, "people") == std::vector<std::string>{"", "", "+14085267202"});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).empty());  // neither two owners nor an unread number
}
