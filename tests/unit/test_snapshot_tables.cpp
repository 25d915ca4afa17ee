// The hashed key index shared by `unique` and the snapshot, the snapshot's interned tables,
// and loading one file at a time (a place named after the load is found by reading its
// file again).
#include "checks/key_index.hpp"
#include "snapshot/store.hpp"
#include "support.hpp"

#include <wxlint/snapshot.hpp>

#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using wxlint::Snapshot;
using wxlint::checks::KeyIndex;
using wxlint::snapshot::Column;
using wxlint::snapshot::KeyType;
using wxlint::snapshot::Strings;
using wxlint::snapshot::Table;

std::vector<std::uint32_t> rows(std::span<const std::uint32_t> s) { return {s.begin(), s.end()}; }

}  // namespace

TEST_CASE("key index: entries numbered as added, found again across growth", "[snapshot][tables]") {
  KeyIndex index;
  std::vector<std::string> keys;
  auto hash_of = [&](std::uint32_t i) { return wxlint::checks::hash_key(keys[i]); };
  auto add = [&](const std::string& k) {
    auto [i, added] = index.find_or_add(wxlint::checks::hash_key(k), [&](std::uint32_t e) { return keys[e] == k; }, hash_of);
    if (added) keys.push_back(k);
    return std::pair{i, added};
  };
  CHECK(add("a") == std::pair{0u, true});
  CHECK(add("b") == std::pair{1u, true});
  CHECK(add("a") == std::pair{0u, false});
  for (int i = 0; i < 100000; ++i) add("key" + std::to_string(i));  // grows from 64 slots, many times
  CHECK(index.count() == 100002);
  CHECK(10 * index.count() <= 7 * index.slots());  // at most 70% full
  CHECK(add("key31337") == std::pair{31339u, false});
  const std::string absent = "key100000";
  CHECK(index.find(wxlint::checks::hash_key(absent), [&](std::uint32_t e) { return keys[e] == absent; }) == -1);
  index.clear();
  CHECK(index.count() == 0);
  CHECK(index.find(wxlint::checks::hash_key("a"), [&](std::uint32_t e) { return keys[e] == "a"; }) == -1);
}

TEST_CASE("snapshot strings: each text once, \"\" is 0", "[snapshot][tables]") {
  Strings s;
  CHECK(s.intern("") == 0);
  const std::uint32_t a = s.intern("alpha");
  CHECK(a == 1);
  CHECK(s.intern(std::string("alp") + "ha") == a);
  CHECK(s.intern("beta") == 2);
  CHECK(s[a] == "alpha");
  CHECK(s.find("beta") == 2u);
  CHECK(s.find("") == 0u);
  CHECK_FALSE(s.find("gamma").has_value());
}

TEST_CASE("snapshot table: interned cells, normalised keys, rows by key in row order", "[snapshot][tables]") {
  Table t("people", {{"id", KeyType::id, true}, {"email", KeyType::lower, true}, {"phoneNumber", KeyType::number, true},
                     {"displayName"}});
  // ciscospark://us/PEOPLE/bbbbbbbb-0000-4000-8000-000000000001, padded and not.
  const std::string padded = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE=";
  // Pages of 100 rows, as a paged list arrives: 300 pages.
  for (std::uint32_t page = 0; page < 300; ++page) {
    t.reserve(100);
    for (std::uint32_t i = 0; i < 100; ++i) {
      const std::uint32_t n = page * 100 + i;
      const std::string id = n == 7 || n == 29999 ? padded : "P" + std::to_string(n);
      const std::vector<std::string> cells = {id, "User" + std::to_string(n % 3) + "@Example.com\nshared@example.com",
                                              n == 5 ? "+1 408 555 0101" : "", "Name " + std::to_string(n)};
      t.add_row(cells, {page, i, "items"});
    }
  }
  t.build_indexes();
  REQUIRE(t.size() == 30000);
  CHECK(t.cell(7, 0) == "PEOPLE/bbbbbbbb-0000-4000-8000-000000000001");
  CHECK(t.cell(7, 1) == "user1@example.com\nshared@example.com");
  CHECK(t.cell(5, 2) == "+14085550101");
  CHECK(t.cell(6, 2).empty());
  CHECK(t.cell(29999, 3) == "Name 29999");
  CHECK(rows(t.find(0, "PEOPLE/bbbbbbbb-0000-4000-8000-000000000001")) == std::vector<std::uint32_t>{7, 29999});
  CHECK(rows(t.find(2, "+14085550101")) == std::vector<std::uint32_t>{5});
  CHECK(t.find(1, "shared@example.com").size() == 30000);  // each value of a multi-valued cell is a key
  CHECK(rows(t.find(1, "user2@example.com")).front() == 2);
  CHECK(t.find(3, "Name 1").empty());  // not indexed
  CHECK(t.find(0, "").empty());
  CHECK(t.find(0, "P30000").empty());
  CHECK(t.pointer_of(29999) == "/items/99");
  CHECK(t.file_of(29999) == 299);
  t.set_cell(0, 3, "Renamed");
  CHECK(t.cell(0, 3) == "Renamed");
}

TEST_CASE("snapshot load: files read one at a time; a place named later is read again", "[snapshot][tables]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("wxlint-snapshot-tables-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir / name) << text; };
  write("locations.json", R"({"items": [{"id": "L1", "name": "A", "timeZone": "UTC"}]})");
  for (int page = 0; page < 50; ++page) {
    std::string text = "{\"items\": [";
    for (int i = 0; i < 20; ++i)
      text += std::string(i ? ",\n " : "\n ") + "{\"id\": \"P" + std::to_string(page * 20 + i) +
              "\", \"displayName\": \"U\", \"locationId\": \"" + (page == 42 && i == 3 ? "L9" : "L1") + "\"}";
    char name[32];
    std::snprintf(name, sizeof name, "people-%02d.json", page);
    write(name, text + "]}");
  }
  const Snapshot s = Snapshot::load({dir.string()});
  CHECK(s.kinds().size() == 2);
  CHECK(s.store()->table("people")->size() == 1000);
  CHECK(test_support::besides_placeholder_ids(s.inconsistencies()) ==
        std::vector<std::string>{(dir / "people-42.json").string() +
                                 ":5:2: /items/3: U has a locationId that is in no locations list of the snapshot"});
  fs::remove_all(dir);
}
