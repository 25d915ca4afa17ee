// The text format: gcc-style lines that editors and problem matchers parse.
#include <wxlint/report.hpp>

#include <charconv>

namespace wxlint {
namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void append_number(std::string& out, std::uint32_t n) {
  char buf[10];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

}  // namespace

std::string to_text(const std::vector<FileReport>& files, bool summary) {
  // Sized first: a report of a large batch runs to megabytes, and growing it costs a
  // copy and fresh pages at every doubling. Then appended piece by piece: a line built
  // from temporaries cost as much again.
  std::size_t size = 64;
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) size += f.path.size() + d.code.size() + d.message.size() + d.rule.size() + 48;
  std::string out;
  out.reserve(size);
  for (const auto& f : files) {
    for (const auto& d : f.diagnostics) {
      out += f.path;
      out += ':';
      append_number(out, d.location.line);
      out += ':';
      append_number(out, d.location.column);
      out += ": ";
      out += to_string(d.severity);
      out += '[';
      out += d.code;
      out += "]: ";
      out += d.message;
      out += " (";
      out += d.rule;
      out += ")\n";
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
