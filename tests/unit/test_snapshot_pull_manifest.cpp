// The manifest `wxlint snapshot pull` writes (scripts/wxlint-snapshot-pull) is what the loader
// reads for the snapshot's age: its capturedAt wins over the files' times, and its other
// members (source, pages, notes) are not taken for a list of some kind.
#include <wxlint/snapshot.hpp>

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
  CHECK(s.inconsistencies().empty());
}
