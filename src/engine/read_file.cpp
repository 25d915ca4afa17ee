// Reading input files: only regular files (and "-" for stdin), so that a directory, a FIFO
// with no writer or a device can never hang or confuse a lint.
#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint {
namespace {

std::string read_fd(int fd, const std::string& name, std::size_t size_hint = 0) {
  std::string out;
  out.reserve(size_hint);
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(name + ": cannot read: " + std::strerror(errno));
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace

std::string read_file(const std::string& path) {
  if (path == "-") return read_fd(STDIN_FILENO, "<stdin>");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw IoError(path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw IoError(path + ": is a directory, not a JSON file");
  if (!S_ISREG(st.st_mode)) throw IoError(path + ": not a regular file (a FIFO, socket or device); use '-' to read a stream from stdin");
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError(path + ": " + std::strerror(errno));
  std::string out;
  try {
    out = read_fd(fd, path, static_cast<std::size_t>(st.st_size));
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return out;
}

}  // namespace wxlint
