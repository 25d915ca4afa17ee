// The org snapshot loader: every kind recognised from its shape, pages merged, keys
// normalised, and bad files reported as ConfigError with file:line:col and pointer.
#include "snapshot/store.hpp"
#include "snapshot/time.hpp"
#include "support.hpp"

#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <catch2/catch.hpp>

namespace {

using wxlint::Snapshot;

// ciscospark://us/PEOPLE/bbbbbbbb-0000-4000-8000-000000000001, padded.
const std::string kPerson = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE=";
const std::string kLocation = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ==";

Snapshot load(std::vector<std::pair<std::string, std::string>> files) {
  std::vector<Snapshot::File> f;
  for (auto& [name, text] : files) f.push_back({name, text, 0});
  return Snapshot::from_files(std::move(f));
}

std::string error_of(std::vector<std::pair<std::string, std::string>> files) {
  try {
    load(std::move(files));
  } catch (const wxlint::ConfigError& e) {
    return e.what();
  }
  return "";
}

std::size_t items_of(const Snapshot& s, const std::string& kind) {
  for (const auto& k : s.kinds())
    if (k.kind == kind) return k.items;
  return 0;
}

}  // namespace

TEST_CASE("snapshot: every kind is recognised from its shape", "[snapshot]") {
  const Snapshot s = load({
      {"numbers.json", R"({"phoneNumbers": [{"phoneNumber": "+14085550101", "state": "ACTIVE", "mainNumber": false, "location": {"id": "L", "name": "A"}}]})"},
      {"people.json", R"({"items": [{"id": "P", "emails": ["a@example.com"], "displayName": "A"}]})"},
      {"locations.json", R"({"items": [{"id": "L", "name": "A", "address": {"city": "X"}, "timeZone": "UTC"}]})"},
      {"licences.json", R"({"items": [{"id": "C", "name": "Webex Calling - Professional", "totalUnits": 1, "consumedUnits": 0}]})"},
      {"calling.json", R"({"locations": [{"id": "L", "name": "A"}]})"},
      {"park.json", R"({"callParkExtensions": [{"id": "K", "name": "Park", "extension": "1", "locationId": "L"}]})"},
      {"virtual.json", R"({"virtualExtensions": [{"id": "V", "extension": "2", "level": "LOCATION", "locationId": "L"}]})"},
      {"contacts.json", R"({"result": [{"contactId": "441d0fa5-7fa0-491e-b27a-f017896c0bab", "schemas": "x", "source": "CH"}], "start": 0, "total": 1})"},
  });
  std::vector<std::string> kinds;
  for (const auto& k : s.kinds()) kinds.push_back(k.kind + "=" + std::to_string(k.files) + "/" + std::to_string(k.items));
  CHECK(kinds == std::vector<std::string>{"numbers=1/1", "locations=1/1", "licences=1/1", "people=1/1",
                                          "callingLocations=1/1", "callParkExtensions=1/1", "virtualExtensions=1/1",
                                          "contacts=1/1"});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).empty());
  CHECK_FALSE(s.captured_at().has_value());  // no manifest, no mtimes
}

TEST_CASE("snapshot: an item of a shared list without its kind's members is known by its id's type", "[snapshot]") {
  // A licence leaves out the members that do not apply to it (facts 1.6): id and name only.
  // ciscospark://us/LICENSE/..., ciscospark://us/LOCATION/..., and kPerson.
  const std::string licence = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvYWFhYTpNU18xMjM0";
  const Snapshot s = load({
      {"licences.json", R"({"items": [{"id": ")" + licence + R"(", "name": "Messaging"}]})"},
      {"locations.json", R"({"items": [{"id": ")" + kLocation + R"(", "name": "Denver"}]})"},
      {"people.json", R"({"items": [{"id": ")" + kPerson + R"(", "locationId": ")" + kLocation + R"("}]})"},
  });
  CHECK(items_of(s, "licences") == 1);
  CHECK(items_of(s, "locations") == 1);
  CHECK(items_of(s, "people") == 1);
  // A second item of another type than the first's is still not of the file's kind.
  CHECK(error_of({{"l.json", R"({"items": [{"id": ")" + licence + R"(", "name": "M"},
 {"id": ")" + kPerson + R"(", "name": "A"}]})"}}) ==
        "l.json:2:2: /items/1: this item is not of the file's kind (licences), judged by its first item");
}

