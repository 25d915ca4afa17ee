#include "cli/output_path.hpp"

#include "report/write_file.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint::cli {
namespace fs = std::filesystem;

namespace {

// Whether `path` is `dir` or below it; both made absolute, symbolic links resolved as far as
// they exist.
bool inside(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec), d = fs::weakly_canonical(dir, ec);
  return !ec && std::mismatch(d.begin(), d.end(), p.begin(), p.end()).first == d.end();
}

}  // namespace

void refuse_input_as_output(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  const bool exists = ::stat(output.c_str(), &out) == 0;
  for (const auto& in : inputs) {
    struct stat st {};
    const bool found = in == "-" ? ::fstat(STDIN_FILENO, &st) == 0 : ::stat(in.c_str(), &st) == 0;
    if (!found) continue;
    if (exists && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      throw IoError(output + ": cannot write: it is the input " + (in == "-" ? "<stdin>" : in));
    if (S_ISDIR(st.st_mode) && inside(output, in))
      throw IoError(output + ": cannot write: it is inside the input directory " + in);
  }
}

void refuse_unwritable(const std::string& output) {
  const fs::path dir = fs::path(output).parent_path();
  struct stat st {};
  if (::stat(dir.empty() ? "." : dir.c_str(), &st) != 0) throw IoError(output + ": cannot write: " + std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) throw IoError(output + ": cannot write: " + std::strerror(ENOTDIR));
  // The atomic write makes a file beside it: found now, before --fix writes anything.
  if (::access(dir.empty() ? "." : dir.c_str(), W_OK | X_OK) != 0)
    throw IoError(output + ": cannot write into its directory: " + std::strerror(errno));
  refuse_unreplaceable(output);
}

void refuse_replacing_non_baseline(const std::string& output) {
  struct stat st {};
  if (::stat(output.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return;
  try {
    Baseline::load(output);
  } catch (const IoError& e) {
    throw IoError(output + ": cannot write the baseline: the file is there and cannot be read to tell whether it is one (" +
                  e.what() + "); remove it, or name another file");
  } catch (const std::exception& e) {
    throw IoError(output + ": cannot write the baseline: the file is there and is not a baseline (" + e.what() +
                  "); remove it, or name another file");
  }
}

int standard_stream_of(const std::string& output) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return -1;
  for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_dev == out.st_dev && st.st_ino == out.st_ino) return fd;
  }
  return -1;
}

std::string file_identity(const std::string& path) {
  fs::path p = path;
  std::error_code ec;
  for (int links = 0; links < 40 && fs::is_symlink(p, ec); ++links) {  // 40: Linux's limit
    const fs::path to = fs::read_symlink(p, ec);
    if (ec) break;
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  struct stat st {};
  if (::stat(p.c_str(), &st) == 0) return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
  p = fs::absolute(p, ec);
  return (fs::weakly_canonical(p.parent_path(), ec) / p.filename()).string();
}

}  // namespace wxlint::cli
