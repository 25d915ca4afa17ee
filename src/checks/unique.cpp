// unique: a value may appear once. "groupBy" (relative pointer) partitions by another
// value (extensions are unique per target locationId); "within" (relative pointer)
// partitions by a node (emails within one contact); "across" (relative pointer) reports
// only repeats whose node differs from the first's (the same email on two contacts).
// "normalize": "none" | "lower" | "digits" decides what counts as the same.
#include "checks/kinds.hpp"

#include <sys/mman.h>

#include <cstring>
#include <functional>
#include <memory>

namespace wxlint::checks {
namespace {

// Bytes that stay put while the lint runs: keys point into the DOM where they can,
// so a million values cost a few small records, not a million heap strings.
class Arena {
 public:
  std::string_view keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > kChunk / 4) {
      big_.push_back(std::make_unique<char[]>(s.size()));
      std::memcpy(big_.back().get(), s.data(), s.size());
      return {big_.back().get(), s.size()};
    }
    if (chunks_.empty() || used_ + s.size() > kChunk) {
      chunks_.push_back(std::make_unique<char[]>(kChunk));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

 private:
  static constexpr std::size_t kChunk = 1 << 20;
  std::vector<std::unique_ptr<char[]>> chunks_, big_;
  std::size_t used_ = 0;
};

// Zeroed 64-bit slots. Large tables ask for huge pages: a random probe then costs one
// cache miss instead of a cache miss plus a page-table walk.
class Slots {
 public:
  Slots() = default;
  explicit Slots(std::size_t n) : n_(n) {
    const std::size_t bytes = n * sizeof(std::uint64_t);
    if (bytes >= kHuge) {
      void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p != MAP_FAILED) {
        ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint; fine if refused
        mapped_ = static_cast<std::uint64_t*>(p);
        return;
      }
    }
    small_.assign(n, 0);
  }
  Slots(const Slots&) = delete;
  Slots& operator=(Slots&& o) noexcept {
    std::swap(n_, o.n_);
    std::swap(mapped_, o.mapped_);
    small_.swap(o.small_);
    return *this;
  }
  ~Slots() {
    if (mapped_) ::munmap(mapped_, n_ * sizeof(std::uint64_t));
  }
  std::size_t size() const { return n_; }
  std::uint64_t& operator[](std::size_t i) { return mapped_ ? mapped_[i] : small_[i]; }

 private:
  static constexpr std::size_t kHuge = std::size_t{2} << 20;
  std::size_t n_ = 0;
  std::uint64_t* mapped_ = nullptr;  // zero-filled by mmap
  std::vector<std::uint64_t> small_;
};

// First occurrences by (partition, value), open addressing with linear probing.
struct Seen final : CheckState {
  struct Entry {
    std::size_t hash;
    std::string_view part, value, first, across;
  };
  std::vector<Entry> entries;
  Slots slots;  // hash high half | entry index + 1; 0 = empty
  Arena arena;
  std::string scratch;

  // The entry for the key, or a new one (second = true) whose views the caller fills.
  // A slot holds the hash's high half next to the index, so probing rarely has to
  // touch an entry: with a million values each extra cache miss shows.
  std::pair<Entry*, bool> find_or_add(std::string_view part, std::string_view value) {
    const std::size_t h = std::hash<std::string_view>{}(value) * 0x9E3779B97F4A7C15ull ^
                          std::hash<std::string_view>{}(part);
    if (2 * (entries.size() + 1) > slots.size()) grow();
    const std::size_t mask = slots.size() - 1;
    const std::uint64_t tag = static_cast<std::uint64_t>(h) >> 32 << 32;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint64_t s = slots[i];
      if (s == 0) {
        slots[i] = tag | (entries.size() + 1);
        entries.push_back({h, part, value, {}, {}});
        return {&entries.back(), true};
      }
      if ((s & ~0xFFFFFFFFull) != tag) continue;
      Entry& e = entries[(s & 0xFFFFFFFFull) - 1];
      if (e.hash == h && e.value == value && e.part == part) return {&e, false};
    }
  }

  void grow() {
    Slots next(slots.size() == 0 ? 64 : slots.size() * 2);
    const std::size_t mask = next.size() - 1;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const std::size_t h = entries[k].hash;
      std::size_t i = h & mask;
      while (next[i] != 0) i = (i + 1) & mask;
      next[i] = (static_cast<std::uint64_t>(h) >> 32 << 32) | (k + 1);
    }
    slots = std::move(next);
  }
};

class Unique final : public Check {
 public:
  explicit Unique(Params& p)
      : group_by_(p.opt_rel("groupBy")), within_(p.opt_rel("within")), across_(p.opt_rel("across")) {
    auto n = p.opt_str("normalize").value_or("none");
    if (n == "lower") norm_ = Norm::lower;
    else if (n == "digits") norm_ = Norm::digits;
    else if (n != "none") p.fail("normalize", "must be \"none\", \"lower\" or \"digits\"");
  }

  std::unique_ptr<CheckState> start() const override { return std::make_unique<Seen>(); }

  void visit(const Path& path, CheckState* state, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() && !v.IsNumber()) return;
    auto& seen = *static_cast<Seen*>(state);
    // The value: a view of the DOM's string when nothing needs rewriting.
    std::string_view value;
    if (v.IsString() && norm_ == Norm::none) {
      value = {v.GetString(), v.GetStringLength()};
    } else {
      normalized(v, seen.scratch);
      value = seen.scratch;
    }
    if (value.empty()) return;  // "" means "remove" in Webex payloads, not a value
    // The partition: "within" node, then "groupBy" value.
    std::string_view part;
    std::string part_buf;
    const rapidjson::Value* g = nullptr;
    if (group_by_) {
      g = group_by_->resolve(path);
      if (!g) return;
      if (g->IsString() && !within_) part = {g->GetString(), g->GetStringLength()};
      else part_buf = scalar_text(*g, SIZE_MAX);
    }
    if (within_) {
      std::string w = within_->pointer(path);
      w.push_back('\x1f');
      part_buf.insert(0, w);
    }
    if (!part_buf.empty()) part = part_buf;

    auto [e, inserted] = seen.find_or_add(part, value);
    if (inserted) {
      // The lookup used views of scratch buffers: keep copies of those.
      if (value.data() == seen.scratch.data()) e->value = seen.arena.keep(value);
      if (!part_buf.empty()) e->part = seen.arena.keep(part);
      e->first = seen.arena.keep(path.pointer());
      if (across_) e->across = seen.arena.keep(across_->pointer(path));
      return;
    }
    if (across_ && e->across == across_->pointer(path)) return;
    Finding& f = out.emit(path);
    f.related.emplace_back(e->first);
    if (g) f.arg("group", scalar_text(*g));
  }

 private:
  enum class Norm { none, lower, digits };
  void normalized(const rapidjson::Value& v, std::string& s) const {
    if (v.IsString()) s.assign(v.GetString(), v.GetStringLength());
    else s = scalar_text(v, SIZE_MAX);
    if (norm_ == Norm::lower) {
      for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    } else if (norm_ == Norm::digits) {
      std::size_t n = 0;
      for (char c : s)
        if (c >= '0' && c <= '9') s[n++] = c;
      s.resize(n);
    }
  }
  std::optional<RelPointer> group_by_, within_, across_;
  Norm norm_ = Norm::none;
};

}  // namespace

std::unique_ptr<Check> make_unique(Params& p) { return std::make_unique<Unique>(p); }

}  // namespace wxlint::checks