TEST_CASE("snapshot: pages of one kind merge, an empty page of items is skipped, an empty list of its own key counts", "[snapshot]") {
  const Snapshot s = load({
      {"p1.json", R"({"items": [{"id": "P1", "displayName": "A"}, {"id": "P2", "displayName": "B"}]})"},
      {"p2.json", R"({"items": [{"id": "P3", "displayName": "C"}]})"},
      {"p3.json", R"({"items": []})"},
  });
  REQUIRE(s.kinds().size() == 1);
  CHECK(s.kinds()[0].files == 2);
  CHECK(items_of(s, "people") == 3);
  const auto* people = s.store()->table("people");
  CHECK(people->size() == 3);
  // A list with a key of its own is known when empty: the org has no numbers.
  const Snapshot none = load({{"numbers.json", R"({"phoneNumbers": []})"}});
  REQUIRE(none.kinds().size() == 1);
  CHECK(none.kinds()[0].kind == "numbers");
  CHECK(none.kinds()[0].files == 1);
  CHECK(none.store()->table("numbers")->loaded());
  CHECK(none.store()->table("numbers")->size() == 0);
}

TEST_CASE("snapshot: ids match by decoded identity, numbers by E.164 form", "[snapshot]") {
  std::string unpadded = kPerson;
  unpadded.pop_back();
  const Snapshot s = load({{"people.json", R"({"items": [{"id": ")" + unpadded + R"(", "displayName": "A", "locationId": ")" +
                                               kLocation + R"(", "phoneNumbers": [{"type": "work", "value": "+1 408 526 7209"}]}]})"}});
  using wxlint::snapshot::KeyType;
  using wxlint::snapshot::normalise;
  const auto* people = s.store()->table("people");
  CHECK(people->find(0, normalise(KeyType::id, kPerson)).size() == 1);
  CHECK(people->find(*people->column("phoneNumber"), normalise(KeyType::number, "+14085267209")).size() == 1);
  CHECK(people->find(*people->column("phoneNumber"), normalise(KeyType::number, "408 526 7209")).size() == 1);
  // urlsafe and standard alphabets: "…/…" and "…_…" decode to the same id.
  CHECK(normalise(KeyType::id, "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9XU1dZWjIxMjg/NkwyMTI4MDc=") ==
        normalise(KeyType::id, "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9XU1dZWjIxMjg_NkwyMTI4MDc"));
  CHECK(normalise(KeyType::id, kPerson) == "PEOPLE/bbbbbbbb-0000-4000-8000-000000000001");
  CHECK(normalise(KeyType::number, "+1 408 526 7209") == "+14085267209");
}

TEST_CASE("snapshot: ids that are no Webex ids are said once per list and column", "[snapshot]") {
  // A cut-off id matches no payload's: the person it names would be reported as not found.
  const std::string cut = kPerson.substr(0, 41);
  const Snapshot s = load({{"people.json", "{\"items\": [\n"
                                           " {\"id\": \"" + kPerson + "\", \"displayName\": \"A\", \"locationId\": \"L1\"},\n"
                                           " {\"id\": \"" + cut + "\", \"displayName\": \"B\", \"locationId\": \"L1\"},\n"
                                           " {\"id\": \" \", \"displayName\": \"C\", \"licenses\": [\"x\", \"" + kPerson + "\"]}]}"},
                           {"locations.json", "{\"items\": [{\"id\": \"" + kLocation + "\", \"name\": \"HQ\", \"timeZone\": \"UTC\"}]}"}});
  CHECK(s.inconsistencies() ==
        std::vector<std::string>{
            "people.json:2:2: /items/0: \"L1\" (people, locationId) is not a Webex id and neither is 1 more there: no "
            "payload id matches it, so what the payload names by it is judged missing; save the list response as the "
            "API gave it",
            "people.json:3:2: /items/1: \"" + cut + "\" (people, id) is not a Webex id: no payload id matches it, so "
            "what the payload names by it is judged missing; save the list response as the API gave it",
            "people.json:4:2: /items/2: \"x\" (people, licenses) is not a Webex id: no payload id matches it, so what "
            "the payload names by it is judged missing; save the list response as the API gave it",
            "people.json:2:2: /items/0: A has a locationId that is in no locations list of the snapshot",
            "people.json:3:2: /items/1: B has a locationId that is in no locations list of the snapshot"});
}

