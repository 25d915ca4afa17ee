// `wxlint snapshot pull`: runs the wxlint-snapshot-pull script installed beside wxlint (in
// the build tree and in the install prefix's bin/). Taking a snapshot needs HTTP; linting
// does not, so wxlint links no HTTP client and its start does not grow.
#include "cli/commands.hpp"

#include <wxlint/error.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace wxlint::cli {

void run_snapshot_pull(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw IoError("snapshot pull: cannot find wxlint's own path: " + ec.message());
  const std::string script = (self.parent_path() / "wxlint-snapshot-pull").string();
  std::vector<char*> argv{const_cast<char*>(script.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  // The script checks the pulled pages with this very wxlint.
  ::setenv("WXLINT_EXECUTABLE", self.c_str(), 1);
  std::cout.flush();
  std::signal(SIGPIPE, SIG_DFL);  // main() ignores it; an ignored signal stays ignored across exec
  ::execv(script.c_str(), argv.data());
  const int error = errno;
  throw IoError(script + ": cannot run it (" + std::strerror(error) +
                "): `wxlint snapshot pull` runs this script, installed beside wxlint");
}

}  // namespace wxlint::cli
