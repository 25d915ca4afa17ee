// The baseline loader (--baseline FILE): any bytes as a baseline file. When it loads, it is
// applied to a lint's findings, and what it writes must load back to the same text.
#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

// One file per process, rewritten for each input: Baseline::load reads a path.
const std::string& scratch_path() {
  static const std::string path = [] {
    char name[] = "/tmp/wxlint-baseline-fuzz-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) std::abort();
    close(fd);
    return std::string(name);
  }();
  return path;
}

void write(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(text.data(), 1, text.size(), f) != text.size() || std::fclose(f) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = scratch_path();
  write(path, std::string(reinterpret_cast<const char*>(data), size));
  try {
    const wxlint::Baseline b = wxlint::Baseline::load(path);
    static const wxlint::Linter linter = wxlint::Linter::embedded();
    std::vector<wxlint::FileReport> reports{
        linter.lint(R"({"usersList": [{"users": [{"userId": "x"}, {"userId": "x"}]}]})", "/tmp/a.json")};
    (void)b.apply(reports);
    const std::string saved = b.to_json();
    write(path, saved);
    if (wxlint::Baseline::load(path).to_json() != saved) std::abort();  // what it writes reads back the same
  } catch (const wxlint::ConfigError&) {
  } catch (const wxlint::IoError&) {
  }
  return 0;
}
