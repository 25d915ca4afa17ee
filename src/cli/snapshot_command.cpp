// `wxlint snapshot info`: what an org snapshot holds, how old it is, and what in it
// contradicts itself.
#include "cli/commands.hpp"
#include "report/display.hpp"
#include "snapshot/time.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <new>
#include <optional>
#include <ostream>
#include <string>

namespace wxlint::cli {

namespace {

// Without paths, the project's snapshot: the one the nearest config names, as `check` uses it.
SnapshotOptions with_config_paths(SnapshotOptions options) {
  if (!options.paths.empty()) return options;
  const std::optional<std::string> found = find_config();
  if (!found) throw ConfigError("no snapshot given: pass its files or directories (no .wxlint.json here or above)");
  const Config config = load_config(*found);
  if (config.options.snapshot.empty())
    throw ConfigError("no snapshot given: pass its files or directories (" + *found + " names none)");
  config.check_snapshot_paths();
  options.paths = config.options.snapshot;
  if (options.region.empty()) options.region = config.options.region;
  return options;
}

std::size_t pages(const Snapshot& s) {
  std::size_t files = 0;
  for (const auto& k : s.kinds()) files += k.files;
  return files;
}

void info_text(const Snapshot& s, std::int64_t now, std::ostream& out) {
  const std::size_t files = pages(s);
  out << "snapshot: " << files << (files == 1 ? " page" : " pages") << " of " << s.kinds().size()
      << (s.kinds().size() == 1 ? " kind" : " kinds");
  if (auto at = s.captured_at()) {
    const long long days = (now - *at) / 86400;
    // A file's time ahead of the clock (a copy from a machine whose clock runs fast).
    const std::string age = *at > now ? "in the future" : std::to_string(days) + (days == 1 ? " day" : " days") + " ago";
    out << ", captured " << snapshot::format_time(*at) << " (" << age << ", from "
        << (s.captured_from_manifest() ? "the manifest" : "the files' modification time") << ")";
  } else {
    out << ", capture time unknown";
  }
  out << "\n";
  for (const auto& k : s.kinds()) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-20s %6zu %-5s %8zu %s\n", k.kind.c_str(), k.files, k.files == 1 ? "page" : "pages",
                  k.items, k.items == 1 ? "item" : "items");
    out << line;
  }
  const auto& problems = s.inconsistencies();
  if (problems.empty()) {
    out << "no inconsistencies found\n";
    return;
  }
  out << problems.size() << (problems.size() == 1 ? " inconsistency:\n" : " inconsistencies:\n");
  // File names and owner names come from outside: shown as the other reports show them.
  for (const auto& p : problems) out << "  " << display::shown(p, display::Mode::terminal) << "\n";
}

// The same for scripts (docs/snapshot.md). Text that is not UTF-8 (a file's name) gets its
// display form, as in the JSON report.
std::string info_json(const Snapshot& s, std::int64_t now) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  std::string scratch;
  const auto text = [&](std::string_view v) { display::write_string(w, v, scratch); };
  w.StartObject();
  w.Key("pages");
  w.Uint64(pages(s));
  w.Key("kinds");
  w.StartArray();
  for (const auto& k : s.kinds()) {
    w.StartObject();
    w.Key("kind");
    text(k.kind);
    w.Key("pages");
    w.Uint64(k.files);
    w.Key("items");
    w.Uint64(k.items);
    w.EndObject();
  }
  w.EndArray();
  if (const std::optional<std::int64_t> at = s.captured_at()) {
    w.Key("capturedAt");
    text(snapshot::format_time(*at));
    w.Key("capturedFrom");
    text(s.captured_from_manifest() ? "manifest" : "files");
    w.Key("ageSeconds");  // negative: captured after this clock's now
    w.Int64(now - *at);
  } else {
    for (const char* key : {"capturedAt", "capturedFrom", "ageSeconds"}) w.Key(key), w.Null();
  }
  w.Key("inconsistencies");
  w.StartArray();
  for (const auto& p : s.inconsistencies()) text(p);
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace

int run_snapshot_info(const SnapshotOptions& given) {
  const SnapshotOptions options = with_config_paths(given);
  const Snapshot s = [&] {
    try {
      return Snapshot::load(options.paths, options.region);
    } catch (const std::bad_alloc&) {
      throw OutOfMemory(out_of_memory_loading(options.paths));
    }
  }();
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  if (options.format == "json") std::cout << info_json(s, now);
  else info_text(s, now, std::cout);
  return s.inconsistencies().empty() ? kExitClean : kExitFindings;
}

}  // namespace wxlint::cli
