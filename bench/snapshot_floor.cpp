// The floor of the snapshot's per-file cost (bench/README.md, "Round seven: the floor"): what
// the move-users snapshot rules must at least do for a user, written for this one job with
// nothing general, beside a bare parse of the same files.
//   snapshot_floor SNAPSHOT_DIR BATCH_DIR [PASSES] [REPS]
// It loads the people and numbers lists into two open-addressed tables of fixed-size entries
// (a person: its id's 16 bytes, location, extension, calling flag; per location, a small table
// of its extensions and their owners), then, alternating, PASSES times over the batch: read and parse each file
// (RapidJSON, as parse_floor.cpp), and the same plus, per user, decode the userId, find the
// person, compare their location and calling flag, and find the extension in the target
// location; and that again with each list's people prefetched before its users are judged.
// Prints the CPU per file of each (the minimum of REPS) and the differences.
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

std::string read(const std::string& path) {
  std::string text;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
  }
  return text;
}

std::vector<std::string> files(const std::string& dir, std::string_view prefix) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string_view name = e->d_name;
      if (name.starts_with(prefix) && name.ends_with(".json")) out.push_back(dir + "/" + std::string(name));
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A Webex id's uuid (base64 of "ciscospark://us/TYPE/uuid"), as two words; nullopt if not one.
struct Uuid {
  std::uint64_t hi = 0, lo = 0;
  bool operator==(const Uuid&) const = default;
};
std::optional<Uuid> id_uuid(std::string_view id) {
  static const auto table = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(a[i])] = static_cast<std::int8_t>(i);
    t['-'] = 62, t['_'] = 63;
    return t;
  }();
  char text[96];
  std::size_t n = 0;
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : id) {
    if (c == '=') break;
    const int v = table[static_cast<unsigned char>(c)];
    if (v < 0 || n >= sizeof text) return std::nullopt;
    acc = acc << 6 | static_cast<std::uint32_t>(v);
    if ((bits += 6) >= 8) text[n++] = static_cast<char>(acc >> (bits -= 8));
  }
  const std::string_view s(text, n);
  if (s.size() < 36 || !s.starts_with("ciscospark://")) return std::nullopt;
  const std::string_view u = s.substr(s.size() - 36);
  Uuid out;
  int digits = 0;
  for (const char c : u) {
    if (c == '-') continue;
    const int v = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
    if (v < 0) return std::nullopt;
    std::uint64_t& w = digits++ < 16 ? out.hi : out.lo;
    w = w << 4 | static_cast<std::uint64_t>(v);
  }
  if (digits != 32) return std::nullopt;
  return out;
}

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
  return h ^ h >> 31;
}

std::uint32_t ext_number(std::string_view s) {
  std::uint32_t v = 1;  // 0 is "none"; a leading 1 keeps "012" apart from "12"
  for (const char c : s) v = v * 10 + static_cast<std::uint32_t>(c - '0');
  return s.empty() ? 0 : v;
}

// Open addressing of fixed-size entries, at most half full: one probe touches one entry.
// hash_of(entry) gives an entry's hash again when the table grows.
template <typename Entry, std::uint64_t (*hash_of)(const Entry&)>
class Flat {
 public:
  Entry& add(std::uint64_t h) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    ++count_;
    std::size_t i = h & (slots_.size() - 1);
    while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
    slots_[i].used = true;
    return slots_[i];
  }
  template <typename Match>
  const Entry* find(std::uint64_t h, const Match& match) const {
    for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (!slots_[i].used) return nullptr;
      if (match(slots_[i])) return &slots_[i];
    }
  }
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }

 private:
  void grow() {
    std::vector<Entry> old(std::max<std::size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    count_ = 0;
    for (const Entry& e : old)
      if (e.used) add(hash_of(e)) = e;
  }
  std::vector<Entry> slots_ = std::vector<Entry>(16);
  std::size_t count_ = 0;
};

struct Person {
  Uuid id;
  std::uint32_t location = 0, extension = 0;
  bool calling = false, used = false;
};
struct Held {
  std::uint32_t location = 0, extension = 0;
  Uuid owner;
  bool used = false;
};
std::uint64_t person_hash(const Person& p) { return mix(p.id.hi, p.id.lo); }
std::uint64_t held_hash(const Held& h) { return mix(0, h.extension); }

const rapidjson::Value* array_at(const rapidjson::Value& o, const char* key) {
  if (!o.IsObject()) return nullptr;
  const auto m = o.FindMember(key);
  return m != o.MemberEnd() && m->value.IsArray() ? &m->value : nullptr;
}

std::string_view str(const rapidjson::Value& o, const char* key) {
  if (!o.IsObject()) return {};
  const auto m = o.FindMember(key);
  return m != o.MemberEnd() && m->value.IsString() ? std::string_view(m->value.GetString(), m->value.GetStringLength())
                                                   : std::string_view();
}

