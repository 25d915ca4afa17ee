// The junit format: CI systems (GitLab, Jenkins, Azure) show test reports, not lint
// reports, so each file is a testsuite and each finding a failing testcase. A clean file
// gets one passing testcase so that it still shows up.
#include "formats/display.hpp"

#include <wxlint/report.hpp>

#include <algorithm>
#include <cstdio>

namespace wxlint {
namespace {

// XML 1.0 forbids most control characters even as references, and U+FFFE and U+FFFF: show
// them as \uXXXX. C1 controls are allowed, as references (no raw C1 byte reaches a terminal
// that shows the file). Bytes outside valid UTF-8 get their display form (\xNN).
std::string xml(std::string_view text) {
  std::string scratch, out;
  const std::string_view s = display::shown(text, display::Mode::utf8, scratch);
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto next = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    char buf[12];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else if (c == 0xC2 && next(1) < 0xA0) {  // C2 80..9F: U+0080..U+009F
          std::snprintf(buf, sizeof buf, "&#x%x;", next(1));
          out += buf;
          ++i;
        } else if (c == 0xEF && next(1) == 0xBF && (next(2) == 0xBE || next(2) == 0xBF)) {
          out += next(2) == 0xBE ? "\\ufffe" : "\\uffff";
          i += 2;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string attr(const char* name, std::string_view value) {
  return std::string(" ") + name + "=\"" + xml(value) + "\"";
}

std::string place(const FileReport& f, const Diagnostic& d) {
  return f.path + ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
}

}  // namespace

std::string to_junit(const std::vector<FileReport>& files, const ReportContext& ctx) {
  // Only findings that fail the run (--fail-on) fail a test: a warning-only file passes
  // when the exit code is 0, its findings shown as the testcase's output.
  const auto fails = [&ctx](const Diagnostic& d) { return d.severity >= ctx.fail_on; };
  std::size_t failures = 0, tests = 0;
  for (const auto& f : files) {
    tests += f.diagnostics.empty() ? 1 : f.diagnostics.size();
    failures += static_cast<std::size_t>(std::count_if(f.diagnostics.begin(), f.diagnostics.end(), fails));
  }
  const std::size_t errors = ctx.not_linted.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attr("name", "wxlint") + attr("tests", std::to_string(tests + errors)) +
         attr("failures", std::to_string(failures)) + attr("errors", std::to_string(errors)) + ">\n";
  // Files not linted (exit 2): errors, not a clean run.
  if (errors) {
    out += "  <testsuite" + attr("name", "not linted") + attr("tests", std::to_string(errors)) + attr("failures", "0") +
           attr("errors", std::to_string(errors)) + ">\n";
    for (const auto& why : ctx.not_linted)
      out += "    <testcase" + attr("name", why) + attr("classname", "wxlint") + ">\n      <error" +
             attr("message", why) + attr("type", "not linted") + "/>\n    </testcase>\n";
    out += "  </testsuite>\n";
  }
  for (const auto& f : files) {
    const std::size_t n = f.diagnostics.size();
    const auto failing = static_cast<std::size_t>(std::count_if(f.diagnostics.begin(), f.diagnostics.end(), fails));
    out += "  <testsuite" + attr("name", f.path) + attr("tests", std::to_string(n ? n : 1)) +
           attr("failures", std::to_string(failing)) + attr("errors", "0") + ">\n";
    if (n == 0) out += "    <testcase" + attr("name", "wxlint") + attr("classname", f.path) + "/>\n";
    for (const auto& d : f.diagnostics) {
      const std::string where = place(f, d);
      out += "    <testcase" + attr("name", d.code + " " + d.rule + " at " + (d.location.pointer.empty() ? "/" : d.location.pointer)) +
             attr("classname", f.path) + attr("file", f.path) + attr("line", std::to_string(d.location.line)) + ">\n";
      const std::string text =
          xml(where + ": " + std::string(to_string(d.severity)) + "[" + d.code + "]: " + d.message + " (" + d.rule + ")") +
          xml("\npointer: " + d.location.pointer);
      if (fails(d))
        out += "      <failure" + attr("message", where + ": " + d.message) + attr("type", to_string(d.severity)) + ">" + text +
               "</failure>\n";
      else
        out += "      <system-out>" + text + "</system-out>\n";
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace wxlint