TEST_CASE("snapshot: bad files name the file, line, column and pointer", "[snapshot]") {
  CHECK(error_of({{"a.json", "{\"items\": [1,]}"}}).starts_with("a.json:1:14: "));
  CHECK(error_of({{"a.json", "[]"}}).starts_with("a.json:1:1: (root): a snapshot file is a JSON object; the kinds are: numbers"));
  CHECK(error_of({{"a.json", "{\"usersList\": []}"}}).starts_with("a.json:1:1: (root): not a snapshot file of a known kind; the kinds are: numbers ({\"phoneNumbers\": [...]}"));
  CHECK(error_of({{"a.json", "{\"items\": [{}, {\"id\": \"P\", \"displayName\": \"A\"}]}"}}) ==
        "a.json:1:12: /items/0: an item of none of the kinds an \"items\" list holds: locations have \"address\" or "
        "\"timeZone\", or a Webex id of type LOCATION; licences have \"totalUnits\", \"consumedUnits\", "
        "\"consumedByUsers\", \"consumedByWorkspaces\", \"subscriptionId\", \"siteUrl\" or \"siteType\", or a Webex id "
        "of type LICENSE; people have \"emails\", \"displayName\", \"firstName\" or \"lastName\", or a Webex id of type "
        "PEOPLE");
  // A person's phone numbers ({"type", "value"}) are no page of numbers.
  CHECK(error_of({{"n.json", "{\"phoneNumbers\": [{\"type\": \"work\", \"value\": \"+14085267210\"}]}"}}) ==
        "n.json:1:19: /phoneNumbers/0: an item of none of the kinds a \"phoneNumbers\" list holds: numbers have "
        "\"phoneNumber\", \"extension\", \"location\" or \"owner\"");
  CHECK(error_of({{"a.json", "{\"items\": [3]}"}}) == "a.json:1:12: /items/0: expected an object (a list item), not an integer");
  CHECK(error_of({{"a.json", "{\"phoneNumbers\": 3}"}}) == "a.json:1:18: /phoneNumbers: expected an array (a page's list), not an integer");
  CHECK(error_of({{"a.json", "{\"items\": {\"id\": \"P\"}}"}}) == "a.json:1:11: /items: expected an array (a page's list), not an object");
  CHECK(error_of({{"a.json", "{\"items\": [{\"id\": \"P\", \"displayName\": \"A\"},\n 3]}"}}) ==
        "a.json:2:2: /items/1: expected an object (a list item), not an integer");
  CHECK(error_of({{"n.json", "{\"phoneNumbers\": [{\"phoneNumber\": [\"+1\"]}]}"}}) ==
        "n.json:1:35: /phoneNumbers/0/phoneNumber: expected a string, not an array");
  CHECK(error_of({{"n.json", "{\"phoneNumbers\": [{\"location\": \"L\"}]}"}}) ==
        "n.json:1:32: /phoneNumbers/0/location: expected an object, not a string");
  CHECK(error_of({{"m.json", "{\"capturedAt\": \"2099-01-01T00:00:00Z\"}"}}) ==
        "m.json:1:16: /capturedAt: is in the future (2099-01-01T00:00:00Z); write when the snapshot was taken");
  CHECK(error_of({{"m.json", "{\"capturedAt\": \"yesterday\"}"}}) ==
        "m.json:1:16: /capturedAt: expected a time in ISO 8601 form, e.g. \"2026-12-01T09:30:00Z\"");
  CHECK(error_of({{"p.json", "{\"items\": [{\"id\": \"P\", \"displayName\": \"A\"}, {\"id\": \"L\", \"address\": {}}]}"}})
            .starts_with("p.json:1:45: /items/1: this item is not of the file's kind (people)"));
  // Two lists in one file: the second would be dropped without a word, an empty first too.
  const std::string second = ": a second list beside \"phoneNumbers\": a snapshot file is one list response as the API "
                              "gave it; save each list in a file of its own";
  CHECK(error_of({{"t.json", "{\"phoneNumbers\": [],\n \"items\": [{\"id\": \"P\", \"displayName\": \"A\"}]}"}}) ==
        "t.json:2:11: /items" + second);
  CHECK(error_of({{"t.json", "{\"phoneNumbers\": [{\"phoneNumber\": \"+14085550101\"}], \"locations\": 5}"}}) ==
        "t.json:1:66: /locations" + second);
}