double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: snapshot_floor SNAPSHOT_DIR BATCH_DIR [PASSES] [REPS]\n");
    return 2;
  }
  const int passes = argc > 3 ? std::atoi(argv[3]) : 20, reps = argc > 4 ? std::atoi(argv[4]) : 3;
  std::unordered_map<std::uint64_t, std::uint32_t> locations;  // a location uuid's hash -> its number
  const auto location_of = [&](std::string_view id) -> std::uint32_t {
    const std::optional<Uuid> u = id_uuid(id);
    if (!u) return 0;
    return locations.emplace(mix(u->hi, u->lo), static_cast<std::uint32_t>(locations.size() + 1)).first->second;
  };
  constexpr unsigned kFlags = rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseIterativeFlag;

  Flat<Person, person_hash> people;
  std::vector<Flat<Held, held_hash>> held;  // per location number: a file's lookups stay in its location's part
  const auto held_in = [&](std::uint32_t loc) -> Flat<Held, held_hash>& {
    while (held.size() <= loc) held.emplace_back();
    return held[loc];
  };
  std::size_t n_people = 0, n_held = 0;
  // Calls f on each item of the list `key` in the files of dir named prefix*.json.
  const auto each_item = [&](std::string_view prefix, const char* key, const auto& f) {
    for (const std::string& file : files(argv[1], prefix)) {
      rapidjson::Document d;
      const std::string text = read(file);
      d.Parse<kFlags>(text.data(), text.size());
      if (const rapidjson::Value* list = d.HasParseError() ? nullptr : array_at(d, key))
        for (const auto& item : list->GetArray()) f(item);
    }
  };
  each_item("people", "items", [&](const rapidjson::Value& p) {
    const std::optional<Uuid> id = id_uuid(str(p, "id"));
    if (!id) return;
    Person& e = people.add(mix(id->hi, id->lo));
    e.id = *id;
    e.location = location_of(str(p, "locationId"));
    e.extension = ext_number(str(p, "extension"));
    e.calling = e.location != 0;
    ++n_people;
  });
  each_item("numbers", "phoneNumbers", [&](const rapidjson::Value& n) {
    const std::uint32_t ext = ext_number(str(n, "extension"));
    const auto loc = n.IsObject() ? n.FindMember("location") : n.MemberEnd();
    if (!ext || loc == n.MemberEnd() || !loc->value.IsObject()) return;
    Held& e = held_in(location_of(str(loc->value, "id"))).add(mix(0, ext));
    e.location = location_of(str(loc->value, "id"));
    e.extension = ext;
    const auto owner = n.FindMember("owner");  // n is an object: it had a location
    if (owner != n.MemberEnd() && owner->value.IsObject())
      if (const auto id = id_uuid(str(owner->value, "id"))) e.owner = *id;
    ++n_held;
  });

  std::vector<std::string> batch;
  for (const std::string& f : files(argv[2], "")) batch.push_back(read(f));
  if (n_people == 0 || batch.empty()) {
    std::fprintf(stderr, "snapshot_floor: no people pages in %s or no files in %s (run bench/snapshot.sh first)\n",
                 argv[1], argv[2]);
    return 2;
  }
  std::size_t users = 0, findings = 0;
  std::vector<std::optional<Uuid>> ids;
  // 0: parse; 1: and decode each userId; 2: and the lookups, user by user, as a rule walk
  // meets them; 3: the same, each list's people prefetched first.
  const auto pass = [&](int mode) {
    for (const std::string& text : batch) {
      rapidjson::Document d;
      d.Parse<kFlags>(text.data(), text.size());
      const rapidjson::Value* list = mode == 0 || d.HasParseError() ? nullptr : array_at(d, "usersList");
      if (!list) continue;
      for (const auto& item : list->GetArray()) {
        const rapidjson::Value* item_users = array_at(item, "users");
        if (!item_users) continue;
        const std::uint32_t target = location_of(str(item, "locationId"));
        ids.clear();
        if (mode == 3)
          for (const auto& u : item_users->GetArray())
            if (const auto& id = ids.emplace_back(id_uuid(str(u, "userId")))) people.prefetch(mix(id->hi, id->lo));
        std::size_t k = 0;
        for (const auto& u : item_users->GetArray()) {
          ++users;
          const std::optional<Uuid> id = mode == 3 ? ids[k++] : id_uuid(str(u, "userId"));
          if (!id || mode == 1) continue;
          const Person* p = people.find(mix(id->hi, id->lo), [&](const Person& e) { return e.id == *id; });
          if (!p) {
            ++findings;  // 4003
            continue;
          }
          findings += !p->calling + (p->location == target);  // 1026010, 25378
          if (const std::uint32_t ext = ext_number(str(u, "extension")))
            if (const Held* h = target >= held.size() ? nullptr : held[target].find(mix(0, ext), [&](const Held& e) {
                  return e.location == target && e.extension == ext;
                }))
              findings += !(h->owner == *id);  // 4202
        }
      }
    }
  };
  double best[4] = {1e9, 1e9, 1e9, 1e9};
  for (int r = 0; r < reps; ++r)
    for (int mode = 0; mode < 4; ++mode) {
      const double start = cpu_now();
      for (int i = 0; i < passes; ++i) pass(mode);
      best[mode] = std::min(best[mode], (cpu_now() - start) / passes / static_cast<double>(batch.size()) * 1e6);
    }
  const double per_pass = static_cast<double>(users) / reps / passes / 3;  // modes 1 to 3 count users
  std::printf("loaded %zu people, %zu held extensions, %zu locations; %zu files, %.0f users a pass, %zu findings\n",
              n_people, n_held, locations.size(), batch.size(), per_pass, findings / reps / passes / 2);
  const auto ns = [&](double us) { return us * 1e3 * static_cast<double>(batch.size()) / per_pass; };
  std::printf("us a file: parse %.1f; decoding the userIds +%.1f (%.0f ns a user); the lookups +%.1f (%.0f ns a user), "
              "prefetched by list +%.1f (%.0f ns a user)\n",
              best[0], best[1] - best[0], ns(best[1] - best[0]), best[2] - best[1], ns(best[2] - best[1]),
              best[3] - best[1], ns(best[3] - best[1]));
  return 0;
}
