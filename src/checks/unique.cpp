// unique: a value may appear once. "groupBy" (relative pointer) partitions by another
// value (extensions are unique per target locationId); "within" (relative pointer)
// partitions by a node (emails within one contact); "across" (relative pointer) reports
// only repeats whose node differs from the first's (the same email on two contacts).
// "normalize": "none" | "lower" | "digits" | "webex-id" decides what counts as the same. A
// groupBy value that is a Webex id partitions by identity: padded and unpadded spellings
// of one target location are one location.
#include "checks/kinds.hpp"
#include "checks/unique_seen.hpp"

#include <memory>

namespace wxlint::checks {
namespace {

using namespace unique_seen;

// Small tables are kept for the next lint on this thread: reused, not allocated and zeroed
// again (a batch of small files would pay that three times per file otherwise).
class Lease final : public CheckState {
 public:
  Lease() {
    if (spare().empty()) {
      seen_ = std::make_unique<Seen>();
    } else {
      seen_ = std::move(spare().back());
      spare().pop_back();
    }
  }
  ~Lease() override {
    if (spare().size() >= kSpares || !seen_->small()) return;
    seen_->reset();
    spare().push_back(std::move(seen_));
  }
  Seen& seen() { return *seen_; }

 private:
  static constexpr std::size_t kSpares = 8;  // per thread: a few rules, two lanes
  static std::vector<std::unique_ptr<Seen>>& spare() {
    thread_local std::vector<std::unique_ptr<Seen>> list;
    return list;
  }
  std::unique_ptr<Seen> seen_;
};

class Unique final : public Check {
 public:
  explicit Unique(Params& p)
      : group_by_(p.opt_rel("groupBy")), within_(p.opt_rel("within")), across_(p.opt_rel("across")),
        norm_(parse_norm(p)) {}

  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    if (group_by_) return {};
    return {{"group", "it is the \"groupBy\" value"}};
  }

  std::unique_ptr<CheckState> start() const override { return std::make_unique<Lease>(); }

  void finish(CheckState* state, Emitter& out) const override { static_cast<Lease*>(state)->seen().drain(out); }

  void visit(const Path& path, CheckState* state, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() && !v.IsNumber()) return;
    auto& seen = static_cast<Lease*>(state)->seen();
    const std::string_view value = compared_value(v, norm_, seen.scratch);
    if (value.empty()) return;  // "" means "remove" in Webex payloads, not a value
    // The partition: "within" node, then "groupBy" value.
    std::string_view part;
    std::string part_buf;
    bool part_in_dom = true;  // part views the DOM (else a buffer)
    const rapidjson::Value* g = nullptr;
    if (group_by_) {
      // Matches come in runs under one node (the users of one usersList entry): resolve
      // groupBy once per node it starts from.
      const std::size_t up = group_by_->up;
      const rapidjson::Value* from = up <= path.depth() ? path.step(path.depth() - up).value : nullptr;
      if (from != seen.group_from) {
        seen.group_from = from;
        seen.group = group_by_->resolve(path);
        seen.group_id.clear();
        if (seen.group && seen.group->IsString())
          formats::webex_identity({seen.group->GetString(), seen.group->GetStringLength()}, seen.group_id);
      }
      g = seen.group;
      if (!g) return;
      if (!seen.group_id.empty()) {
        part = seen.group_id;
        part_in_dom = false;
        if (within_) part_buf = seen.group_id;
      } else if (g->IsString() && !within_) {
        part = {g->GetString(), g->GetStringLength()};
      } else {
        part_buf = scalar_text(*g, SIZE_MAX);
      }
    }
    if (within_) {
      std::string w = within_->pointer(path);
      w.push_back('\x1f');
      part_buf.insert(0, w);
    }
    if (!part_buf.empty()) part = part_buf, part_in_dom = false;

    if (!seen.sized) {
      // Every match has the same depth, so the arrays on the first match's path,
      // sized as they are, estimate how many matches follow: size the table once
      // instead of rehashing it as it fills. Capped: the estimate may be high
      // (matches that are absent, empty or not scalars).
      seen.sized = true;
      seen.root = path.step(0).value;
      seen.depth = path.depth();
      seen.norm = norm_;
      seen.across = across_.has_value();
      std::size_t n = 1;
      for (std::size_t i = 1; i <= path.depth() && n <= kMaxReserve; ++i) {
        const rapidjson::Value& parent = *path.step(i - 1).value;
        if (parent.IsArray()) n *= std::max<std::size_t>(parent.Size(), 1);
      }
      seen.reserve(std::min(n, kMaxReserve));
    }
    Seen::Match m;
    m.part = seen.part_id(part, part_in_dom);
    m.node = &v;
    m.group = g;
    if (seen.direct()) {
      m.value = value;  // may view scratch: a lookup reads entries through entry_scratch
      m.hash = Seen::hash_of(m.part, m.value);
      encode(path, seen.direct_buf, m);
      seen.resolve(m, out);
      return;
    }
    Seen::Pending& p = seen.next_pending(out);
    if (value.data() != seen.scratch.data()) {
      m.value = value;  // views the DOM, which stays put
    } else {
      std::swap(p.own, seen.scratch);  // scratch is rewritten by the next match
      m.value = p.own;
    }
    m.hash = Seen::hash_of(m.part, m.value);
    seen.prefetch(m);
    encode(path, p.buf, m);
    p.m = m;
  }

 private:
  // The match's path bytes (and "across" pointer), in buf.
  void encode(const Path& path, Seen::PathBuffer& buf, Seen::Match& m) const {
    if (across_) return encode_across(path, buf, m);
    char* out = buf.inline_path.data();
    if (encoded_capacity(path.depth()) > buf.inline_path.size()) {
      buf.long_path.resize(encoded_capacity(path.depth()));
      out = buf.long_path.data();
    }
    m.path = out;
    m.path_len = encode_path(path, out);
  }

  [[gnu::noinline]] void encode_across(const Path& path, Seen::PathBuffer& buf, Seen::Match& m) const {
    buf.long_path.resize(encoded_capacity(path.depth()));
    const std::size_t len = encode_path(path, buf.long_path.data());
    const std::string a = across_->pointer(path);
    const auto n = static_cast<std::uint32_t>(a.size());
    buf.long_path.resize(len);
    buf.long_path.append(reinterpret_cast<const char*>(&n), sizeof n).append(a);
    m.path = buf.long_path.data();
    m.path_len = buf.long_path.size();
  }

  static constexpr std::size_t kMaxReserve = std::size_t{1} << 20;
  std::optional<RelPointer> group_by_, within_, across_;
  Norm norm_ = Norm::none;
};

}  // namespace

std::unique_ptr<Check> make_unique(Params& p) { return std::make_unique<Unique>(p); }

}  // namespace wxlint::checks
