// Internal to the unique check (unique.cpp): the table of one rule's first occurrences
// during one walk, with what decides when two values are the same.
#pragma once

#include "checks/compared_value.hpp"
#include "checks/key_index.hpp"
#include "checks/unique_store.hpp"
#include "engine/check.hpp"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace wxlint::checks::unique_seen {

using namespace unique_store;

// First occurrences by (partition, value), open addressing with linear probing.
struct Seen final : CheckState {
  // 16 bytes: a million values cost a table that fits the caches better. An entry
  // holds where its first occurrence is, not its value: the value is read back from
  // the DOM (and normalized again) for the rare slot whose hash tag and length match,
  // and when the table grows. The partition is a number (partitions are few: target
  // locations, contacts).
  struct Entry {
    // encode_path() bytes, then (with "across") u32 length + pointer: in the arena,
    // or here in place of the pointer when they fit (most paths take 4-6 bytes).
    char first[sizeof(const char*)];
    std::uint32_t value_len, part;  // part: kInline | partition number
    std::uint32_t part_id() const { return part & ~kInline; }
    const char* first_bytes() const {
      if (part & kInline) return first;
      const char* p;
      std::memcpy(&p, first, sizeof p);
      return p;
    }
  };
  // Partition numbers stay below 2^31: each distinct partition is a distinct value
  // of at least 3 bytes in a text under 4 GiB.
  static constexpr std::uint32_t kInline = std::uint32_t{1} << 31;
  // Partition text -> number: parts[number - 1] (views of the DOM or the arena), found
  // through part_index; "" is 0.
  std::vector<std::string_view> parts;
  KeyIndex part_index;
  const char* last_part = nullptr;  // the latest partition and its number, for runs
  std::size_t last_part_len = 0;    // of matches under one partition
  std::uint32_t last_part_id = 0;
  Chunked<Entry> entries;
  KeyIndex index;  // of entries, by (partition, value)
  Arena arena;
  std::string scratch, entry_scratch;

  // The last groupBy resolved, and the node it was resolved from.
  const rapidjson::Value *group_from = nullptr, *group = nullptr;
  std::string group_id;  // the group's identity when it is a Webex id, else ""

  bool sized = false;  // the table was sized from the first match's arrays
  // Set at the first match: the walk's root, the depth every match shares, the rule's
  // normalization and whether it has "across".
  const rapidjson::Value* root = nullptr;
  std::size_t depth = 0;
  Norm norm = Norm::none;
  bool across = false;

  // A match to look up: its key, and what a finding or a first occurrence needs.
  struct Match {
    std::size_t hash = 0;
    std::uint32_t part = 0;
    std::string_view value;
    // encode_path(), then (with "across") u32 length + pointer.
    const char* path = nullptr;
    std::size_t path_len = 0;
    const rapidjson::Value* node = nullptr;   // for {value}
    const rapidjson::Value* group = nullptr;  // the groupBy node, for {group}
  };
  // Where a match's path bytes are made: inline when they fit (a match then costs no
  // allocation), else in long_path.
  struct PathBuffer {
    std::array<char, 32> inline_path;
    std::string long_path;
  };
  // A match waiting for its slot. With a million values the home slot is a cache miss
  // each: visit() prefetches it and queues the match, which is looked up kPipeline
  // matches later, when the slot is in the cache. The queue is drained in visit order,
  // so the first occurrence is the same as looking each value up at once.
  struct Pending {
    Match m;
    std::string own;  // the value when it is not a DOM string (normalized, a number)
    PathBuffer buf;
  };
  static constexpr std::size_t kPipeline = 16;
  std::array<Pending, kPipeline> pending;
  std::size_t pending_head = 0, pending_count = 0;
  PathBuffer direct_buf;  // for matches looked up at once

  // Slots that stay in the cache (128 KiB): a probe misses rarely, so queueing to hide
  // the miss costs more than it saves, and a match is looked up at once.
  static constexpr std::size_t kDirectSlots = std::size_t{1} << 14;
  bool direct() const { return index.slots() <= kDirectSlots && pending_count == 0; }

  std::string_view value_of(const Entry& e) {
    return compared_value(node_at(*root, e.first_bytes(), depth), norm, entry_scratch);
  }

  static std::size_t hash_of(std::uint32_t part, std::string_view value) {
    return static_cast<std::size_t>(hash_key(value, 0x243F6A8885A308D3ull + part * 0x9E3779B97F4A7C15ull));
  }
  static constexpr std::uint64_t kPartSeed = 0x452821E638D01377ull;

