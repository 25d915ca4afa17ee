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
#include <string_view>
#include <unistd.h>

namespace wxlint::cli {

namespace {

// Whether `name` is an executable file in a directory of $PATH: the script's "#!/usr/bin/env
// python3" finds it there, and without it env fails with its own message and 127.
bool on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "";
  while (true) {
    const std::size_t colon = rest.find(':');
    const std::string dir(rest.substr(0, colon));
    if (::access(((dir.empty() ? std::string(".") : dir) + "/" + name).c_str(), X_OK) == 0) return true;
    if (colon == std::string_view::npos) return false;
    rest.remove_prefix(colon + 1);
  }
}

}  // namespace

void run_snapshot_pull(const std::vector<std::string>& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw IoError("snapshot pull: cannot find wxlint's own path: " + ec.message());
  const std::string script = (self.parent_path() / "wxlint-snapshot-pull").string();
  std::vector<char*> argv{const_cast<char*>(script.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  if (!on_path("python3"))
    throw IoError("snapshot pull: python3 is not on PATH: `wxlint snapshot pull` runs " + script +
                  ", a Python 3 script (standard library only); install python3 (Debian: apt-get install python3)");
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