TEST_CASE("snapshot: a manifest gives the capture time", "[snapshot]") {
  const Snapshot s = load({{"manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z"})"},
                           {"people.json", R"({"items": [{"id": "P", "displayName": "A"}]})"}});
  REQUIRE(s.captured_at().has_value());
  CHECK(*s.captured_at() == 1796117400);
  CHECK(s.captured_from_manifest());
  CHECK(wxlint::snapshot::format_time(*s.captured_at()) == "2026-12-01T09:30:00Z");
  CHECK(wxlint::snapshot::parse_time("2026-12-01T10:30:00.123+01:00") == 1796117400);
  CHECK_FALSE(wxlint::snapshot::parse_time("2026-13-01T10:30:00Z"));
  // Typos, not times: a day past the month's end, an offset past a day.
  CHECK_FALSE(wxlint::snapshot::parse_time("2026-02-31T10:30:00Z"));
  CHECK_FALSE(wxlint::snapshot::parse_time("2026-02-29T10:30:00Z"));
  CHECK(wxlint::snapshot::parse_time("2028-02-29T00:00:00Z") == 1835395200);
  CHECK_FALSE(wxlint::snapshot::parse_time("2026-12-01T10:30:00+99:99"));
  CHECK_FALSE(wxlint::snapshot::parse_time("2026-12-01T10:30:00+24:00"));
  CHECK(wxlint::snapshot::parse_time("2026-12-01T10:30:00+23:59") == 1796117400 + 3600 - 86340);
}

TEST_CASE("snapshot: a manifest without any list is said", "[snapshot]") {
  // The rules that consult it would judge nothing, and a run would pass having checked less.
  const Snapshot s = load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z"})"}});
  CHECK(s.inconsistencies() ==
        std::vector<std::string>{"org/manifest.json:1:1: (root): the snapshot holds no list, only a manifest: the rules "
                                 "that consult it judge nothing; save the list responses beside it"});
  CHECK(load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z"})"},
              {"org/numbers.json", R"({"phoneNumbers": []})"}}).inconsistencies().empty());
}

