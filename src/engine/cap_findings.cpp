// maxFindingsPerRule applied after the fact: a baseline sees every finding, then the ones it
// leaves are capped as a lint would have capped them.
#include "engine/findings.hpp"

#include <wxlint/linter.hpp>

#include <unordered_map>

namespace wxlint {

void cap_findings(FileReport& report, std::size_t max_per_rule) {
  struct Tally {
    std::size_t listed = 0, unlisted = 0;
    Diagnostic* summary = nullptr;  // the first unlisted, which says how many there are
  };
  std::unordered_map<std::string, Tally> tallies;
  std::vector<Diagnostic>& all = report.diagnostics;
  std::vector<bool> keep(all.size(), true);
  for (std::size_t i = 0; i < all.size(); ++i) {
    Diagnostic& d = all[i];
    Tally& t = tallies[d.rule];
    // A summary already (the parser's own) counts as its number of findings, never as listed.
    if (d.unlisted == 0 && t.listed < max_per_rule) {
      ++t.listed;
      continue;
    }
    t.unlisted += d.unlisted ? d.unlisted : 1;
    if (t.summary) keep[i] = false;
    else t.summary = &d;
  }
  for (auto& [rule, t] : tallies) {
    if (!t.summary) continue;
    Diagnostic& s = *t.summary;
    s.unlisted = t.unlisted;
    s.message = unlisted_message(t.unlisted, t.listed);
    s.related.clear();
    s.fix.reset();
  }
  std::size_t at = 0;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (keep[i]) {
      if (at != i) all[at] = std::move(all[i]);
      ++at;
    }
  all.resize(at);
}

}  // namespace wxlint
