#include <wxlint/report.hpp>

namespace wxlint {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
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
    case Format::text: break;
  }
  return to_text(files, ctx.summary);
}

}  // namespace wxlint
