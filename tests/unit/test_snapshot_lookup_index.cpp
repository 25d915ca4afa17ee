// The snapshot's hashed row indexes (one probe from a normal key to its rows), the scoped
// index of a key and its target location, and snapshot-lookup's per-thread memory of values
// known by their address.
#include "checks/snapshot_params.hpp"
#include "checks/snapshot_probe.hpp"
#include "formats/formats.hpp"
#include "snapshot/row_index.hpp"
#include "snapshot/table.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using wxlint::snapshot::Column;
using wxlint::snapshot::KeyType;
using wxlint::snapshot::RowIndex;
using wxlint::snapshot::Table;
namespace probe = wxlint::checks::snapshot_probe;

std::vector<std::uint32_t> rows(std::span<const std::uint32_t> s) { return {s.begin(), s.end()}; }

// ciscospark://us/PEOPLE/bbbbbbbb-0000-4000-8000-000000000001, padded, and unpadded.
const std::string kPadded = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE=";
const std::string kUnpadded = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE";
const std::string kIdentity = "PEOPLE/bbbbbbbb-0000-4000-8000-000000000001";

}  // namespace

TEST_CASE("row index: each key's rows in order, found again across growth", "[snapshot][lookup-index]") {
  RowIndex index;
  CHECK(index.find("a").empty());  // no slots yet
  const std::vector<std::uint32_t> three = {2, 7, 9};
  index.add("a", three);
  index.add("", std::vector<std::uint32_t>{4});  // the empty key is a key like another
  // Keys of every length modulo 4 (their bytes are padded), grown from 64 slots many times.
  for (std::uint32_t i = 0; i < 50000; ++i) index.add(std::string(i % 7, 'x') + std::to_string(i), std::vector{i, i + 1});
  CHECK(index.keys() == 50002);
  CHECK(rows(index.find("a")) == three);
  CHECK(rows(index.find("")) == std::vector<std::uint32_t>{4});
  CHECK(rows(index.find("xx31334")) == std::vector<std::uint32_t>{31334, 31335});
  CHECK(rows(index.find(std::to_string(49994))) == std::vector<std::uint32_t>{49994, 49995});
  CHECK(index.find("xxx31334").empty());  // 31334 % 7 is 2: its key has two x
  CHECK(index.find("b").empty());
  const std::string key = "xxxxxx6";
  CHECK(rows(index.find(key, RowIndex::hash(key))) == std::vector<std::uint32_t>{6, 7});
}

TEST_CASE("snapshot table: a key within a declared scope, by the scope's text number", "[snapshot][lookup-index]") {
  Table t("extensions", {{"extension", KeyType::text, true, "locationId"}, {"locationId", KeyType::id, true},
                         {"ownerId", KeyType::text, true}});
  // Extension 1000 in locations L0..L2 (L1 twice), and once without a location.
  const std::vector<std::vector<std::string>> cells = {
      {"1000", "L0", "a"}, {"1000", "L1", "b"}, {"1001", "L1", "c"}, {"1000", "L2", "d"}, {"1000", "L1", "e"}, {"1000", "", "f"}};
  for (std::uint32_t r = 0; r < cells.size(); ++r) t.add_row(cells[r], {0, r, "items"});
  t.build_indexes();
  const std::uint32_t l1 = *t.text_id("L1");
  CHECK(rows(*t.find_in_scope(0, "1000", wxlint::snapshot::RowIndex::hash("1000"), 1, l1)) == std::vector<std::uint32_t>{1, 4});  // row order
  CHECK(rows(*t.find_in_scope(0, "1001", wxlint::snapshot::RowIndex::hash("1001"), 1, l1)) == std::vector<std::uint32_t>{2});
  CHECK(t.find_in_scope(0, "1001", wxlint::snapshot::RowIndex::hash("1001"), 1, *t.text_id("L0"))->empty());
  CHECK(t.find_in_scope(0, "1000", wxlint::snapshot::RowIndex::hash("1000"), 1, 0)->empty());  // a scope no cell holds: nothing in it
  CHECK(t.find_in_scope(0, "", wxlint::snapshot::RowIndex::hash(""), 1, l1)->empty());
  CHECK_FALSE(t.find_in_scope(2, "a", wxlint::snapshot::RowIndex::hash("a"), 1, l1).has_value());  // ownerId is not scoped: filter find()'s rows
  CHECK_FALSE(t.find_in_scope(0, "1000", wxlint::snapshot::RowIndex::hash("1000"), 2, l1).has_value());
  CHECK_FALSE(t.text_id("L9").has_value());
  CHECK(rows(t.find(0, "1000")) == std::vector<std::uint32_t>{0, 1, 3, 4, 5});
}

