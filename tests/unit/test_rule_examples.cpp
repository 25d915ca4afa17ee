// Every rule documents a failing and a passing example; each must behave as documented
// (the shellcheck model: documentation that is tested).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <set>

TEST_CASE("every rule with a check has a failing and a passing example that behave as documented", "[rules]") {
  const auto& linter = test_support::linter();
  std::size_t checked = 0;
  for (const auto& rule : linter.rules()) {
    if (rule.check == "builtin") continue;
    DYNAMIC_SECTION(rule.id) {
      REQUIRE_FALSE(rule.fail_example.empty());
      REQUIRE_FALSE(rule.pass_example.empty());
      std::optional<wxlint::Linter> custom;
      if (!rule.example_settings.empty() || !rule.example_snapshot.empty()) {
        wxlint::LinterOptions opts;
        for (const auto& [k, v] : rule.example_settings) opts.settings[rule.operation + "/" + k] = v;
        std::vector<wxlint::Snapshot::File> files;
        for (const auto& [name, text] : rule.example_snapshot) files.push_back({name, text});
        if (!files.empty()) opts.snapshot_data = wxlint::Snapshot::from_files(std::move(files));
        custom = wxlint::Linter::embedded(opts);
      }
      const wxlint::Linter& l = custom ? *custom : linter;
      auto fail = l.lint(rule.fail_example, "fail.json", rule.operation);
      auto pass = l.lint(rule.pass_example, "pass.json", rule.operation);
      INFO("fail example: " << rule.fail_example);
      CHECK(test_support::has_rule(fail, rule.id));
      INFO("pass example: " << rule.pass_example);
      CHECK_FALSE(test_support::has_rule(pass, rule.id));
      // "Passes" shows a payload the API would take: no rule finds an error in it.
      for (const auto& d : pass.diagnostics) {
        INFO("pass example's finding: " << d.rule << " " << d.message);
        CHECK(d.severity != wxlint::Severity::error);
      }
      for (const auto& d : fail.diagnostics)
        if (d.rule == rule.id) {
          CHECK(d.code == rule.code);
          CHECK(d.message.find('{') == std::string::npos);  // every placeholder was filled
        }
    }
    ++checked;
  }
  CHECK(checked >= 19);
}

TEST_CASE("rule ids are unique and every rule is documented", "[rules]") {
  std::set<std::string> ids;
  for (const auto& rule : test_support::linter().rules()) {
    CHECK(ids.insert(rule.id).second);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.description.empty());
    CHECK_FALSE(rule.code.empty());
  }
}
