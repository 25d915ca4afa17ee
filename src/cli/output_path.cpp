#include "cli/output_path.hpp"

#include <wxlint/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace wxlint::cli {

void refuse_input_as_output(const std::string& output, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0) return;  // a new file is nobody's input
  for (const auto& in : inputs) {
    struct stat st {};
    const bool found = in == "-" ? ::fstat(STDIN_FILENO, &st) == 0 : ::stat(in.c_str(), &st) == 0;
    if (found && st.st_dev == out.st_dev && st.st_ino == out.st_ino)
      throw IoError(output + ": cannot write: it is the input " + (in == "-" ? "<stdin>" : in));
  }
}

void refuse_missing_directory(const std::string& output) {
  const std::filesystem::path dir = std::filesystem::path(output).parent_path();
  struct stat st {};
  if (::stat(dir.empty() ? "." : dir.c_str(), &st) != 0) throw IoError(output + ": cannot write: " + std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) throw IoError(output + ": cannot write: " + std::strerror(ENOTDIR));
}

}  // namespace wxlint::cli
