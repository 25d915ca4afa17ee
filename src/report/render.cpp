#include "report/display.hpp"

#include <wxlint/report.hpp>

#include <algorithm>
#include <map>

namespace wxlint {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "github") return Format::github;
  if (name == "junit") return Format::junit;
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
  switch (format) {
    case Format::json: return to_json(files);
    case Format::sarif: return to_sarif(files, ctx);
    case Format::github: return to_github(files);
    case Format::junit: return to_junit(files);
    case Format::text: break;
  }
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
    width = std::max(width, rows.back().second.first.size());
  }
  // Most frequent first; ties by code, so the output is stable.
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (const auto& [n, key] : rows) {
    std::string count = std::to_string(n), code = key.first;
    count.insert(0, count.size() < 6 ? 6 - count.size() : 0, ' ');
    code.resize(width, ' ');
    out += count + "  " + code + "  " + key.second + "\n";
  }
  if (rows.empty()) out = "no findings\n";
  return out;
}

}  // namespace wxlint
