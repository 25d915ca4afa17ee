// The github format: workflow commands that GitHub Actions turns into annotations on the
// pull request. Escaping follows actions/toolkit (command.ts): data escapes % \r \n,
// properties additionally : and , (percent first, so nothing is escaped twice). The runner
// turns %0A and %0D back into line breaks in the annotation, and a file name back into the
// file. The other controls have no such escape: they are shown in the terminal display form
// (\x1b, \u009b), as the text format shows them, since runner logs are terminals.
#include "formats/display.hpp"
#include "report/root_path.hpp"

#include <wxlint/report.hpp>

namespace wxlint {
namespace {

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: break;
  }
  return "notice";
}

std::string escape(std::string_view s, bool property) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string github_escape_data(std::string_view s) { return escape(s, false); }
std::string github_escape_property(std::string_view s) { return escape(s, true); }

std::string to_github(const std::vector<FileReport>& files, const ReportContext& ctx) {
  std::string out;
  // After the toolkit's escapes no CR or LF is left for the display form to show.
  auto shown = [](const std::string& s) { return display::shown(s, display::Mode::terminal); };
  for (const auto& f : files) {
    // The runner resolves names against the repository root: no "../" (docs/output-formats.md).
    const std::string file =
        shown(github_escape_property(ctx.base_dir.empty() ? f.path : report::repository_path(f.path, ctx.base_dir)));
    for (const auto& d : f.diagnostics) {
      const Location& l = d.location;
      out += "::" + std::string(command(d.severity)) + " file=" + file;
      if (l.line > 0) {
        out += ",line=" + std::to_string(l.line);
        if (l.end_line >= l.line) out += ",endLine=" + std::to_string(l.end_line);
        // Columns only within one line: GitHub's annotations take them only when the start
        // and end lines are the same.
        if (l.end_line <= l.line) {
          if (l.column > 0) out += ",col=" + std::to_string(l.column);
          if (l.end_column > 0) out += ",endColumn=" + std::to_string(l.end_column);
        }
      }
      out += ",title=" + shown(github_escape_property(d.code + " " + d.rule));
      out += "::" + shown(github_escape_data(d.message)) + "\n";
    }
  }
  // A path that was not linted is an error of the run, not of a file's line: the job's
  // summary shows it, as the other formats say it.
  for (const auto& why : ctx.not_linted) out += "::error title=not linted::" + shown(github_escape_data(why)) + "\n";
  return out;
}

}  // namespace wxlint
