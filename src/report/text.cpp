// The text format: gcc-style lines that editors and problem matchers parse.
#include "formats/display.hpp"
#include "report/terminal.hpp"

#include <wxlint/report.hpp>

#include <charconv>
#include <ostream>

namespace wxlint {
namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void append_number(std::string& out, std::uint32_t n) {
  char buf[10];
  out.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// A file's lines, appended piece by piece: a line built from temporaries cost as much again.
// Names, codes and messages in their terminal display form: one finding stays one line.
void append_lines(std::string& out, const FileReport& f) {
  std::string scratch, path_scratch;
  const std::string_view path = display::shown(f.path, display::Mode::terminal, path_scratch);
  auto shown = [&](std::string_view s) { return display::shown(s, display::Mode::terminal, scratch); };
  for (const auto& d : f.diagnostics) {
    out += path;
    out += ':';
    append_number(out, d.location.line);
    out += ':';
    append_number(out, d.location.column);
    out += ": ";
    out += to_string(d.severity);
    out += '[';
    out += shown(d.code);
    out += "]: ";
    out += shown(d.message);
    out += " (";
    out += shown(d.rule);
    out += ")\n";
  }
}

}  // namespace

std::string report::summary_line(const std::vector<FileReport>& files) {
  const Summary s = summarize(files);
  const std::size_t findings = s.errors + s.warnings + s.infos;
  return plural(s.files, "file") + " checked: " +
         (findings == 0 ? std::string("no findings")
                        : plural(s.errors, "error") + ", " + plural(s.warnings, "warning") + ", " + plural(s.infos, "info")) +
         "\n";
}

std::string to_text(const std::vector<FileReport>& files, bool summary) {
  std::string out;
  for (const auto& f : files) append_lines(out, f);
  if (summary) out += report::summary_line(files);
  return out;
}

void write_text(std::ostream& out, const std::vector<FileReport>& files, bool summary) {
  // 64 KB at a time: one buffer, reused, instead of megabytes of fresh pages.
  constexpr std::size_t kChunk = std::size_t{1} << 16;
  std::string buf;
  buf.reserve(2 * kChunk);
  for (const auto& f : files) {
    append_lines(buf, f);
    if (buf.size() >= kChunk) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  if (summary) buf += report::summary_line(files);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace wxlint
