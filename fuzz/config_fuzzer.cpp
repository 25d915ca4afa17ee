// The config loader (.wxlint.json): parse and validate; when it loads, build its linter
// and apply its ignores. The text before the first newline also runs as a glob against
// the rest, since globs are matched against file names and pointers from input data.
#include <wxlint/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (auto nl = text.find('\n'); nl != std::string::npos)
    (void)wxlint::glob_match(std::string_view(text).substr(0, nl), std::string_view(text).substr(nl + 1));
  try {
    wxlint::Config config = wxlint::parse_config(text, "fuzz/.wxlint.json", "fuzz");
    // Snapshot paths from the input would walk the file system ("/"): the snapshot_fuzzer
    // feeds the loader instead.
    config.options.snapshot.clear();
    wxlint::Linter linter = config.make_linter();
    std::vector<wxlint::FileReport> reports{linter.lint(R"({"usersList": [{"users": [{}]}]})", "fuzz/a.json")};
    (void)config.apply_ignores(reports);
  } catch (const wxlint::ConfigError&) {
  } catch (const wxlint::IoError&) {
  }
  return 0;
}