TEST_CASE("snapshot: a list shorter than the total its answer gave", "[snapshot]") {
  const Snapshot s = load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z", "pages": [
    {"file": "contacts-001.json", "kind": "contacts", "items": 1, "total": 2},
    {"file": "numbers-001.json", "kind": "numbers", "items": 0}]})"},
                           {"org/contacts-001.json", R"({"result": [{"contactId": "c1"}], "total": 2})"},
                           {"org/numbers-001.json", R"({"phoneNumbers": []})"}});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{"org/manifest.json:2:76: /pages/0/total: the contacts list's answer says it holds 2 "
                                 "items, its pages 1: it ended early (a next link lost on the way?); take the snapshot "
                                 "again"});
  CHECK(s.store()->table("contacts")->incomplete());
  CHECK_FALSE(s.store()->table("numbers")->incomplete());
  // Counts no list has are no counts: a hand-edited sum neither overflows nor judges.
  const Snapshot huge = load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z", "pages": [
    {"file": "contacts-001.json", "kind": "contacts", "items": 9000000000000000000, "total": 9000000000000000001},
    {"file": "contacts-002.json", "kind": "contacts", "items": 9000000000000000000, "total": -1}]})"},
                              {"org/contacts-001.json", R"({"result": [{"contactId": "c1"}]})"},
                              {"org/contacts-002.json", R"({"result": [{"contactId": "c2"}]})"}});
  CHECK(test_support::besides_placeholder_ids(huge.inconsistencies()).empty());
  CHECK_FALSE(huge.store()->table("contacts")->incomplete());
}

TEST_CASE("snapshot: a page the manifest lists that is not among the files", "[snapshot]") {
  // Its people would be reported as not found: the copy lost a page.
  const Snapshot s = load({{"org/manifest.json", "{\"capturedAt\": \"2026-12-01T09:30:00Z\", \"pages\": [\n"
                                                 " {\"file\": \"people-1.json\", \"url\": \"https://x/people?callingData=true\"},\n"
                                                 " {\"file\": \"people-2.json\", \"url\": \"https://x/people?callingData=true&start=1\"},\n"
                                                 " {\"file\": \"./numbers.json\"}]}"},
                           {"org/people-1.json", R"({"items": [{"id": "P", "displayName": "A"}]})"},
                           {"org/numbers.json", R"({"phoneNumbers": []})"}});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{"org/manifest.json:3:11: /pages/1/file: the manifest lists org/people-2.json, which is not "
                                 "among the snapshot's files: copy the whole directory, or take the snapshot again"});
  // Its kind is not said: every list may lack items, and judges nothing missing.
  CHECK(s.store()->table("people")->incomplete());
  CHECK(s.store()->table("numbers")->incomplete());
  // Said (as snapshot pull writes it): only that list.
  const Snapshot kind = load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z", "pages": [
    {"file": "people-2.json", "kind": "people"}]})"},
                              {"org/people-1.json", R"({"items": [{"id": "P", "displayName": "A"}]})"},
                              {"org/numbers.json", R"({"phoneNumbers": []})"}});
  CHECK(kind.store()->table("people")->incomplete());
  CHECK_FALSE(kind.store()->table("numbers")->incomplete());
}

TEST_CASE("snapshot: a manifest holds no list", "[snapshot]") {
  // Taken as a manifest, its people were dropped without a word.
  CHECK(error_of({{"m.json", "{\"capturedAt\": \"2026-12-01T00:00:00Z\",\n \"items\": [{\"id\": \"P\"}]}"}}) ==
        "m.json:2:11: /items: a manifest (it has \"capturedAt\") holds no list: save the list response in a file of "
        "its own, and its capture time in manifest.json");
}

TEST_CASE("snapshot: its own inconsistencies", "[snapshot]") {
  const Snapshot s = load({
      {"numbers.json", "{\"phoneNumbers\": [\n"
                       " {\"phoneNumber\": \"+14085550101\", \"owner\": {\"id\": \"A\", \"type\": \"PEOPLE\", \"firstName\": \"Ann\"}},\n"
                       " {\"phoneNumber\": \"+1 408 555 0101\", \"owner\": {\"id\": \"B\", \"type\": \"PLACE\", \"displayName\": \"Lobby\"}}]}"},
      {"locations.json", R"({"items": [{"id": "L1", "name": "A", "timeZone": "UTC"}]})"},
      {"people-1.json", R"({"items": [{"id": "P1", "displayName": "Ann", "locationId": "L1", "extension": "1"}]})"},
      {"people-2.json", "{\"items\": [\n {\"id\": \"P2\", \"displayName\": \"Bo\"}]}"},
      {"people-3.json", "{\"items\": [\n {\"id\": \"P3\", \"displayName\": \"Cy\", \"locationId\": \"L9\"}]}"},
  });
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{
            "people-2.json:2:2: /items/0: this page of people has no locationId or extension, while the first page had "
            "them: its request lacked callingData=true (a next link that dropped it?)",
            "numbers.json:3:2: /phoneNumbers/1: number +14085550101 is held by two owners: Lobby (PLACE) here and Ann "
            "(PEOPLE) at numbers.json:2:2: /phoneNumbers/0",
            "people-3.json:2:2: /items/0: Cy has a locationId that is in no locations list of the snapshot"});
  // The page without calling data is not judged: its people are neither calling users nor not.
  const auto* people = s.store()->table("people");
  const std::size_t col = *people->column("callingUser");
  CHECK(people->cell(0, col) == "true");
  CHECK(people->cell(1, col) == "unknown");
  CHECK(people->cell(2, col) == "true");
}

