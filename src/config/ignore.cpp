// Ignore entries applied to findings. The entries are compiled once per batch of reports:
// file globs are matched once per file, entries are picked by rule, literal pointers are
// looked up in a hash set, and a pointer glob is tried only on findings whose pointer has
// one of its literal segments. So the cost is about the findings and the entries that can
// apply to them, not findings x entries x ancestors. Where many globs remain candidates all
// the same ("/usersList/*/users/*/ext*" in thousands of variants), they run as one automaton.
#include "config/glob.hpp"
#include "engine/regex.hpp"
#include "formats/formats.hpp"

#include <wxlint/config.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace wxlint {
namespace {

// Lookups by std::string_view: a finding's ancestors are views of its pointer.
struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

// The entries for one rule key (a rule id, a code, or "" for every rule).
struct RuleEntries {
  bool everywhere = false;  // an entry without a pointer
  std::unordered_set<std::string, Hash, std::equal_to<>> literals;  // pointers without wildcards
  std::unordered_set<std::size_t> lengths;  // of the literals: ancestors of other lengths are not hashed
  Map<std::vector<const Glob*>> by_segment;  // pointer globs by a whole segment each of their matches has
  std::vector<const Glob*> others;           // pointer globs without one ("**/*Id"): tried on every finding

  // `segment`: the key of a pointer glob ("" when it has none).
  void add(const Glob* pointer, const std::string& segment) {
    if (!pointer) {
      everywhere = true;
    } else if (pointer->is_literal()) {
      literals.insert(pointer->literal_prefix());
      lengths.insert(pointer->literal_prefix().size());
    } else if (!segment.empty()) {
      by_segment[segment].push_back(pointer), ++globs_;
    } else {
      others.push_back(pointer), ++globs_;
    }
  }

  bool matches(std::string_view p) const {
    if (everywhere) return true;
    if (const std::optional<bool> m = set_matches(p)) return *m || literal_matches(p);
    return literal_matches(p) || glob_matches(p);
  }

 private:
  // One automaton past this many globs, once they were asked this often glob by glob and each
  // time tried this many on average: a set costs its compiling, and the segment index mostly
  // leaves a finding few globs to try.
  static constexpr std::size_t kSetFrom = 16, kAskedBeforeSet = 32, kTriedForSet = 16;

  std::optional<bool> set_matches(std::string_view p) const {
    if (globs_ < kSetFrom || (set_tried_ && !set_)) return std::nullopt;
    if (!set_tried_) {
      if (asked_ < kAskedBeforeSet) return std::nullopt;
      set_tried_ = true;
      if (tried_ < kTriedForSet * asked_) return std::nullopt;
      std::vector<const Glob*> globs = others;
      for (const auto& [segment, list] : by_segment) globs.insert(globs.end(), list.begin(), list.end());
      std::sort(globs.begin(), globs.end());
      globs.erase(std::unique(globs.begin(), globs.end()), globs.end());
      std::vector<std::string> patterns;
      for (const Glob* g : globs) {
        std::optional<std::string> re = g->pointer_regex();
        if (!re) return std::nullopt;  // bytes outside UTF-8: glob by glob
        patterns.push_back(std::move(*re));
      }
      set_ = RegexSet::compile(patterns);
      if (!set_) return std::nullopt;
    }
    // RE2 reads bytes outside UTF-8 otherwise than the globs do.
    if (!formats::is_valid_utf8(p)) return std::nullopt;
    return set_->any_matches(p);
  }

  bool literal_matches(std::string_view p) const {
    // The pointer and its ancestors ("/a/b", "/a", ""): a literal is one of them.
    if (!literals.empty())
      for (std::size_t end = p.size();;) {
        if (lengths.count(end) && literals.find(p.substr(0, end)) != literals.end()) return true;
        if (end == 0 || (end = p.rfind('/', end - 1)) == std::string_view::npos) break;
      }
    return false;
  }

  bool glob_matches(std::string_view p) const {
    // The globs keyed by one of the pointer's segments, each tried once.
    std::vector<const Glob*> candidates;
    if (!by_segment.empty())
      for (std::size_t begin = 0; begin <= p.size();) {
        const std::size_t end = std::min(p.find('/', begin), p.size());
        if (auto it = by_segment.find(p.substr(begin, end - begin)); it != by_segment.end())
          candidates.insert(candidates.end(), it->second.begin(), it->second.end());
        begin = end + 1;
      }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    ++asked_;
    tried_ += candidates.size() + others.size();
    const auto any_matches = [p](const std::vector<const Glob*>& globs) {
      return std::any_of(globs.begin(), globs.end(), [p](const Glob* g) { return g->matches_pointer_or_ancestor(p); });
    };
    return any_matches(candidates) || any_matches(others);
  }

