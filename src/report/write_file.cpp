// Atomic writes for --output and baselines: a reader (or a crash, even SIGKILL) sees the old
// file or the new one, whole; nothing but a regular file is ever replaced.
#include "report/write_file.hpp"

#include "engine/file_kind.hpp"

#include <wxlint/error.hpp>
#include <wxlint/report.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw IoError(path + ": cannot write: " + why);
}
[[noreturn]] void fail_errno(const std::string& path) { fail(path, std::strerror(errno)); }

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The file that gets replaced: `path` itself, or the file a symbolic link there leads to
// (the link stays a link). `exists` is set when it exists; it is then a regular file.
struct Target {
  std::string dir, name;
  bool exists = false;
  struct stat st {};
};

Target target_of(const std::string& path) {
  Target t;
  std::string real = path;
  if (::lstat(path.c_str(), &t.st) == 0) {
    t.exists = true;
    if (S_ISLNK(t.st.st_mode)) {
      char* resolved = ::realpath(path.c_str(), nullptr);
      if (!resolved) {
        // /dev/stdout on a pipe: /proc's link names no path, yet it leads somewhere.
        if (errno == ENOENT && ::stat(path.c_str(), &t.st) == 0 && !S_ISREG(t.st.st_mode))
          fail(path, std::string("it is ") + file_kind(t.st.st_mode) + ", not a regular file (for standard output: -o -)");
        if (errno == ENOENT) fail(path, "it is a symbolic link to a file that does not exist");
        fail_errno(path);
      }
      real = resolved;
      std::free(resolved);
      if (::stat(real.c_str(), &t.st) != 0) fail_errno(path);
    }
    if (!S_ISREG(t.st.st_mode)) fail(path, std::string("it is ") + file_kind(t.st.st_mode) + ", not a regular file");
  } else if (errno != ENOENT) {
    fail_errno(path);
  }
  const auto slash = real.rfind('/');
  t.dir = slash == std::string::npos ? "." : slash == 0 ? "/" : real.substr(0, slash);
  t.name = slash == std::string::npos ? real : real.substr(slash + 1);
  if (t.name.empty() || t.name == "." || t.name == "..") fail(path, "it names a directory, not a file");
  return t;
}

// The replaced file's owner and mode, where this process may set them. Set-id bits stay only
// with their owner, and group bits only with their group.
void keep_owner_and_mode(int fd, const struct stat& old, const std::string& path) {
  struct stat now {};
  if (::fstat(fd, &now) != 0) fail_errno(path);
  if (now.st_uid != old.st_uid || now.st_gid != old.st_gid) {
    if (::fchown(fd, old.st_uid, old.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), old.st_gid);
    if (::fstat(fd, &now) != 0) fail_errno(path);
  }
  mode_t mode = old.st_mode & 0777;
  if (now.st_uid == old.st_uid && now.st_gid == old.st_gid) mode = old.st_mode & 07777;
  if (now.st_gid != old.st_gid) mode &= ~mode_t{070};
  if (::fchmod(fd, mode) != 0) fail_errno(path);
}

void write_all(int fd, const std::string& text, const std::string& path) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_errno(path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) fail_errno(path);
}

// Within NAME_MAX (255) whatever the name's length: "." + at most 200 bytes + ".wxlint-" + 8 hex
// digits + ".tmp". Random at every try: names that share their first 200 bytes, written by
// -j's threads at once, must not meet (O_EXCL and link() refuse a name in use anyway). No
// other file is ever removed: a user's ".NAME.tmp" is theirs.
std::string temp_name(const Target& t) {
  static thread_local std::mt19937 random{std::random_device{}()};
  char digits[9];
  std::snprintf(digits, sizeof digits, "%08x", static_cast<unsigned>(random()));
  return "." + t.name.substr(0, 200) + ".wxlint-" + digits + ".tmp";
}

// Gives an O_TMPFILE file a temporary name: by fd (which may need CAP_DAC_READ_SEARCH), else
// through /proc/self/fd. Empty when neither works here.
std::string link_unnamed(int file, int dir, const Target& t) {
  const std::string by_proc = "/proc/self/fd/" + std::to_string(file);
  for (int tries = 0; tries < 100; ++tries) {
    const std::string tmp = temp_name(t);
    if (::linkat(file, "", dir, tmp.c_str(), AT_EMPTY_PATH) == 0) return tmp;
    if (errno == EEXIST) continue;
    if (::linkat(AT_FDCWD, by_proc.c_str(), dir, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0) return tmp;
    if (errno != EEXIST) break;
  }
  return {};
}

// Writes the new file in `dir` and returns its temporary name, for rename().
std::string write_temp(int dir, const Target& t, const std::string& text, const std::string& path) {
  const auto fill = [&](int fd) {
    if (t.exists) keep_owner_and_mode(fd, t.st, path);
    write_all(fd, text, path);
  };
  // Unnamed until it is complete: a process killed before the link leaves nothing behind.
  Fd unnamed(::openat(dir, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666));
  if (unnamed.get() >= 0) {
    fill(unnamed.get());
    std::string tmp = link_unnamed(unnamed.get(), dir, t);
    if (!tmp.empty()) return tmp;
  }
  // No O_TMPFILE on this filesystem (or no way to name one): a named file, removed on failure.
  std::string tmp;
  int fd = -1;
  for (int tries = 0; fd < 0 && tries < 100; ++tries) {
    tmp = temp_name(t);
    fd = ::openat(dir, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) fail_errno(path);
  }
  if (fd < 0) fail(path, "no free temporary file name");
  Fd named(fd);
  try {
    fill(fd);
  } catch (...) {
    ::unlinkat(dir, tmp.c_str(), 0);
    throw;
  }
  return tmp;
}

}  // namespace

void refuse_unreplaceable(const std::string& path) { (void)target_of(path); }

void write_file_atomically(const std::string& path, const std::string& text) {
  const Target t = target_of(path);
  Fd dir(::open(t.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) fail_errno(path);
  const std::string tmp = write_temp(dir.get(), t, text, path);
  if (::renameat(dir.get(), tmp.c_str(), dir.get(), t.name.c_str()) != 0) {
    const int error = errno;
    ::unlinkat(dir.get(), tmp.c_str(), 0);
    fail(path, std::strerror(error));
  }
  (void)::fsync(dir.get());  // the rename itself survives a power loss
}

}  // namespace wxlint
