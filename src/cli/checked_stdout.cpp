#include "cli/checked_stdout.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

namespace wxlint::cli {
namespace {

void hold_closed_std_fds() {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    // The wrong direction: reading stdout or writing stdin fails with EBADF, as if closed.
    const int held = ::open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY));
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

}  // namespace

CheckedStdout::CheckedStdout() {
  hold_closed_std_fds();
  setp(buffer_, buffer_ + sizeof buffer_);
  previous_ = std::cout.rdbuf(this);
}

CheckedStdout::~CheckedStdout() {
  drain();
  std::cout.rdbuf(previous_);
}

int CheckedStdout::finish() {
  std::cout.flush();
  drain();
  return error_;
}

bool CheckedStdout::write_out(const char* s, std::size_t n) {
  while (n > 0 && error_ == 0) {
    const ssize_t w = ::write(STDOUT_FILENO, s, n);
    if (w < 0) {
      if (errno != EINTR) error_ = errno;
      continue;
    }
    s += w;
    n -= static_cast<std::size_t>(w);
  }
  return error_ == 0;
}

// After an error the rest is dropped: the exit code and the message say the report is lost.
bool CheckedStdout::drain() {
  const bool ok = write_out(pbase(), static_cast<std::size_t>(pptr() - pbase()));
  setp(buffer_, buffer_ + sizeof buffer_);
  return ok;
}

CheckedStdout::int_type CheckedStdout::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize CheckedStdout::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  // Bigger than what is left: out with the buffer, then this straight from the caller.
  if (!drain()) return 0;
  if (size < sizeof buffer_) return xsputn(s, n);
  return write_out(s, size) ? n : 0;
}

int CheckedStdout::sync() { return drain() ? 0 : -1; }

}  // namespace wxlint::cli
