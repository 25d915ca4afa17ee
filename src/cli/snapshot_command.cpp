// `wxlint snapshot info`: what an org snapshot holds, how old it is, and what in it
// contradicts itself.
#include "cli/commands.hpp"
#include "report/display.hpp"
#include "snapshot/time.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/snapshot.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <new>

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
  std::size_t files = 0;
  for (const auto& k : s.kinds()) files += k.files;
  std::cout << "snapshot: " << files << (files == 1 ? " page" : " pages") << " of " << s.kinds().size()
            << (s.kinds().size() == 1 ? " kind" : " kinds");
  if (auto at = s.captured_at()) {
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const long long days = (now - *at) / 86400;
    // A file's time ahead of the clock (a copy from a machine whose clock runs fast).
    const std::string age = *at > now ? "in the future" : std::to_string(days) + (days == 1 ? " day" : " days") + " ago";
    std::cout << ", captured " << snapshot::format_time(*at) << " (" << age << ", from "
              << (s.captured_from_manifest() ? "the manifest" : "the files' modification time") << ")";
  } else {
    std::cout << ", capture time unknown";
  }
  std::cout << "\n";
  for (const auto& k : s.kinds()) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-20s %6zu %-5s %8zu %s\n", k.kind.c_str(), k.files, k.files == 1 ? "page" : "pages",
                  k.items, k.items == 1 ? "item" : "items");
    std::cout << line;
  }
  const auto& problems = s.inconsistencies();
  if (problems.empty()) {
    std::cout << "no inconsistencies found\n";
    return kExitClean;
  }
  std::cout << problems.size() << (problems.size() == 1 ? " inconsistency:\n" : " inconsistencies:\n");
  // File names and owner names come from outside: shown as the other reports show them.
  for (const auto& p : problems) std::cout << "  " << display::shown(p, display::Mode::terminal) << "\n";
  return kExitFindings;
}

}  // namespace wxlint::cli
