// Reading input files: only regular files (and "-" for stdin), so that a directory, a FIFO
// with no writer or a device can never hang or confuse a lint.
#include "engine/read_file.hpp"

#include "formats/formats.hpp"

#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>

#include <algorithm>
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

// One read(): the bytes read, 0 at the end; EINTR retried, any other failure thrown.
std::size_t read_some(int fd, char* into, std::size_t n, const std::string& name) {
  for (;;) {
    const ssize_t got = ::read(fd, into, n);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno == EINTR) continue;
    // Opened non-blocking: a file of the kernel that waits for data (/proc/kmsg) says so.
    if (errno == EAGAIN || errno == EWOULDBLOCK)
      throw IoError(formats::printable(name) + ": cannot read: it waits for data that may never come (a kernel or device file, not JSON)");
    throw IoError(formats::printable(name) + ": cannot read: " + std::strerror(errno));
  }
}

// Reads straight into the string's buffer, sized from the hint (no bounce buffer), at most
// `limit` bytes. With a size (a regular file) the read stops once that many bytes are in,
// saving the EOF read's syscall: a file that grows meanwhile is read as it was when sized.
std::string read_fd(int fd, const std::string& name, std::size_t size_hint, std::size_t limit = SIZE_MAX) {
  std::string out;
  // +1: EOF without growing. Without a size (stdin), start at 64 KB.
  const std::size_t want = std::min(size_hint > 0 ? size_hint + 1 : std::size_t{1} << 16, limit);
  out.reserve(want);
  if (want >= kHugeBytes) {
    // Untouched yet: the hint applies to the faults resize() takes below.
    const auto begin = reinterpret_cast<std::uintptr_t>(out.data());
    const std::uintptr_t page = 4096, first = (begin + page - 1) / page * page;
    ::madvise(reinterpret_cast<void*>(first), (begin + want - first) / page * page, MADV_HUGEPAGE);
  }
  out.resize(want);
  std::size_t len = 0;
  while (len < limit) {
    if (len == out.size()) out.resize(std::min(out.size() * 2, limit));
    const std::size_t n = read_some(fd, out.data() + len, out.size() - len, name);
    if (n == 0) break;
    len += n;
    if (len == size_hint) break;
  }
  out.resize(len);
  return out;
}

// A stream (stdin) of at most `max` bytes. Past that, the rest is read and counted but not
// kept (`size`, for the report): no stream takes more memory than the limit.
std::optional<std::string> read_stream(int fd, const std::string& name, unsigned long long max, unsigned long long& size) {
  std::string text = read_fd(fd, name, 0, max >= SIZE_MAX ? SIZE_MAX : static_cast<std::size_t>(max) + 1);
  size = text.size();
  if (size <= max) return text;
  text = std::string(std::size_t{1} << 16, '\0');
  while (const std::size_t n = read_some(fd, text.data(), text.size(), name)) size += n;
  return std::nullopt;
}

}  // namespace

std::string read_file(const std::string& path) {
  unsigned long long size = 0;
  return *read_file_within(path, ULLONG_MAX, size);
}

std::optional<std::string> read_file_within(const std::string& path, unsigned long long max, unsigned long long& size) {
  if (path == "-") return read_stream(STDIN_FILENO, "<stdin>", max, size);
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
