// unique: a value may appear once. "groupBy" (relative pointer) partitions by another
// value (extensions are unique per target locationId); "within" (relative pointer)
// partitions by a node (emails within one contact); "across" (relative pointer) reports
// only repeats whose node differs from the first's (the same email on two contacts).
// "normalize": "none" | "lower" | "digits" decides what counts as the same.
#include "checks/kinds.hpp"
#include "document/json_pointer.hpp"

#include <sys/mman.h>

#include <algorithm>
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
      big_.push_back(std::make_unique_for_overwrite<char[]>(s.size()));
      std::memcpy(big_.back().get(), s.data(), s.size());
      return {big_.back().get(), s.size()};
    }
    if (chunks_.empty() || used_ + s.size() > size_) {
      // Not zeroed, and small at first: a small file then touches a few KB, not 1 MB.
      size_ = std::max(s.size(), chunks_.empty() ? kFirst : std::min(2 * size_, kChunk));
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(size_));
      used_ = 0;
    }
    char* p = chunks_.back().get() + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

 private:
  static constexpr std::size_t kFirst = 1 << 12, kChunk = 1 << 20;
  std::vector<std::unique_ptr<char[]>> chunks_, big_;
  std::size_t used_ = 0, size_ = 0;
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

// Entries in fixed chunks: growing never copies a million entries, nor holds two copies.
template <typename T>
class Chunked {
 public:
  std::size_t size() const { return n_; }
  T& operator[](std::size_t i) { return chunks_[i >> kBits][i & (kSize - 1)]; }
  T& push_back(const T& v) {
    if (n_ == chunks_.size() * kSize) chunks_.push_back(std::make_unique_for_overwrite<T[]>(kSize));
    T& slot = (*this)[n_++];
    slot = v;
    return slot;
  }

 private:
  static constexpr std::size_t kBits = 10, kSize = std::size_t{1} << kBits;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t n_ = 0;
};

// A node's place as one 32-bit index per step (array index or member position): a few
// bytes per value where a pointer string would be built for every value. The string is
// made only for the first occurrences that turn out to have duplicates.
void encode_path(const Path& path, std::string& out) {
  out.clear();
  for (std::size_t i = 1; i <= path.depth(); ++i) {
    const Step& s = path.step(i);
    const rapidjson::Value& parent = *path.step(i - 1).value;
    std::uint32_t k = static_cast<std::uint32_t>(s.index);
    if (parent.IsObject()) {
      const auto* first = reinterpret_cast<const char*>(&parent.MemberBegin()->value);
      k = static_cast<std::uint32_t>((reinterpret_cast<const char*>(s.value) - first) /
                                     static_cast<std::ptrdiff_t>(sizeof(rapidjson::Value::Member)));
    }
    out.append(reinterpret_cast<const char*>(&k), sizeof k);
  }
}

std::string decode_path(const rapidjson::Value& root, const char* enc, std::size_t depth) {
  std::string out;
  const rapidjson::Value* v = &root;
  for (std::size_t i = 0; i < depth; ++i) {
    std::uint32_t k;
    std::memcpy(&k, enc + i * sizeof k, sizeof k);
    if (v->IsArray()) {
      pointer::append_index(out, k);
      v = &(*v)[k];
    } else {
      const auto m = v->MemberBegin() + k;
      pointer::append_key(out, {m->name.GetString(), m->name.GetStringLength()});
      v = &m->value;
    }
  }
  return out;
}

// First occurrences by (partition, value), open addressing with linear probing.
struct Seen final : CheckState {
  // 32 bytes: a million values cost a table that fits the caches better. The hash is
  // recomputed when the table grows rather than stored.
  struct Entry {
    const char* value;
    const char* part;
    const char* first;  // encode_path() bytes, then (with "across") u32 length + pointer
    std::uint32_t value_len, part_len;
    std::string_view value_view() const { return {value, value_len}; }
    std::string_view part_view() const { return {part, part_len}; }
  };
  Chunked<Entry> entries;
  Slots slots;  // hash high half | entry index + 1; 0 = empty
  Arena arena;
  std::string scratch, path_buf;

  static std::size_t hash_of(std::string_view part, std::string_view value) {
    return std::hash<std::string_view>{}(value) * 0x9E3779B97F4A7C15ull ^ std::hash<std::string_view>{}(part);
  }

  // The entry for the key, or a new one (second = true) whose fields the caller fills.
  // A slot holds the hash's high half next to the index, so probing rarely has to
  // touch an entry: with a million values each extra cache miss shows.
  std::pair<Entry*, bool> find_or_add(std::string_view part, std::string_view value) {
    const std::size_t h = hash_of(part, value);
    if (2 * (entries.size() + 1) > slots.size()) grow();
    const std::size_t mask = slots.size() - 1;
    const std::uint64_t tag = static_cast<std::uint64_t>(h) >> 32 << 32;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const std::uint64_t s = slots[i];
      if (s == 0) {
        slots[i] = tag | (entries.size() + 1);
        Entry e{value.data(), part.data(), nullptr, static_cast<std::uint32_t>(value.size()),
                static_cast<std::uint32_t>(part.size())};
        return {&entries.push_back(e), true};
      }
      if ((s & ~0xFFFFFFFFull) != tag) continue;
      Entry& e = entries[(s & 0xFFFFFFFFull) - 1];
      if (e.value_view() == value && e.part_view() == part) return {&e, false};
    }
  }

  void grow() {
    Slots next(slots.size() == 0 ? 64 : slots.size() * 2);
    const std::size_t mask = next.size() - 1;
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const std::size_t h = hash_of(entries[k].part_view(), entries[k].value_view());
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
    const std::size_t path_bytes = path.depth() * sizeof(std::uint32_t);
    if (inserted) {
      // The lookup used views of scratch buffers: keep copies of those.
      if (value.data() == seen.scratch.data()) e->value = seen.arena.keep(value).data();
      if (!part_buf.empty()) e->part = seen.arena.keep(part).data();
      encode_path(path, seen.path_buf);
      if (across_) {
        const std::string a = across_->pointer(path);
        const auto n = static_cast<std::uint32_t>(a.size());
        seen.path_buf.append(reinterpret_cast<const char*>(&n), sizeof n).append(a);
      }
      e->first = seen.arena.keep(seen.path_buf).data();
      return;
    }
    if (across_) {
      std::uint32_t n;
      std::memcpy(&n, e->first + path_bytes, sizeof n);
      if (std::string_view(e->first + path_bytes + sizeof n, n) == across_->pointer(path)) return;
    }
    Finding& f = out.emit(path);
    // Every match of the rule's pattern has the same depth, so the encoding's length.
    f.related.push_back(decode_path(*path.step(0).value, e->first, path.depth()));
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