TEST_CASE("snapshot: an item on two pages of its list", "[snapshot]") {
  // Offset paging of a list that changed meanwhile: Ann shifted onto the next page too, and
  // someone may be on none. Said once, at the second row, whether or not the rows agree.
  const Snapshot s = load({
      {"people-1.json", R"({"items": [{"id": "P1", "displayName": "Ann", "locationId": "L1"}]})"},
      {"people-2.json", "{\"items\": [\n {\"id\": \"P1\", \"displayName\": \"Ann\", \"locationId\": \"L2\"},\n"
                        " {\"id\": \"P2\", \"displayName\": \"Bo\"}]}"},
      {"people-3.json", "{\"items\": [{\"id\": \"P1\", \"displayName\": \"Ann\", \"locationId\": \"L1\"}]}"},
      {"licences.json", R"({"items": [{"id": "C", "name": "Webex Calling - Basic", "totalUnits": 1},
                                      {"id": "C", "name": "Webex Calling - Basic", "totalUnits": 1}]})"},
  });
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{
            "people-2.json:2:2: /items/0: Ann (people) is listed twice, here and at people-1.json:1:12: /items/0: its "
            "list changed while it was paged, so another item may be missing; take the snapshot again",
            "licences.json:2:39: /items/1: Webex Calling - Basic (licences) is listed twice, here and at "
            "licences.json:1:12: /items/0: its list changed while it was paged, so another item may be missing; take "
            "the snapshot again"});
}

TEST_CASE("snapshot: a number on two pages of the numbers list", "[snapshot]") {
  // The same row twice is a shifted page; rows with no phoneNumber (an extension alone)
  // share no key; a number with two owners is said once, as held by two owners.
  const Snapshot s = load({
      {"numbers-1.json", R"({"phoneNumbers": [{"phoneNumber": "+14085550101", "state": "ACTIVE"},
                                              {"extension": "100", "state": "ACTIVE"},
                                              {"phoneNumber": "+14085550102", "owner": {"id": "P1", "type": "PEOPLE"}}]})"},
      {"numbers-2.json", "{\"phoneNumbers\": [\n {\"phoneNumber\": \"+14085550101\", \"state\": \"ACTIVE\"},\n"
                         " {\"extension\": \"101\", \"state\": \"ACTIVE\"},\n"
                         " {\"phoneNumber\": \"+14085550102\", \"owner\": {\"id\": \"P2\", \"type\": \"PLACE\"}}]}"},
  });
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{
            "numbers-2.json:4:2: /phoneNumbers/2: number +14085550102 is held by two owners: P2 (PLACE) here and P1 (PEOPLE) "
            "at numbers-1.json:3:47: /phoneNumbers/2",
            "numbers-2.json:2:2: /phoneNumbers/0: +14085550101 (numbers) is listed twice, here and at "
            "numbers-1.json:1:19: /phoneNumbers/0: its list changed while it was paged, so another item may be missing; "
            "take the snapshot again"});
}