TEST_CASE("snapshot probe: normal forms, and rows known by their key's address until a lint's start",
          "[snapshot][lookup-index]") {
  Table t("people", {{"id", KeyType::id, true}, {"locationId", KeyType::id, true}, {"extension", KeyType::text, true, "locationId"}});
  t.add_row(std::vector<std::string>{kPadded, "L1", "1000"}, {0, 0, "items"});
  t.add_row(std::vector<std::string>{"P2", "L1", "1001"}, {0, 1, "items"});
  t.build_indexes();
  probe::forget();
  const probe::Normal id = probe::normal_form(KeyType::id, kUnpadded);
  CHECK(id.comparable);
  CHECK(id.text == kIdentity);
  CHECK(id.hash == RowIndex::hash(kIdentity));
  CHECK(probe::normal_form(KeyType::id, kUnpadded).text.data() == id.text.data());  // made once per place
  CHECK_FALSE(probe::normal_form(KeyType::id, "P2").comparable);  // not an id: compared as text
  // For one lookup: the decoded id's own identity, not a kept copy.
  const probe::Normal once = probe::key_form(KeyType::id, kUnpadded);
  CHECK(once.comparable);
  CHECK(once.text == kIdentity);
  CHECK(once.hash == id.hash);
  CHECK_FALSE(probe::key_form(KeyType::id, "P2").comparable);
  CHECK(probe::key_form(KeyType::text, " 1000 ").text == "1000");
  // A value that is its own normal form is its own text, trimmed.
  const std::string spaced = " 1000 ";
  const probe::Normal ext = probe::normal_form(KeyType::text, spaced);
  CHECK(ext.text == "1000");
  CHECK(ext.text.data() == spaced.data() + 1);
  CHECK(probe::normal_form(KeyType::lower, "Ana@Example.com").text == "ana@example.com");
  CHECK(probe::normal_form(KeyType::number, "+1 408 526 7209").text == "+14085267209");
  CHECK(rows(probe::rows(t, 0, id)) == std::vector<std::uint32_t>{0});
  CHECK(rows(probe::rows(t, 0, probe::normal_form(KeyType::id, "P2"))) == std::vector<std::uint32_t>{1});
  const probe::Normal loc = probe::normal_form(KeyType::id, "L1");
  const probe::Scoped in = probe::rows_in_scope(t, 2, probe::normal_form(KeyType::text, "1001"), probe::scope(t, 2, 1, loc));
  CHECK(rows(in.rows) == std::vector<std::uint32_t>{1});
  CHECK_FALSE(in.compare_scope);
  CHECK(probe::rows_in_scope(t, 2, probe::normal_form(KeyType::text, "1001"), probe::scope(t, 2, 1, id)).rows.empty());  // no row there
  const probe::Scoped by_id = probe::rows_in_scope(t, 0, id, probe::scope(t, 0, 1, loc));  // id is not scoped
  CHECK(rows(by_id.rows) == std::vector<std::uint32_t>{0});
  CHECK(by_id.compare_scope);
  // The same address with other bytes is another key only after forget(), as a lint's next DOM.
  std::string reused = "1000";
  CHECK(rows(probe::rows(t, 2, probe::normal_form(KeyType::text, reused))) == std::vector<std::uint32_t>{0});
  reused[3] = '1';
  probe::forget();
  CHECK(rows(probe::rows(t, 2, probe::normal_form(KeyType::text, reused))) == std::vector<std::uint32_t>{1});
  CHECK(probe::rows(t, 2, probe::normal_form(KeyType::text, "1002")).empty());
}

TEST_CASE("snapshot probe: answers shared by question and node, until a lint's start", "[snapshot][lookup-index]") {
  probe::SharedAnswers<int> answers;
  const std::string q1 = "q1", q2 = "q2";
  const int node = 0, other = 0;
  probe::forget();
  CHECK(answers.find(1, &q1, &node) == nullptr);
  answers.put(1, &q1, &node) = 7;
  REQUIRE(answers.find(1, &q1, &node) != nullptr);
  CHECK(*answers.find(1, &q1, &node) == 7);
  CHECK(answers.find(1, &q1, &other) == nullptr);  // another node
  CHECK(answers.find(1, &q2, &node) == nullptr);   // another question in the same slot
  answers.put(17, &q2, &node) = 8;                 // 17 % 16 == 1: the clash takes the slot
  CHECK(answers.find(1, &q1, &node) == nullptr);
  CHECK(*answers.find(17, &q2, &node) == 8);
  probe::forget();
  CHECK(answers.find(17, &q2, &node) == nullptr);  // the next lint's DOM may reuse the node's address
}

TEST_CASE("snapshot params: one question text per process for the same key parameters", "[snapshot][lookup-index]") {
  const auto text = [](const char* json) -> const std::string& {
    static std::vector<rapidjson::Document> docs;  // the texts must outlive the call; so must the params
    docs.emplace_back().Parse(json);
    wxlint::Params p(&docs.back(), [](std::string_view) { return wxlint::Params::Place{}; });
    return wxlint::checks::params_text(p, {"table", "key", "scope"});
  };
  const std::string& a = text(R"({"table": "people", "key": "id", "expect": "found"})");
  const std::string& b = text(R"({"table": "people", "key": "id", "where": [{"column": "callingUser", "equals": "false"}]})");
  const std::string& scoped = text(R"({"table": "people", "key": "id", "scope": {"column": "locationId", "at": "3/locationId"}})");
  CHECK(&a == &b);  // what the rules filter or expect is not the question
  CHECK(a == "table=\"people\"\nkey=\"id\"\nscope=-\n");
  CHECK(&scoped != &a);
  CHECK(scoped == "table=\"people\"\nkey=\"id\"\nscope={\"column\":\"locationId\",\"at\":\"3/locationId\"}\n");
}

TEST_CASE("webex identity: the last answer kept per thread is the same answer", "[snapshot][lookup-index]") {
  std::string out = "untouched";
  for (int round = 0; round < 2; ++round) {
    CHECK_FALSE(wxlint::formats::webex_identity("not an id", out));
    CHECK(out == "untouched");  // untouched on failure, asked anew or again
    CHECK_FALSE(wxlint::formats::webex_identity("not an id", out));
    CHECK(out == "untouched");
  }
  std::string a, b;
  CHECK(wxlint::formats::webex_identity(kPadded, a));
  CHECK(wxlint::formats::webex_identity(kPadded, b));
  CHECK(a == kIdentity);
  CHECK(b == kIdentity);
  CHECK_FALSE(wxlint::formats::webex_identity("", out));
  CHECK(wxlint::formats::webex_identity(kUnpadded, out));
  CHECK(out == kIdentity);
}
