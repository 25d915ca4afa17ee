// The embedded catalogue skips the meta-schema and builds schemas lazily at run time, so
// these tests do that checking instead: every embedded file must pass what a directory
// catalogue would check at load.
#include "engine/catalogue.hpp"
#include "engine/data_file.hpp"
#include "engine/embedded.hpp"
#include "engine/schema_layer.hpp"
#include "engine/schema_reach.hpp"
#include "rule_fixture.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <thread>

TEST_CASE("every embedded rule file satisfies the rules meta-schema", "[catalogue][perf]") {
  const wxlint::embedded::File* meta = nullptr;
  for (const auto& f : wxlint::embedded::files())
    if (f.name == wxlint::kRulesMetaSchema) meta = &f;
  REQUIRE(meta);
  wxlint::DataFile meta_file{std::string(meta->name), std::string(meta->text)};
  wxlint::SchemaValidator validator(meta_file.doc.root(), meta_file.name);
  int rule_files = 0;
  for (const auto& f : wxlint::embedded::files()) {
    if (!f.name.starts_with("rules/")) continue;
    INFO(f.name);
    wxlint::DataFile file{std::string(f.name), std::string(f.text)};
    CHECK_NOTHROW(file.check_against(validator));
    ++rule_files;
  }
  CHECK(rule_files >= 2);
}

TEST_CASE("every embedded operation schema builds", "[catalogue][perf]") {
  for (const auto& f : wxlint::embedded::files()) {
    if (!f.name.starts_with("schemas/") || f.name.starts_with("schemas/wxlint.")) continue;
    INFO(f.name);
    CHECK(wxlint::load_schema(f.name, f.text) != nullptr);
  }
}

TEST_CASE("the embedded catalogue matches the same files loaded from a directory", "[catalogue][perf]") {
  const auto& embedded = test_support::linter();
  const auto dir = wxlint::Linter::from_directory(WXLINT_SOURCE_DIR);
  REQUIRE(embedded.rules().size() == dir.rules().size());
  for (std::size_t i = 0; i < dir.rules().size(); ++i) {
    CHECK(embedded.rules()[i].id == dir.rules()[i].id);
    CHECK(embedded.rules()[i].fail_example == dir.rules()[i].fail_example);
  }
  const std::string payload = R"({"usersList": [{"locationId": "x", "validate": 3, "users": [{"userId": "y"}]}]})";
  auto a = embedded.lint(payload, "t.json"), b = dir.lint(payload, "t.json");
  REQUIRE(a.diagnostics.size() == b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) CHECK(a.diagnostics[i].message == b.diagnostics[i].message);
}

TEST_CASE("lazily built schemas and walkers are safe on first use from many threads", "[catalogue][perf]") {
  const auto l = wxlint::Linter::embedded();
  const std::string payload = R"({"usersList": [{"locationId": "x", "validate": 3, "users": [{"userId": "y"}]}]})";
  const auto expected = l.lint(payload, "t.json").diagnostics.size();
  const auto fresh = wxlint::Linter::embedded();
  std::vector<std::size_t> got(4);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 0; i < got.size(); ++i)
      threads.emplace_back([&, i] { got[i] = fresh.lint(payload, "t.json").diagnostics.size(); });
  }
  for (auto n : got) CHECK(n == expected);
}

TEST_CASE("a refused schema names its file, line, column and pointer", "[catalogue][perf]") {
  test_support::RuleFixture f("[]", "{}", "{\"type\": \"object\",\n \"properties\": {\"a\": {\"pattern\": \"(a)\\\\1\"}}}");
  CHECK_THROWS_WITH(f.linter(), Catch::StartsWith(f.shown("schemas/test.schema.json") + ":2:") &&
                                    Catch::Contains(": /properties/a/pattern: not a valid RE2 regular expression"));
}

// What a policy's rules are held to at load (schema_reach.hpp): the catalogue's own, here.
TEST_CASE("every embedded rule's at, when and unless name places its request schema allows", "[catalogue][perf]") {
  std::map<std::string, std::string_view, std::less<>> schemas;
  for (const auto& f : wxlint::embedded::files()) schemas.emplace(std::string(f.name), f.text);
  int checked = 0;
  for (const auto& f : wxlint::embedded::files()) {
    if (!f.name.starts_with("rules/")) continue;
    wxlint::DataFile file{std::string(f.name), std::string(f.text)};
    const auto& op = file.doc.root()["operation"];
    if (!op.IsObject() || !op.HasMember("schema")) continue;
    const auto schema_text = schemas.find("schemas/" + std::string(op["schema"].GetString()));
    REQUIRE(schema_text != schemas.end());
    rapidjson::Document schema;
    schema.Parse(schema_text->second.data(), schema_text->second.size());
    const auto& rules = file.doc.root()["rules"];
    for (rapidjson::SizeType i = 0; i < rules.Size(); ++i) {
      const auto& r = rules[i];
      if (r["check"] == "builtin" || (r.HasMember("scope") && r["scope"] == "envelope")) continue;
      INFO(f.name << " rule " << r["id"].GetString());
      CHECK_NOTHROW(wxlint::schema_reach::check_places(file, "/rules/" + std::to_string(i), r, schema));
      ++checked;
    }
  }
  CHECK(checked > 100);
}
