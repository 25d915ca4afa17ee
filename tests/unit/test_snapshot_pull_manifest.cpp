// The manifest `wxlint snapshot pull` writes (scripts/wxlint-snapshot-pull) is what the loader
// reads for the snapshot's age: its capturedAt wins over the files' times, and its other
// members (source, pages, notes) are not taken for a list of some kind.
#include <wxlint/snapshot.hpp>

#include "snapshot/store.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

TEST_CASE("snapshot: the manifest snapshot pull writes gives the capture time", "[snapshot]") {
  const char* manifest = R"({
  "capturedAt": "2026-12-05T09:30:00Z",
  "source": "wxlint snapshot pull",
  "baseUrl": "https://webexapis.com/v1",
  "pages": [{"file": "people-001.json", "kind": "people", "url": "https://webexapis.com/v1/people?callingData=true&max=100", "items": 1}],
  "notes": ["people page 2: the next link lost callingData=true; added it back"]
}
)";
  // A page's modification time (one day later) does not count when a manifest is there.
  const wxlint::Snapshot s = wxlint::Snapshot::from_files(
      {{"manifest.json", manifest, 0}, {"people-001.json", R"({"items": [{"id": "P", "displayName": "A"}]})", 1796549400}});
  REQUIRE(s.captured_at().has_value());
  CHECK(*s.captured_at() == 1796463000);  // 2026-12-05T09:30:00Z
  CHECK(s.captured_from_manifest());
  REQUIRE(s.kinds().size() == 1);
  CHECK(s.kinds()[0].kind == "people");
  CHECK(s.kinds()[0].files == 1);
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).empty());
}

TEST_CASE("snapshot: the manifest's page URLs say which pages of people lack calling data", "[snapshot]") {
  const auto manifest = [](const char* second_url) {
    return std::string(R"({"capturedAt": "2026-12-05T09:30:00Z", "source": "wxlint snapshot pull", "pages": [)"
                       R"({"file": "people-001.json", "kind": "people", "url": "https://webexapis.com/v1/people?callingData=true&max=100"},)"
                       R"({"file": "people-002.json", "kind": "people", "url": ")") +
           second_url + R"("}]})";
  };
  const std::string page1 = R"({"items": [{"id": "P1", "displayName": "Ann", "locationId": "L1", "extension": "1"}]})";
  const std::string page2 = "{\"items\": [\n {\"id\": \"P2\", \"displayName\": \"Bo\"}]}";  // not a calling user
  // Asked with callingData=true: Bo is simply not a calling user, as the API says.
  wxlint::Snapshot s = wxlint::Snapshot::from_files(
      {{"snap/manifest.json", manifest("https://webexapis.com/v1/people?max=100&cursor=Y3&callingData=true")},
       {"snap/people-001.json", page1},
       {"./snap/people-002.json", page2}});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).empty());
  const auto* people = s.store()->table("people");
  const std::size_t col = *people->column("callingUser");
  CHECK(people->cell(1, col) == "false");
  // Asked without it: said so from the URL, and Bo's calling status is unknown.
  s = wxlint::Snapshot::from_files({{"snap/manifest.json", manifest("https://webexapis.com/v1/people?max=100&cursor=Y3")},
                                    {"snap/people-001.json", page1},
                                    {"snap/people-002.json", page2}});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{"snap/people-002.json:2:2: /items/0: this page of people has no locationId or extension: "
                                 "its request lacked callingData=true (its url in the manifest)"});
  CHECK(s.store()->table("people")->cell(1, col) == "unknown");
  // callingData=true only as a whole parameter of the query.
  s = wxlint::Snapshot::from_files(
      {{"snap/manifest.json", manifest("https://webexapis.com/v1/people?max=100&xcallingData=true#callingData=true")},
       {"snap/people-001.json", page1},
       {"snap/people-002.json", page2}});
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()).size() == 1);
}
