// The public Snapshot: finding its files, and a shared handle on the loaded store.
#include "snapshot/store.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/snapshot.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sys/stat.h>

namespace wxlint {
namespace {

std::int64_t mtime_of(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_mtime) : 0;
}

// Files as given; directories searched as `wxlint check` searches them (a directory that
// cannot be read is an error: a page missing without a word would make false findings),
// sorted so that pages merge in their order (page-01.json, page-02.json).
std::vector<std::string> snapshot_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::set<std::string> seen;
  auto take = [&](const fs::path& p) {
    std::error_code ec;
    const std::string key = fs::weakly_canonical(p, ec).string();
    if (seen.insert(ec ? p.string() : key).second) out.push_back(p.string());
  };
  for (const auto& p : paths) {
    // "-" reads stdin everywhere else: refused here, where stdin is the payloads' way in.
    if (p == "-") throw IoError("-: a snapshot is read from files, not from stdin: give its files or their directory");
    if (p.empty()) throw IoError("the snapshot path is empty: give its files or their directory");
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      // read_file names a missing or unreadable one; a stream it would send to "-", refused above.
      if (fs::exists(p, ec) && !fs::is_regular_file(p, ec))
        throw IoError(p + ": not a regular file (a FIFO, socket or device): a snapshot is files or their directory");
      take(p);
      continue;
    }
    const ExpandedPaths found = expand_paths({p});
    if (!found.errors.empty()) throw IoError(found.errors.front());
    if (found.files.empty()) throw IoError(p + ": no *.json snapshot files in this directory");
    std::vector<fs::path> sorted(found.files.begin(), found.files.end());
    std::sort(sorted.begin(), sorted.end());  // by component, as before
    for (const auto& f : sorted) take(f);
  }
  return out;
}

}  // namespace

Snapshot::Snapshot() = default;

// One file in memory at a time: a snapshot of 100,000 people is ~1,000 pages.
Snapshot Snapshot::load(const std::vector<std::string>& paths, const std::string& region) {
  const std::vector<std::string> files = snapshot_paths(paths);
  Snapshot s;
  s.store_ = std::make_shared<const snapshot::Store>(
      files.size(), [&](std::size_t i) { return File{files[i], read_file(files[i]), mtime_of(files[i])}; }, region);
  return s;
}

Snapshot Snapshot::from_files(std::vector<File> files, const std::string& region) {
  Snapshot s;
  s.store_ = std::make_shared<const snapshot::Store>(files.size(), [&](std::size_t i) { return files[i]; }, region);
  return s;
}

bool Snapshot::empty() const { return !store_; }

std::vector<Snapshot::KindCount> Snapshot::kinds() const { return store_ ? store_->kinds() : std::vector<KindCount>{}; }

std::optional<std::int64_t> Snapshot::captured_at() const { return store_ ? store_->captured_at() : std::nullopt; }

bool Snapshot::captured_from_manifest() const { return store_ && store_->from_manifest(); }

const std::vector<std::string>& Snapshot::inconsistencies() const {
  static const std::vector<std::string> none;
  return store_ ? store_->inconsistencies() : none;
}

}  // namespace wxlint
