// Reading input files: only regular files (and "-" for stdin), so that a directory, a FIFO
// with no writer or a device can never hang or confuse a lint.
#include "engine/read_file.hpp"

#include "formats/formats.hpp"

#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint {
namespace {

// Past this size a file's buffer asks for huge pages: faulting in a 171 MB text 4 KB at a
// time costs more than reading it.
constexpr std::size_t kHugeBytes = std::size_t{8} << 20;

// Reads straight into the string's buffer, sized from the hint (no bounce buffer).
// With a size (a regular file) the read stops once that many bytes are in, saving
// the EOF read's syscall: a file that grows meanwhile is read as it was when sized.
std::string read_fd(int fd, const std::string& name, std::size_t size_hint = 0) {
  std::string out;
  // +1: EOF without growing. Without a size (stdin), start at 64 KB.
  const std::size_t want = size_hint > 0 ? size_hint + 1 : std::size_t{1} << 16;
  out.reserve(want);
  if (want >= kHugeBytes) {
    // Untouched yet: the hint applies to the faults resize() takes below.
    const auto begin = reinterpret_cast<std::uintptr_t>(out.data());
    const std::uintptr_t page = 4096, first = (begin + page - 1) / page * page;
    ::madvise(reinterpret_cast<void*>(first), (begin + want - first) / page * page, MADV_HUGEPAGE);
  }
  out.resize(want);
  std::size_t len = 0;
  for (;;) {
    if (len == out.size()) out.resize(out.size() * 2);
    const ssize_t n = ::read(fd, out.data() + len, out.size() - len);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      // Opened non-blocking: a file of the kernel that waits for data (/proc/kmsg) says so.
      if (errno == EAGAIN || errno == EWOULDBLOCK)
        throw IoError(formats::printable(name) + ": cannot read: it waits for data that may never come (a kernel or device file, not JSON)");
      throw IoError(formats::printable(name) + ": cannot read: " + std::strerror(errno));
    }
    len += static_cast<std::size_t>(n);
    if (len == size_hint) break;
  }
  out.resize(len);
  return out;
}

}  // namespace

std::string read_file(const std::string& path) {
  unsigned long long size = 0;
  return *read_file_within(path, ULLONG_MAX, size);
}

std::optional<std::string> read_file_within(const std::string& path, unsigned long long max, unsigned long long& size) {
  if (path == "-") return read_fd(STDIN_FILENO, "<stdin>");
  if (path.empty()) throw IoError("a path is empty: name a file");  // an unset variable, most often
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw IoError(formats::printable(path) + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw IoError(formats::printable(path) + ": is a directory, not a JSON file");
  if (!S_ISREG(st.st_mode)) throw IoError(formats::printable(path) + ": not a regular file (a FIFO, socket or device); use '-' to read a stream from stdin");
  size = static_cast<unsigned long long>(st.st_size);
  if (size > max) return std::nullopt;
  // Non-blocking: a FIFO put in the file's place since stat() cannot hang the open, and a
  // kernel file that looks regular but waits for data cannot hang the read.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw IoError(formats::printable(path) + ": " + std::strerror(errno));
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IoError(formats::printable(path) + ": not a regular file (a FIFO, socket or device); use '-' to read a stream from stdin");
  }
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