TEST_CASE("snapshot: an inconsistency quotes at most 256 characters of a name", "[snapshot]") {
  // One number of many owners is said once per owner, with the first's name: a name of a
  // megabyte would be copied each time.
  const std::string name(300, 'N');
  const Snapshot s = load({{"numbers.json", R"({"phoneNumbers": [{"phoneNumber": "+14085550101", "owner": {"id": "P1", "type": "PEOPLE", "firstName": ")" +
                                                name + R"("}}, {"phoneNumber": "+14085550101", "owner": {"id": "P2", "type": "PLACE", "firstName": "Lobby"}}]})"}});
  const std::vector<std::string> found = test_support::besides_placeholder_ids(s.inconsistencies());
  REQUIRE(found.size() == 1);
  CHECK(found[0] == "numbers.json:1:410: /phoneNumbers/1: number +14085550101 is held by two owners: Lobby (PLACE) here and " +
                                      std::string(256, 'N') + "... (PEOPLE) at numbers.json:1:19: /phoneNumbers/0");
}

TEST_CASE("snapshot: calling users need a Webex Calling licence when the licences are known", "[snapshot]") {
  const Snapshot s = load({
      {"licences.json", R"({"items": [{"id": "C", "name": "Webex Calling - Basic", "totalUnits": 1},
                                      {"id": "M", "name": "Meeting - Webex Meeting Center", "totalUnits": 1}]})"},
      {"people.json", R"({"items": [{"id": "P1", "displayName": "A", "locationId": "L", "licenses": ["M,C"]},
                                    {"id": "P2", "displayName": "B", "locationId": "L", "licenses": ["M"]},
                                    {"id": "P3", "displayName": "C", "licenses": ["C"]}]})"},
  });
  const auto* people = s.store()->table("people");
  const std::size_t col = *people->column("callingUser");
  CHECK(people->cell(0, col) == "true");  // comma-joined licence ids are split
  CHECK(people->cell(1, col) == "false");
  CHECK(people->cell(2, col) == "false");  // no location
}

TEST_CASE("snapshot: a licence the licences list may lack leaves its holder's calling unknown", "[snapshot]") {
  // The page holding "Webex Calling - Basic" is missing: P1's licence C is on no page read, so
  // P1 is not judged a non-calling user; P2's licences are all known, none a calling one.
  const Snapshot s = load({{"org/manifest.json", R"({"capturedAt": "2026-12-01T09:30:00Z", "pages": [
    {"file": "licences-001.json", "kind": "licences"}, {"file": "licences-002.json", "kind": "licences"}]})"},
                           {"org/licences-001.json", R"({"items": [{"id": "M", "name": "Meeting", "totalUnits": 1}]})"},
                           {"org/people.json", R"({"items": [{"id": "P1", "displayName": "A", "locationId": "L", "licenses": ["C"]},
                                                          {"id": "P2", "displayName": "B", "locationId": "L", "licenses": ["M"]}]})"}});
  const auto* people = s.store()->table("people");
  const std::size_t col = *people->column("callingUser");
  CHECK(people->cell(0, col) == "unknown");
  CHECK(people->cell(1, col) == "false");
  // A licence listed twice (its list changed while it was paged) does the same.
  const Snapshot twice = load({{"licences.json", R"({"items": [{"id": "M", "name": "Meeting", "totalUnits": 1},
                                                             {"id": "M", "name": "Meeting", "totalUnits": 1}]})"},
                               {"people.json", R"({"items": [{"id": "P1", "displayName": "A", "locationId": "L", "licenses": ["C"]}]})"}});
  CHECK(twice.store()->table("people")->cell(0, col) == "unknown");
}