  std::size_t globs_ = 0;
  mutable std::size_t asked_ = 0, tried_ = 0;  // glob_matches() calls, and the globs they tried
  mutable bool set_tried_ = false;
  mutable std::unique_ptr<RegexSet> set_;
};

using ByRule = Map<RuleEntries>;  // by the entries' rule: an id, a code, or "" for every rule

bool matches(const ByRule& by_rule, const Diagnostic& d) {
  const auto under = [&](std::string_view key) {
    auto it = by_rule.find(key);
    return it != by_rule.end() && it->second.matches(d.location.pointer);
  };
  return under("") || under(d.rule) || (d.code != d.rule && under(d.code));
}

class IgnoreIndex {
 public:
  explicit IgnoreIndex(const std::vector<IgnoreEntry>& entries) : entries_(entries), segments_(entries.size()) {
    for (const auto& e : entries) {
      pointers_.push_back(e.pointer.empty() ? nullptr : std::make_unique<Glob>(e.pointer));
      files_.push_back(e.files.empty() ? nullptr : std::make_unique<Glob>(e.files));
    }
    // Each pointer glob is keyed by its whole segment that the fewest globs share
    // ("/usersList/*/users/7/userId" by "7"), so a finding tries few of them.
    std::vector<std::vector<std::string>> whole(entries.size());
    Map<std::size_t> shared;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (pointers_[i]) whole[i] = pointers_[i]->whole_segments();
      for (const auto& s : whole[i]) ++shared[s];
    }
    for (std::size_t i = 0; i < entries.size(); ++i)
      for (const auto& s : whole[i])
        if (segments_[i].empty() || shared[s] < shared[segments_[i]]) segments_[i] = s;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (!files_[i]) any_file_[entries[i].rule].add(pointers_[i].get(), segments_[i]);
      else if (files_[i]->is_literal()) literal_files_[files_[i]->literal_prefix()].push_back(i);
      else file_globs_.push_back(i);
    }
  }

  // Whether the entries ignore `d`, found in the file at `rel` (relative to the config).
  class ForFile {
   public:
    bool ignored(const Diagnostic& d) const { return matches(index_.any_file_, d) || matches(this_file_, d); }

   private:
    friend class IgnoreIndex;
    explicit ForFile(const IgnoreIndex& index) : index_(index) {}
    const IgnoreIndex& index_;
    ByRule this_file_;  // the entries whose "files" matches this file
  };

  ForFile for_file(const std::string& rel) const {
    ForFile f(*this);
    const auto add = [&](std::size_t i) { f.this_file_[entries_[i].rule].add(pointers_[i].get(), segments_[i]); };
    if (auto it = literal_files_.find(rel); it != literal_files_.end())
      for (std::size_t i : it->second) add(i);
    for (std::size_t i : file_globs_)
      if (files_[i]->matches(rel)) add(i);
    return f;
  }

 private:
  const std::vector<IgnoreEntry>& entries_;
  std::vector<std::unique_ptr<Glob>> pointers_, files_;  // compiled; null where the entry has none
  std::vector<std::string> segments_;                     // the pointer glob's key, "" when it has none
  ByRule any_file_;                                       // entries without "files"
  Map<std::vector<std::size_t>> literal_files_;
  std::vector<std::size_t> file_globs_;
};

}  // namespace

bool Config::ignored(const std::string& file, const Diagnostic& d) const {
  if (ignore.empty()) return false;
  return IgnoreIndex(ignore).for_file(relative_to(file, base_dir)).ignored(d);
}

std::size_t Config::apply_ignores(std::span<FileReport> reports) const {
  if (ignore.empty()) return 0;
  const IgnoreIndex index(ignore);
  std::size_t removed = 0;
  for (auto& r : reports) {
    const auto file = index.for_file(relative_to(r.path, base_dir));
    removed += std::erase_if(r.diagnostics, [&](const Diagnostic& d) { return file.ignored(d); });
  }
  return removed;
}

}  // namespace wxlint
