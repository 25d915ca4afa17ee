// The report's way to stdout, checked: a report that did not arrive must not pass for one
// that did (a full disk, a closed stdout, a reader that went away).
#pragma once

#include <streambuf>

namespace wxlint::cli {

// While it lives, std::cout writes to fd 1 through this buffer, which keeps the first
// write error. stdio cannot be asked afterwards: it keeps only a flag, and errno is gone.
// It also puts /dev/null, opened so that every write (or read) fails, on a closed fd 0, 1
// or 2: a file wxlint opens later must never take one of them.
class CheckedStdout : public std::streambuf {
 public:
  CheckedStdout();
  ~CheckedStdout() override;
  CheckedStdout(const CheckedStdout&) = delete;
  CheckedStdout& operator=(const CheckedStdout&) = delete;

  // Flushes; 0, or the errno of the first write to stdout that failed.
  int finish();

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();
  bool write_out(const char* s, std::size_t n);

  char buffer_[1 << 16];
  int error_ = 0;
  std::streambuf* previous_;
};

}  // namespace wxlint::cli
