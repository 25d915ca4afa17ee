// Shared by the rules and schema harnesses: a scratch catalogue directory holding the
// embedded files, one of which the fuzz input replaces before Linter::from_directory.
#pragma once

#include "engine/embedded.hpp"

#include <wxlint/linter.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fuzz {

inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "wxlint-fuzz-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    std::filesystem::path d(tmpl);
    std::filesystem::create_directories(d / "rules");
    std::filesystem::create_directories(d / "schemas");
    for (const auto& f : wxlint::embedded::files()) std::ofstream(d / std::string(f.name)) << f.text;
    return d;
  }();
  return dir;
}

// Lints a small payload with a catalogue whose file `name` (e.g. "rules/x.rules.json")
// is the fuzz input. Config errors are expected; anything else is a finding.
inline void run(const std::uint8_t* data, std::size_t size, const std::string& name, const char* payload) {
  const auto& dir = scratch_dir();
  std::ofstream(dir / name, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                       static_cast<std::streamsize>(size));
  try {
    wxlint::Linter linter = wxlint::Linter::from_directory(dir.string());
    (void)linter.lint(payload, "payload.json");
    (void)linter.rules();
  } catch (const wxlint::ConfigError&) {
  } catch (const wxlint::IoError&) {
  }
}

}  // namespace fuzz
