// Applying fixes: one pass over a text's diagnostics (apply_fixes), and the loop of lint
// and apply that Linter::fix runs until nothing is left to fix.
#include <wxlint/linter.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace wxlint {

AppliedFixes apply_fixes(std::string_view text, const std::vector<Diagnostic>& diagnostics, bool unsafe) {
  AppliedFixes out;
  std::map<std::size_t, std::size_t> taken;  // begin -> end of the edits applied so far
  // Overlap of [b, e) with what is taken; two insertions at one place overlap too.
  auto overlaps = [&](std::size_t b, std::size_t e) {
    auto it = taken.upper_bound(b);
    if (it != taken.end() && it->first < e) return true;  // upper_bound: it->first > b
    if (it == taken.begin()) return false;
    --it;
    return it->second > b || it->first == b;
  };
  std::vector<const Edit*> edits;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const auto& fix = diagnostics[i].fix;
    if (!fix || (!fix->safe && !unsafe)) continue;
    // A fix's edits are taken one by one, so that two of its own that overlap (a fix from
    // outside: C ABI, Python) leave it out like two fixes that overlap; undone if one fails.
    std::vector<std::map<std::size_t, std::size_t>::iterator> mine;
    bool ok = !fix->edits.empty();
    for (const Edit& e : fix->edits) {
      ok = e.offset <= text.size() && e.length <= text.size() - e.offset && !overlaps(e.offset, e.offset + e.length);
      if (!ok) break;
      mine.push_back(taken.emplace(e.offset, e.offset + e.length).first);
    }
    if (!ok) {
      for (const auto& it : mine) taken.erase(it);
      out.skipped.push_back(i);
      continue;
    }
    for (const Edit& e : fix->edits) edits.push_back(&e);
    ++out.applied;
  }
  std::sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) { return a->offset < b->offset; });
  std::size_t at = 0, size = text.size();
  for (const Edit* e : edits) size += e->text.size();
  out.text.reserve(size);
  out.changes.reserve(edits.size());
  for (const Edit* e : edits) {
    out.text.append(text.substr(at, e->offset - at));
    out.changes.push_back({e->offset, e->length, out.text.size(), e->text.size()});
    out.text.append(e->text);
    at = e->offset + e->length;
  }
  out.text.append(text.substr(at));
  return out;
}

namespace {

// `a` (input -> current text) followed by `b` (current -> next text) as input -> next text:
// ranges that touch in the current text become one.
std::vector<Change> compose(const std::vector<Change>& a, const std::vector<Change>& b) {
  std::vector<Change> out;
  std::size_t i = 0, j = 0;
  long long da = 0, db = 0;  // growth of the a and b ranges passed so far
  const auto at = [](long long v) { return static_cast<std::size_t>(v); };
  while (i < a.size() || j < b.size()) {
    std::size_t begin = SIZE_MAX;
    if (i < a.size()) begin = a[i].new_offset;
    if (j < b.size()) begin = std::min(begin, b[j].old_offset);
    std::size_t end = begin;
    const long long old_begin = static_cast<long long>(begin) - da, new_begin = static_cast<long long>(begin) + db;
    for (bool more = true; more;) {
      more = false;
      if (i < a.size() && a[i].new_offset <= end) {
        end = std::max(end, a[i].new_offset + a[i].new_length);
        da += static_cast<long long>(a[i].new_length) - static_cast<long long>(a[i].old_length);
        ++i, more = true;
      } else if (j < b.size() && b[j].old_offset <= end) {
        end = std::max(end, b[j].old_offset + b[j].old_length);
        db += static_cast<long long>(b[j].new_length) - static_cast<long long>(b[j].old_length);
        ++j, more = true;
      }
    }
    const long long old_end = static_cast<long long>(end) - da, new_end = static_cast<long long>(end) + db;
    out.push_back({at(old_begin), at(old_end - old_begin), at(new_begin), at(new_end - new_begin)});
  }
  return out;
}

}  // namespace

FixResult Linter::fix(std::string text, std::string path, bool unsafe, std::string_view operation,
                      const FixFilter& shown) const {
  FixResult r;
  r.report = relint(text, path, operation);
  const auto fixable = [unsafe](const Diagnostic& d) { return d.fix && (d.fix->safe || unsafe); };
  // After the first pass every finding is listed, so that a rule's fixes past maxFindingsPerRule
  // are made too; the report is then made again as it is shown.
  bool every = false;
  // Fixes of two rules that undo each other ("AB12" and "ab12") would turn the text back and
  // forth until the last pass: a text seen before ends it, counted as it was then.
  struct Then {
    std::size_t applied, deferred;
    std::vector<Change> changes;
  };
  std::unordered_map<std::uint64_t, Then> seen{{std::hash<std::string>{}(text), {0, 0, {}}}};
  while (r.passes < kMaxFixPasses) {
    const auto& all = r.report.diagnostics;
    if (std::none_of(all.begin(), all.end(), fixable)) {  // spares the filter's copy
      // The listed findings have no fix, but those past maxFindingsPerRule may: when their
      // rule offers one (listing every finding of a rule without a fix would cost memory for each).
      const auto capped_with_fix = [this](const Diagnostic& d) {
        if (d.unlisted == 0) return false;
        const auto& docs = rules();
        const auto doc = std::find_if(docs.begin(), docs.end(), [&](const RuleDoc& r) { return r.id == d.rule; });
        return doc != docs.end() && !doc->fix.empty();
      };
      if (every || std::none_of(all.begin(), all.end(), capped_with_fix)) break;
      r.report = relint(text, path, operation, every = true);
      continue;
    }
    FileReport kept;
    if (shown) kept = r.report, shown(kept);
    AppliedFixes a = apply_fixes(text, shown ? kept.diagnostics : all, unsafe);
    if (a.applied == 0 || a.text == text) break;  // edits that change nothing end it too
    ++r.passes;
    r.applied += a.applied;
    r.deferred += a.skipped.size();
    r.changes = compose(r.changes, a.changes);
    text = std::move(a.text);
    const auto [then, fresh] = seen.try_emplace(std::hash<std::string>{}(text), Then{r.applied, r.deferred, r.changes});
    r.report = relint(text, path, operation, every = true);
    if (!fresh) {
      r.applied = then->second.applied, r.deferred = then->second.deferred, r.changes = then->second.changes;
      r.undone = true;
      break;
    }
  }
  if (every) r.report = relint(text, path, operation);
  r.text = std::move(text);
  return r;
}

}  // namespace wxlint