  // The partition's number; in_dom: part views the DOM (it stays put), else a
  // scratch buffer (copied when new).
  std::uint32_t part_id(std::string_view part, bool in_dom) {
    if (part.empty()) return 0;
    if (in_dom && part.data() == last_part && part.size() == last_part_len) return last_part_id;
    if (!in_dom && part == std::string_view(last_part, last_part_len)) return last_part_id;
    const auto [k, added] = part_index.find_or_add(
        hash_key(part, kPartSeed), [&](std::uint32_t i) { return parts[i] == part; },
        [&](std::uint32_t i) { return hash_key(parts[i], kPartSeed); });
    if (added) parts.push_back(in_dom ? part : arena.keep(part));
    const std::uint32_t id = k + 1;
    // Views of the DOM or the arena, which stay put.
    last_part = in_dom ? part.data() : parts[id - 1].data();
    last_part_len = part.size();
    last_part_id = id;
    return id;
  }

  // Room for n entries without growing.
  void reserve(std::size_t n) { index.reserve(n, [&](std::uint32_t k) { return rehash(k); }); }

  // The entry for the key, or a new one (second = true) whose fields the caller fills.
  std::pair<Entry*, bool> find_or_add(std::uint32_t part, std::string_view value, std::size_t h) {
    const auto [k, added] = index.find_or_add(
        h,
        [&](std::uint32_t i) {
          Entry& e = entries[i];
          return e.part_id() == part && e.value_len == value.size() && value_of(e) == value;
        },
        [&](std::uint32_t i) { return rehash(i); });
    if (!added) return {&entries[k], false};
    return {&entries.push_back(Entry{{}, static_cast<std::uint32_t>(value.size()), part}), true};
  }

  std::uint64_t rehash(std::uint32_t k) { return hash_of(entries[k].part_id(), value_of(entries[k])); }

  // Queued: the home slot is on its way to the cache (a table that grows meanwhile
  // only wastes the prefetch).
  void prefetch(const Match& m) const { index.prefetch(m.hash); }

  // A place for the next match: the oldest match is looked up first when all are taken.
  Pending& next_pending(Emitter& out) {
    if (pending_count == kPipeline) resolve_oldest(out);
    const std::size_t i = pending_head + pending_count++;
    return pending[i < kPipeline ? i : i - kPipeline];
  }

  void resolve_oldest(Emitter& out) {
    resolve(pending[pending_head].m, out);
    pending_head = pending_head + 1 == kPipeline ? 0 : pending_head + 1;
    --pending_count;
  }

  void drain(Emitter& out) {
    while (pending_count > 0) resolve_oldest(out);
  }

  // The "across" pointer kept after the depth steps of encode_path() bytes.
  std::string_view across_of(const char* enc) const {
    const char* a = skip_path(enc, depth);
    std::uint32_t n;
    std::memcpy(&n, a, sizeof n);
    return {a + sizeof n, n};
  }

  // The match's first occurrence is recorded, or the match is a repeat: reported unless
  // "across" finds it under the same node as the first.
  void resolve(const Match& m, Emitter& out) {
    auto [e, inserted] = find_or_add(m.part, m.value, m.hash);
    if (!inserted) return repeat(m, *e, out);
    if (m.path_len <= sizeof e->first && !across) {
      std::memcpy(e->first, m.path, sizeof e->first);  // a fixed size: one move (the buffer has room)
      e->part |= kInline;
    } else {
      const char* kept = arena.keep({m.path, m.path_len}).data();
      std::memcpy(e->first, &kept, sizeof kept);
    }
  }

  // Out of line: repeats are rare, and their code would slow every lookup's entry and exit.
  [[gnu::noinline]] void repeat(const Match& m, const Entry& e, Emitter& out) {
    if (across && across_of(e.first_bytes()) == across_of(m.path)) return;
    // As Emitter::emit(const Path&) at the match: the node is a string or a number.
    Finding& f = out.emit(decode_path(*root, m.path, depth));
    f.arg("value", scalar_text(*m.node));
    f.related.push_back(decode_path(*root, e.first_bytes(), depth));
    if (m.group) f.arg("group", scalar_text(*m.group));
  }

  // Small enough to keep for the next lint: its tables are then reused, not allocated
  // and zeroed again (a batch of small files pays that three times per file otherwise).
  bool small() const { return index.slots() <= 2048 && part_index.slots() <= 2048 && entries.chunks() <= 1; }

  // As new, the memory kept.
  void reset() {
    parts.clear();
    part_index.clear();
    last_part = nullptr;
    last_part_len = 0;
    last_part_id = 0;
    entries.clear();
    index.clear();
    arena.clear();
    group_from = group = nullptr;
    group_id.clear();
    sized = false;
    root = nullptr;
    depth = 0;
    norm = Norm::none;
    across = false;
    pending_head = pending_count = 0;
  }
};

}  // namespace wxlint::checks::unique_seen
