// `wxlint snapshot info`: what an org snapshot holds, how old it is, and what in it
// contradicts itself.
#include "cli/commands.hpp"
#include "cli/named_inputs.hpp"
#include "formats/display.hpp"
#include "report/snapshot_info.hpp"
#include "snapshot/time.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

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
std::optional<Config> project_config(const SnapshotOptions& options) {
  if (!options.paths.empty()) return std::nullopt;
  const std::optional<std::string> found = find_config();
  if (!found) throw ConfigError("no snapshot given: pass its files or directories (no .wxlint.json here or above)");
  Config config = load_found_config(*found);
  if (config.options.snapshot.empty())
    throw ConfigError("no snapshot given: pass its files or directories (" + *found + " names none)");
  config.check_snapshot_paths();
  return config;
}

void info_text(const Snapshot& s, std::int64_t now, std::ostream& out) {
  std::size_t files = 0;
  for (const auto& k : s.kinds()) files += k.files;
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
  // A partial snapshot (one locations page of four) has one per person: the first few tell
  // what is wrong, and the summary above stays in sight.
  constexpr std::size_t kListed = 100;
  for (std::size_t i = 0; i < problems.size() && i < kListed; ++i)
    out << "  " << display::shown(problems[i], display::Mode::terminal) << "\n";
  if (problems.size() > kListed)
    out << "  ... and " << problems.size() - kListed << " more (`wxlint snapshot info -f json` lists them all)\n";
}

}  // namespace

int run_snapshot_info(const SnapshotOptions& given) {
  refuse_bad_region(given.region);
  SnapshotOptions options = given;
  const std::optional<Config> config = project_config(given);
  if (config) {
    options.paths = config->options.snapshot;
    if (options.region.empty()) options.region = config->options.region;
  }
  const Snapshot s = [&] {
    try {
      return Snapshot::load(options.paths, options.region);
    } catch (const std::bad_alloc&) {
      throw OutOfMemory(out_of_memory_loading(options.paths));
    } catch (const IoError& e) {
      if (const auto place = config ? config->snapshot_place(e.what()) : std::nullopt)
        throw ConfigError(*place + ": " + e.what());
      throw;
    }
  }();
  const std::int64_t now = snapshot::now_seconds();
  if (options.format == "json") std::cout << snapshot_info_json(s, now);
  else info_text(s, now, std::cout);
  return s.inconsistencies().empty() ? kExitClean : kExitFindings;
}

}  // namespace wxlint::cli
