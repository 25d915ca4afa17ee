// unique looks values up at once while its table is small, queued with prefetches when it is
// large, and switches when a table sized too small grows: the repeats are those a map finds.
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

using test_support::messages;
using test_support::rule;
using test_support::RuleFixture;

namespace {

// items/i: {"loc", "ext", "tels": [...]}; the first item has one tel, so that the table is
// sized from 1 tel per item and grows (to the queued lookups when there are many items).
std::pair<std::string, std::vector<std::string>> document_and_messages(int items, int tels_per_item) {
  std::string doc = R"({"items": [)";
  std::vector<std::string> want;
  std::map<std::pair<std::string, std::string>, std::string> first_ext;
  std::map<std::string, std::string> first_tel;
  int k = 0;
  for (int i = 0; i < items; ++i) {
    const std::string at = "/items/" + std::to_string(i);
    const std::string loc = std::to_string(i % 3), ext = std::to_string(i * 7 % (items / 2 + 1));
    doc += std::string(i ? "," : "") + R"({"loc": ")" + loc + R"(", "ext": ")" + ext + R"(", "tels": [)";
    if (auto [it, added] = first_ext.emplace(std::pair{loc, ext}, at + "/ext"); !added)
      want.push_back(ext + " in " + loc + " also at " + it->second + " (line 1)");
    for (int t = 0; t < (i == 0 ? 1 : tels_per_item); ++t, ++k) {
      const std::string digits = std::to_string(4080000000LL + (k * 7919LL) % (items * tels_per_item * 3 / 4 + 1));
      const std::string tel = k % 2 ? "+1 (" + digits.substr(0, 3) + ") " + digits.substr(3) : "+1" + digits;
      doc += std::string(t ? "," : "") + "\"" + tel + "\"";
      if (auto [it, added] = first_tel.emplace(digits, at + "/tels/" + std::to_string(t)); !added)
        want.push_back(tel + " also at " + it->second + " (line 1)");
    }
    doc += "]}";
  }
  return {doc + "]}", want};
}

}  // namespace

TEST_CASE("unique: repeats are those of a map, looked up at once, queued, or both as the table grows", "[checks]") {
  RuleFixture f("[" + rule("u", "unique", "/items/*/ext", "{\"groupBy\": \"1/loc\"}", "{value} in {group} also at {other}") +
                "," + rule("t", "unique", "/items/*/tels/*", R"({"normalize": "digits"})", "{value} also at {other}") + "]");
  wxlint::LinterOptions all;  // list every repeat, not the first maxFindingsPerRule
  all.settings["maxFindingsPerRule"] = "1000000";
  const wxlint::Linter linter = f.linter(all);
  for (const auto& [items, tels] : {std::pair{50, 3}, std::pair{30000, 1}, std::pair{2000, 20}}) {
    INFO(items << " items, " << tels << " tels each");
    const auto [doc, want] = document_and_messages(items, tels);
    const std::vector<std::string> got = messages(linter.lint(doc, "t.json", "testOp"));
    CHECK(want.size() > static_cast<std::size_t>(items * tels / 8));
    CHECK(got == want);
  }
}
