#include "report/columns.hpp"
#include "formats/display.hpp"

#include <wxlint/report.hpp>

#include <algorithm>
#include <map>

namespace wxlint {

namespace {
std::string json_writer(const std::vector<FileReport>& files, const ReportContext& ctx) {
  return to_json(files, ctx.not_linted);
}
std::string text_writer(const std::vector<FileReport>& files, const ReportContext& ctx) { return to_text(files, ctx.summary); }
}  // namespace

const std::vector<FormatInfo>& output_formats() {
  static const std::vector<FormatInfo> kFormats = {
      {"text", Format::text, text_writer, "FILE:LINE:COL: SEVERITY[CODE]: message (rule-id) for people, editors and problem matchers"},
      {"json", Format::json, json_writer, "the stable JSON contract for other tools"},
      {"sarif", Format::sarif, to_sarif, "SARIF 2.1.0 for GitHub code scanning and SARIF viewers"},
      {"github", Format::github, to_github, "GitHub Actions workflow commands: annotations on the pull request"},
      {"gitlab", Format::gitlab, to_gitlab, "GitLab Code Quality report (artifacts:reports:codequality)"},
      {"junit", Format::junit, to_junit, "JUnit XML for CI test report views (GitLab, Jenkins, Azure)"},
  };
  return kFormats;
}

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& f : output_formats())
    if (f.name == name) return f.format;
  return std::nullopt;
}

Summary summarize(const std::vector<FileReport>& files) {
  Summary s;
  s.files = files.size();
  for (const auto& f : files) {
    s.errors += f.count(Severity::error);
    s.warnings += f.count(Severity::warning);
    s.infos += f.count(Severity::info);
  }
  return s;
}

std::string render_report(Format format, const std::vector<FileReport>& files, const ReportContext& ctx) {
  for (const auto& f : output_formats())
    if (f.format == format) return f.write(files, ctx);
  return to_text(files, ctx.summary);
}

std::string to_statistics(const std::vector<FileReport>& files) {
  std::map<std::pair<std::string, std::string>, std::size_t> counts;  // (code, rule) -> count
  for (const auto& f : files)
    for (const auto& d : f.diagnostics) counts[{d.code, d.rule}] += d.unlisted ? d.unlisted : 1;  // as FileReport::count()
  std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>> rows;
  std::size_t width = 4;
  for (const auto& [key, n] : counts) {
    // Codes and rule ids come from rule files: shown as the text format shows them.
    rows.push_back({n, {display::shown(key.first, display::Mode::terminal), display::shown(key.second, display::Mode::terminal)}});
    width = std::max(width, display::columns(rows.back().second.first));
  }
  // Most frequent first; ties by code, so the output is stable.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (const auto& [n, key] : rows) {
    std::string count = std::to_string(n), code = key.first;
    count.insert(0, count.size() < 6 ? 6 - count.size() : 0, ' ');
    code.append(width - display::columns(code), ' ');  // columns, not bytes: a code may be 规则
    out += count + "  " + code + "  " + key.second + "\n";
  }
  if (rows.empty()) out = "no findings\n";
  return out;
}

}  // namespace wxlint
