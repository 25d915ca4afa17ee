// Lints many files on a small thread pool. Results land in input order, so the report is
// the same for any -j; a progress line on stderr keeps long runs from looking stuck.
#include "cli/lint_files.hpp"
#include "cli/unified_diff.hpp"

#include <wxlint/report.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>

namespace wxlint::cli {
namespace {

class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO) == 1) {}
  bool shown_anywhere() const { return tty_; }
  void show(std::size_t done) {
    using namespace std::chrono;
    if (!tty_) return;
    if (!shown_ && total_ <= 50 && steady_clock::now() - start_ < seconds(1)) return;
    std::fprintf(stderr, "\rwxlint: %zu/%zu files checked", done, total_);
    std::fflush(stderr);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r\033[K");  // leave the terminal as it was
  }

 private:
  std::size_t total_;
  bool tty_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// The atomic rename needs only the directory's permission: a file that may not be written
// (0444, or another's) is refused instead. Root may write anything, so its mode decides then.
void refuse_read_only(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return;  // write_file_atomically says why
  const bool writable = ::access(path.c_str(), W_OK) == 0;
  const int why = errno;
  if (writable && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) return;
  // Writable by its mode, yet not to us: immutable (chattr +i), or a read-only mount.
  if (!writable && why != EACCES) throw IoError(path + ": cannot write: " + std::strerror(why));
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  throw IoError(path + ": cannot write: it is read-only (mode " + mode + "); make it writable to fix it");
}

// What tells a file changed since it was read: another program's save must not be written over.
struct Stamp {
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = 0;
  std::int64_t mtime_s = 0, mtime_ns = 0, ctime_s = 0, ctime_ns = 0;
  bool operator==(const Stamp&) const = default;
};
std::optional<Stamp> stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return Stamp{st.st_dev, st.st_ino, st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ctim.tv_sec, st.st_ctim.tv_nsec};
}

// The name --diff gives a file: a symbolic link's target, which --fix writes and which git
// apply and patch change (they refuse a link, or take it for the link itself); and a name
// that goes up ("../x.json") as the file it names.
std::string diff_name(const std::string& path, const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (path == "-") return name;
  const bool link = fs::is_symlink(path, ec);
  const fs::path given(name);
  // "../x.json" is no name git apply or patch -p1 takes: outside the working directory, the
  // absolute name is given (its leading '/' dropped, as git does).
  if (!link && std::find(given.begin(), given.end(), fs::path("..")) == given.end()) return name;
  const fs::path target = link ? fs::weakly_canonical(path, ec) : fs::absolute(path, ec).lexically_normal();
  const fs::path cwd = fs::current_path(ec);
  if (ec) return name;
  const fs::path rel = target.lexically_proximate(cwd);
  return (rel.empty() || *rel.begin() == ".." ? target : rel).generic_string();
}

// --fix and --diff: the file is written only when a fix applied, and never with --diff.
void fix_one(const Linter& linter, const std::string& path, const std::string& name, const std::string& operation,
             const LintSetup& setup, const LintJob& job, LintOutcome& out) {
  const bool is_stdin = path == "-";
  const std::optional<Stamp> read_at = is_stdin ? std::nullopt : stamp_of(path);
  FileReport too_large;
  std::optional<std::string> read = linter.read_within_limit(path, too_large);
  if (!read) {  // reported, not fixed
    out.report = std::move(too_large);
    // Its text was not kept: printing nothing would pass as an empty fixed text down a pipe.
    if (is_stdin && !job.diff)
      out.error = "<stdin>: not fixed: larger than the setting maxFileSize, its text was not kept, and nothing is "
                  "written to standard output";
    return;
  }
  std::string text = std::move(*read);
  Linter::FixFilter shown;
  if (job.shown && setup.config) shown = [&](FileReport& r) { job.shown(*setup.config, r); };
  FixResult r = linter.fix(job.diff ? text : std::move(text), name, job.unsafe_fixes, operation, shown);
  if (job.diff) {
    out.diff = unified_diff(diff_name(path, name), text, r.text, r.changes);
  } else if (is_stdin) {
    out.fixed_stdin = std::move(r.text);
  } else if (r.applied) {
    try {
      refuse_read_only(path);
      if (stamp_of(path) != read_at)
        throw IoError(path + ": not fixed: it changed while wxlint was fixing it; run --fix again");
      write_file_atomically(path, r.text);
    } catch (const IoError& e) {
      // Not written: its findings are those of the file as it is, shown beside the reason.
      out.error = e.what();
      out.report = linter.lint_file(path, operation);
      return;
    }
  }
  out.fixes_applied = r.applied;  // counted once written
  out.fixes_deferred = r.deferred;
  out.fixes_undone = r.undone;
  out.report = std::move(r.report);
}

void lint_one(const std::string& path, const LintSetup& setup, const LintJob& job, LintOutcome& out) {
  try {
    const Linter& linter = *setup.linter;
    const std::string name = path == "-" ? (job.stdin_name.empty() ? "<stdin>" : job.stdin_name) : path;
    std::string operation = job.operation;
    if (operation.empty() && setup.config && (path != "-" || !job.stdin_name.empty())) operation = setup.config->operation_for(name);
    if (job.fix || job.diff)
      fix_one(linter, path, name, operation, setup, job, out);
    else
      out.report = linter.lint_file(path, operation);
    if (out.report) out.report->path = name;
  } catch (const IoError& e) {
    out.error = e.what();
  } catch (const std::bad_alloc&) {
    // The other files may still fit: this one is reported, as an unreadable one is.
    out.error = (path == "-" ? std::string("<stdin>") : path) +
                ": out of memory while linting it; lint it alone (-j 1) or with more memory";
  } catch (...) {
    out.failure = std::current_exception();
  }
}

}  // namespace

std::vector<LintOutcome> lint_files(const std::vector<std::string>& paths, const std::vector<LintSetup>& setups,
                                    const LintJob& job) {
  std::vector<LintOutcome> out(paths.size());
  unsigned jobs = job.jobs ? job.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, paths.size()));
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex m;
  std::condition_variable cv;
  Progress progress(paths.size());
  const bool watched = progress.shown_anywhere();
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      lint_one(paths[i], setups[i], job, out[i]);
      if (!watched) continue;
      done.fetch_add(1);
      cv.notify_one();
    }
  };
  // Without a terminal this thread lints too instead of waiting: -j1 starts no thread.
  std::vector<std::thread> pool;
  pool.reserve(jobs);
  try {
    for (unsigned t = watched ? 0 : 1; t < jobs; ++t) pool.emplace_back(worker);
  } catch (const std::system_error&) {
    // Fewer threads than asked (a process or memory limit): those started, and this one when
    // none was, lint every file all the same.
  }
  if (watched && !pool.empty()) {
    // This thread only reports progress; a missed notification costs at most 100 ms.
    // It does not wake per file otherwise: a wake-up costs as much as a small file.
    std::unique_lock lock(m);
    while (true) {
      const std::size_t n = done.load();
      progress.show(n);
      if (n >= paths.size()) break;
      cv.wait_for(lock, std::chrono::milliseconds(100));
    }
  } else {
    worker();
  }
  for (auto& t : pool) t.join();
  for (auto& o : out)
    if (o.failure) std::rethrow_exception(o.failure);
  return out;
}

}  // namespace wxlint::cli
