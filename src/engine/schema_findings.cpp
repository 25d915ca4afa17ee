#include "engine/schema_findings.hpp"

#include "engine/catalogue.hpp"

#include <algorithm>

namespace wxlint {
namespace {

// The covers_key()s of a request's rule findings, a few million on a big payload: sorted,
// with where each value of their top bits starts (about 16 keys each), so a lookup
// searches a few keys, not the whole list.
class Explained {
 public:
  explicit Explained(std::vector<std::uint64_t> keys) : keys_(std::move(keys)) {
    std::sort(keys_.begin(), keys_.end());
    while (bits_ < 32 && (std::size_t{16} << bits_) < keys_.size()) ++bits_;
    start_.assign((std::size_t{1} << bits_) + 1, 0);
    for (const std::uint64_t k : keys_) ++start_[bucket(k) + 1];
    for (std::size_t b = 1; b < start_.size(); ++b) start_[b] += start_[b - 1];
  }
  bool empty() const { return keys_.empty(); }
  bool contains(std::uint64_t key) const {
    const std::size_t b = bucket(key);
    return std::binary_search(keys_.begin() + static_cast<std::ptrdiff_t>(start_[b]),
                              keys_.begin() + static_cast<std::ptrdiff_t>(start_[b + 1]), key);
  }

 private:
  std::size_t bucket(std::uint64_t key) const { return bits_ ? static_cast<std::size_t>(key >> (64 - bits_)) : 0; }

  std::vector<std::uint64_t> keys_;
  int bits_ = 0;
  std::vector<std::size_t> start_;
};

// The schema failures the rules do not explain become findings, one at a time.
struct SchemaFindings final : SchemaSink {
  const Catalogue& catalogue;
  const Explained &one, &any;  // by findings that explain one detail, or any
  FindingList& list;
  const std::string& prefix;
  const Rule* rule = nullptr;  // of the failure wants() took

  SchemaFindings(const Catalogue& c, const Explained& o, const Explained& a, FindingList& l, const std::string& p)
      : catalogue(c), one(o), any(a), list(l), prefix(p) {}

  bool wants(const SchemaFailure& sf) override {
    rule = catalogue.builtin_if_enabled(schema_rule_id(sf.keyword));
    for (int s = rule ? static_cast<int>(rule->doc.severity) : 0; s <= static_cast<int>(Severity::error); ++s)
      if ((!one.empty() && one.contains(covers_key(sf.pointer, sf.keyword, sf.detail, Severity(s)))) ||
          (!any.empty() && any.contains(covers_key(sf.pointer, sf.keyword, std::nullopt, Severity(s)))))
        return false;
    if (!rule || list.lists(rule)) return rule != nullptr;
    Finding tally;  // counted only
    tally.rule = rule;
    tally.pointer = sf.pointer;
    tally.anchor = sf.anchor;
    tally.unlisted = 1;
    list.add(std::move(tally), prefix);
    return false;
  }

  void add(SchemaFailure sf) override {
    Finding f;
    f.rule = rule;
    f.pointer = std::move(sf.pointer);
    f.anchor = sf.anchor;
    f.args = std::move(sf.args);
    if (sf.fix && rule->fix == sf.fix_name) f.fix = std::move(sf.fix);
    list.add(std::move(f), prefix);
  }
};

}  // namespace

void add_schema_findings(const Catalogue& catalogue, const SchemaValidator& schema, const rapidjson::Value& request,
                         const std::vector<Finding>& rule_findings, std::vector<std::uint64_t> covers,
                         FindingList& list, const std::string& prefix) {
  // What the rules explain is known before the schema runs, so that its failures are listed
  // or counted as they come.
  for (const auto& f : rule_findings)
    if (!f.covers_keyword.empty())
      covers.push_back(covers_key(f.pointer, f.covers_keyword,
                                  f.covers_detail.empty() ? std::nullopt : std::optional<std::string_view>(f.covers_detail),
                                  f.rule->doc.severity));
  const auto any_detail = std::partition(covers.begin(), covers.end(), [](std::uint64_t k) { return !explains_any(k); });
  const Explained any({any_detail, covers.end()});
  covers.erase(any_detail, covers.end());
  const Explained one(std::move(covers));
  SchemaFindings sink(catalogue, one, any, list, prefix);
  schema.validate(request, sink);
}

}  // namespace wxlint
