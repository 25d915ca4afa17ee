// The text format: gcc-style lines that editors and problem matchers parse.
#include <wxlint/report.hpp>

namespace wxlint {
namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string to_text(const std::vector<FileReport>& files, bool summary) {
  std::string out;
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      out += f.path + ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": ";
      out += std::string(to_string(d.severity)) + "[" + d.code + "]: " + d.message + " (" + d.rule + ")\n";
    }
  }
  if (summary) {
    Summary s = summarize(files);
    std::size_t findings = s.errors + s.warnings + s.infos;
    out += plural(s.files, "file") + " checked: " +
           (findings == 0 ? std::string("no findings")
                          : plural(s.errors, "error") + ", " + plural(s.warnings, "warning") + ", " + plural(s.infos, "info")) +
           "\n";
  }
  return out;
}

}  // namespace wxlint
