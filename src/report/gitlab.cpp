// The gitlab format: a GitLab Code Quality report (artifacts:reports:codequality), which
// merge requests show as a widget and in the diff. GitLab reads description, check_name,
// fingerprint (unique per finding: it tells new findings from old), severity and
// location.path (relative to the repository root) with location.lines.begin.
#include "formats/display.hpp"
#include "report/fingerprints.hpp"
#include "report/root_path.hpp"

#include <wxlint/report.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>


namespace wxlint {
namespace {

// GitLab's scale is info, minor, major, critical, blocker.
std::string_view severity(Severity s) {
  switch (s) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: break;
  }
  return "info";
}

}  // namespace

std::string to_gitlab(const std::vector<FileReport>& files, const ReportContext& ctx) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  std::string scratch;
  auto str = [&w, &scratch](std::string_view s) { display::write_string(w, s, scratch); };
  w.StartArray();
  for (const auto& f : files) {
    const std::string path = report::repository_path(f.path, ctx.base_dir);
    const std::vector<std::string> prints = report::fingerprints(f, path);  // as SARIF's
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      const Diagnostic& d = f.diagnostics[i];
      w.StartObject();
      w.Key("description"); str(d.code + " " + d.message);
      w.Key("check_name"); str(d.rule);
      w.Key("fingerprint"); str(prints[i]);
      w.Key("severity"); str(severity(d.severity));
      w.Key("location");
      w.StartObject();
      w.Key("path"); str(path);
      w.Key("lines");
      w.StartObject();
      w.Key("begin"); w.Uint(d.location.line ? d.location.line : 1);
      w.EndObject();
      w.EndObject();
      w.EndObject();
    }
  }
  w.EndArray();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace wxlint
