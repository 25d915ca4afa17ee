// The junit format: CI systems (GitLab, Jenkins, Azure) show test reports, not lint
// reports, so each file is a testsuite and each finding a failing testcase. A clean file
// gets one passing testcase so that it still shows up.
#include <wxlint/report.hpp>

#include <cstdio>

namespace wxlint {
namespace {

// XML 1.0 forbids most control characters even as references: show them as \uXXXX.
std::string xml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
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
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
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

std::string to_junit(const std::vector<FileReport>& files) {
  Summary s = summarize(files);
  std::size_t failures = s.errors + s.warnings + s.infos, tests = 0;
  for (const auto& f : files) tests += f.diagnostics.empty() ? 1 : f.diagnostics.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites" + attr("name", "wxlint") + attr("tests", std::to_string(tests)) +
         attr("failures", std::to_string(failures)) + attr("errors", "0") + ">\n";
  for (const auto& f : files) {
    const std::size_t n = f.diagnostics.size();
    out += "  <testsuite" + attr("name", f.path) + attr("tests", std::to_string(n ? n : 1)) +
           attr("failures", std::to_string(n)) + attr("errors", "0") + ">\n";
    if (n == 0) out += "    <testcase" + attr("name", "wxlint") + attr("classname", f.path) + "/>\n";
    for (const auto& d : f.diagnostics) {
      const std::string where = place(f, d);
      out += "    <testcase" + attr("name", d.code + " " + d.rule + " at " + (d.location.pointer.empty() ? "/" : d.location.pointer)) +
             attr("classname", f.path) + attr("file", f.path) + attr("line", std::to_string(d.location.line)) + ">\n";
      out += "      <failure" + attr("message", where + ": " + d.message) + attr("type", to_string(d.severity)) + ">" +
             xml(where + ": " + std::string(to_string(d.severity)) + "[" + d.code + "]: " + d.message + " (" + d.rule + ")") +
             xml("\npointer: " + d.location.pointer) + "</failure>\n";
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace wxlint
