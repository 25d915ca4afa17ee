// A baseline entry absorbs as many identical findings as it counted, no more: a second copy
// of a baselined finding is new (docs/configuration.md, "Baselines").
#include <catch2/catch.hpp>

#include <wxlint/config.hpp>
#include <wxlint/diagnostic.hpp>

#include <string>
#include <vector>

using namespace wxlint;

namespace {

FileReport report_with(std::size_t copies) {
  FileReport r{"p.json", "validateOrInitiateMoveUsersJob", {}};
  Diagnostic d;
  d.code = "4911";
  d.rule = "move-users/extension-emergency";
  d.location.pointer = "/usersList/0/users/0/extension";
  d.key = "/usersList/[locationId=L]/users/[userId=U]/extension";
  d.message = "The extension cannot be an emergency number: \"911\".";
  r.diagnostics.assign(copies, d);
  return r;
}

}  // namespace

TEST_CASE("a baseline entry absorbs as many findings as it counted", "[baseline]") {
  for (const std::size_t counted : {1, 2}) {
    const Baseline b = Baseline::from_reports({report_with(counted)}, ".");
    std::vector<FileReport> now{report_with(counted + 1)};
    const Baseline::Outcome o = b.apply(now, {});
    CHECK(o.removed == counted);
    CHECK(o.fixed == 0);
    REQUIRE(now[0].diagnostics.size() == 1);  // the new copy is reported
    CHECK(now[0].diagnostics[0].code == "4911");
  }
  // Fewer than counted: all absorbed, the rest of the entry fixed.
  const Baseline b = Baseline::from_reports({report_with(3)}, ".");
  std::vector<FileReport> now{report_with(1)};
  const Baseline::Outcome o = b.apply(now, {});
  CHECK((o.removed == 1 && o.fixed == 2 && now[0].diagnostics.empty()));
}