TEST_CASE("snapshot: a call park extension's location, as older and newer responses give it", "[snapshot]") {
  const Snapshot s = load({{"park.json", R"({"callParkExtensions": [)"
                                         R"({"id": "K1", "name": "P1", "extension": "1", "locationId": "L1", "locationName": "Austin"},)"
                                         R"({"id": "K2", "name": "P2", "extension": "2", "locationId": "L2", "location": "Denver"},)"
                                         R"({"id": "K3", "name": "P3", "extension": "3", "location": {"id": "L3", "name": "Reno"}},)"
                                         R"({"id": "K4", "name": "P4", "extension": "4", "locationId": "L3"}]})"}});
  const auto* park = s.store()->table("callParkExtensions");
  REQUIRE(park->size() == 4);
  const std::size_t loc = *park->column("locationId"), name = *park->column("locationName");
  CHECK(park->cell(0, name) == "Austin");
  CHECK(park->cell(1, name) == "Denver");  // newer: the name, a string (wxc_sdk's CallParkExtension)
  CHECK(park->cell(2, name) == "Reno");
  CHECK_FALSE(park->cell(2, loc).empty());
  CHECK(park->cell(2, loc) == park->cell(3, loc));  // from the object's id, as from locationId
}

TEST_CASE("snapshot: national numbers no region reads are named, once per table", "[snapshot]") {
  const Snapshot s = load({
      {"numbers.json", "{\"phoneNumbers\": [\n"
                       " {\"phoneNumber\": \"021 234 5679\", \"location\": {\"id\": \"L1\", \"name\": \"Cork\"}},\n"
                       " {\"phoneNumber\": \"021 234 5680\", \"location\": {\"id\": \"L1\", \"name\": \"Cork\"}},\n"
                       " {\"phoneNumber\": \"021 234 5681\", \"location\": {\"id\": \"L1\", \"name\": \"Cork\"}}]}"},
      // A contact's number is in no location: compared only for likely duplicates, not named.
      {"contacts.json", R"({"result": [{"contactId": "C1", "displayName": "Ann", "phoneNumbers": [{"value": "20134319"}]}]})"},
  });
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{"numbers.json:2:2: /phoneNumbers/0: \"021 234 5679\" and 2 other numbers in national format "
                                 "cannot be read: no country for the location (the locations list gives it); give the "
                                 "region they are in (--region, or \"region\" in .wxlint.json)"});
}

TEST_CASE("snapshot: a location's country that is no region code is named as the reason", "[snapshot]") {
  const Snapshot s = load({
      {"locations.json", R"({"items": [{"id": "L1", "name": "Cork", "address": {"country": "Ireland"}, "timeZone": "Europe/Dublin"}]})"},
      {"numbers.json", "{\"phoneNumbers\": [\n"
                       " {\"phoneNumber\": \"021 234 5679\", \"location\": {\"id\": \"L1\", \"name\": \"Cork\"}}]}"},
  });
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{"numbers.json:2:2: /phoneNumbers/0: \"021 234 5679\" in national format cannot be read: the "
                                 "location's country \"Ireland\" is no region code (US, GB...); give the region they are "
                                 "in (--region, or \"region\" in .wxlint.json)"});
}

TEST_CASE("snapshot: an owner is named by its names, else its display name, else its id", "[snapshot]") {
  const Snapshot s = load({{"virtual.json", R"({"virtualExtensions": [
      {"id": "V1", "extension": "2", "level": "LOCATION", "locationId": "L", "firstName": "Ada", "lastName": "Lind"},
      {"id": "V2", "extension": "3", "level": "LOCATION", "locationId": "L"}]})"},
                           {"numbers.json", R"({"phoneNumbers": [{"phoneNumber": "+14085550101", "extension": "4",
      "location": {"id": "L"}, "owner": {"id": "H1", "type": "HUNT_GROUP"}}]})"}});
  const auto* t = s.store()->table("extensions");
  std::vector<std::string> names;
  for (std::size_t r = 0; r < t->size(); ++r) names.emplace_back(std::string(t->cell(r, "ownerName")) + " (" + std::string(t->cell(r, "ownerType")) + ")");
  CHECK(names == std::vector<std::string>{"H1 (HUNT_GROUP)", "Ada Lind (VIRTUAL_EXTENSION)", "V2 (VIRTUAL_EXTENSION)"});
}
