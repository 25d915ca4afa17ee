// Expanding the paths of a lint run into files, as `wxlint check` does.
#include <wxlint/config.hpp>

#include "formats/formats.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sys/stat.h>

namespace wxlint {
namespace {

namespace fs = std::filesystem;

// `top` and the directories below it, not following links to directories and skipping
// hidden ones, and hidden files (an editor's lock file ".#a.json", a link to nowhere). A
// directory that cannot be read is an error, and the walk goes on; so is a
// *.json that is no file to read (a broken link, a FIFO): skipped, it would be a payload
// or a snapshot page missing without a word.
// .wxlint.json configures the run: it is no payload (named, `check` passes over the configs it uses).
void search(const fs::path& top, std::vector<std::string>& found, std::vector<std::string>& errors) {
  std::vector<fs::path> pending{top};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code ignored;
      const std::string name = it->path().filename().string();
      if (name.size() > 1 && name[0] == '.') continue;
      if (it->is_symlink(ignored) || !it->is_directory(ignored)) {
        if (it->path().extension() != ".json" || name == kConfigFileName) continue;
        if (it->is_regular_file(ignored)) {  // the entry's own type, mostly: no system call
          found.push_back(it->path().string());
          continue;
        }
        std::error_code bad;
        const fs::file_status st = fs::status(it->path(), bad);  // through links, to say why not
        const std::string shown = formats::printable(it->path().string());  // a name may hold a line break
        if (bad == std::errc::no_such_file_or_directory)
          errors.push_back(shown + ": a link to " + formats::printable(fs::read_symlink(it->path(), ignored).string()) +
                           ", which does not exist");
        else if (bad) errors.push_back(shown + ": cannot read: " + bad.message());
        else if (!fs::is_directory(st))
          errors.push_back(shown + ": not a regular file (a FIFO, socket or device): cannot read it as JSON");
      } else {
        pending.push_back(it->path());
      }
    }
    if (ec) errors.push_back(formats::printable(dir.string()) + ": cannot read directory: " + ec.message());
  }
}

}  // namespace

ExpandedPaths expand_paths(const std::vector<std::string>& paths) {
  ExpandedPaths out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p == "-" || !fs::is_directory(p, ec)) {
      out.files.push_back(p);  // read_file() reports what is wrong with it
      continue;
    }
    std::vector<std::string> found, errors;
    search(p, found, errors);
    std::sort(found.begin(), found.end());
    std::sort(errors.begin(), errors.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
    out.errors.insert(out.errors.end(), errors.begin(), errors.end());
  }
  return out;
}

void drop_repeated_files(std::vector<std::string>& files) {
  std::set<std::pair<dev_t, ino_t>> seen;
  std::erase_if(files, [&](const std::string& f) {
    struct stat st {};
    return f != "-" && ::stat(f.c_str(), &st) == 0 && !seen.emplace(st.st_dev, st.st_ino).second;
  });
}

void drop_snapshot_files(std::vector<std::string>& files, const std::vector<std::string>& snapshot) {
  if (snapshot.empty()) return;
  std::vector<fs::path> roots;
  std::error_code ec;
  for (const auto& s : snapshot) roots.push_back(fs::weakly_canonical(s, ec));
  // Resolving a path costs a system call per component: each directory is resolved once, and
  // only a file that is itself a link is resolved whole.
  std::map<fs::path, fs::path> dirs;
  const auto resolved = [&](const fs::path& f) {
    const fs::path name = f.filename();
    if (name.empty() || name == "." || name == ".." || fs::is_symlink(f, ec)) return fs::weakly_canonical(f, ec);
    auto [at, fresh] = dirs.try_emplace(f.parent_path());
    if (fresh) at->second = fs::weakly_canonical(f.has_parent_path() ? f.parent_path() : fs::path("."), ec);
    return at->second / name;
  };
  std::erase_if(files, [&](const std::string& f) {
    if (f == "-") return false;
    const fs::path p = resolved(f);
    for (const auto& r : roots) {
      auto [end, rest] = std::mismatch(r.begin(), r.end(), p.begin(), p.end());
      if (end == r.end()) return true;  // the root itself or inside it
    }
    return false;
  });
}

}  // namespace wxlint
