#include "cli/outputs.hpp"
#include "cli/output_path.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <utility>

namespace wxlint::cli {

std::string format_names() {
  std::string out;
  for (const auto& f : output_formats()) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

std::string format_table() {
  std::string out = "Output formats (--format, --output-format):\n";
  for (const auto& f : output_formats()) {
    std::string name(f.name);
    name.resize(8, ' ');
    out += "  " + name + std::string(f.description) + "\n";
  }
  return out;
}

namespace {

std::string times(std::size_t n) { return std::to_string(n) + (n == 1 ? " time" : " times"); }

bool under_github_actions() {
  const char* gha = std::getenv("GITHUB_ACTIONS");
  return gha && std::string_view(gha) == "true";
}

}  // namespace

std::optional<Outputs> plan_outputs(const CheckOptions& o) {
  Outputs plan;
  const Format fallback = under_github_actions() ? Format::github : Format::text;
  // -f and -o pair up in order; one of them alone (or one -f alone) is what it was before.
  const std::size_t nf = o.formats.size(), no = o.outputs.size();
  if (nf != no && !(no == 0 && nf <= 1) && !(nf == 0 && no == 1)) {
    print_error("-f/--format given " + times(nf) + " and -o/--output " + times(no) +
                ": each -f pairs with the -o at the same position (-f sarif -o a.sarif -f junit -o b.xml), "
                "and one -f without -o sets the terminal's format");
    return std::nullopt;
  }
  // The terminal's format: a -f alone, else github under GitHub Actions (-o and
  // --output-format leave it alone alike), else text.
  plan.terminal = no == 0 && nf ? *parse_format(o.formats[0]) : fallback;  // CLI11 checked the names
  bool stdout_taken = no == 0 && nf == 1;  // a -f alone sends its report to standard output
  // The file stdout is redirected to is standard output: written in place, not replaced.
  // nullopt: it is the file stderr is redirected to, said here.
  const auto to_stdout = [](const std::string& path) -> std::optional<bool> {
    if (path == "-") return true;
    const int stream = standard_stream_of(path);
    if (stream != STDERR_FILENO) return stream == STDOUT_FILENO;
    print_error(path + " is the file standard error is written to: a report written there would replace it "
                       "(for standard output: -o -)");
    return std::nullopt;
  };
  for (std::size_t i = 0; i < no; ++i) {
    const Format format = nf ? *parse_format(o.formats[i]) : fallback;
    const std::optional<bool> out = to_stdout(o.outputs[i]);
    if (!out) return std::nullopt;
    if (!*out) {
      plan.files.push_back({format, o.outputs[i]});
    } else if (std::exchange(stdout_taken, true)) {
      print_error("-o: only one report can go to standard output (-)");
      return std::nullopt;
    } else {
      plan.terminal = format;
    }
  }
  std::set<std::string> paths;
  for (const auto& spec : o.output_formats) {
    const std::size_t eq = spec.find('=');
    const auto format = eq == std::string::npos ? std::nullopt : parse_format(spec.substr(0, eq));
    if (!format || eq + 1 == spec.size()) {
      print_error("--output-format takes FORMAT=FILE with FORMAT one of " + format_names() + ", not \"" + spec + "\"");
      return std::nullopt;
    }
    const std::string path = spec.substr(eq + 1);
    const std::optional<bool> out = to_stdout(path);
    if (!out) return std::nullopt;
    if (*out) {
      if (std::exchange(stdout_taken, true)) {
        print_error("--output-format: only one report can go to standard output (-)");
        return std::nullopt;
      }
      plan.terminal = *format;
      continue;
    }
    plan.files.push_back({*format, path});
  }
  for (const auto& f : plan.files) {
    if (!paths.insert(file_identity(f.path)).second) {  // any spelling or link of one file
      print_error("two reports would be written to " + f.path);
      return std::nullopt;
    }
  }
  return plan;
}

namespace {

// The columns of source an excerpt shows on a terminal `columns` wide: what is left beside
// the gutter (" 123 | ") and the "..." at each end.
std::size_t excerpt_width(int fd) {
  constexpr std::size_t kBeside = 16, kNarrowest = 40, kDefault = 100;
  std::size_t columns = 0;
  if (winsize ws{}; ::ioctl(fd, TIOCGWINSZ, &ws) == 0) columns = ws.ws_col;
  if (columns == 0)
    if (const char* c = std::getenv("COLUMNS"); c && *c) columns = std::strtoul(c, nullptr, 10);
  if (columns == 0) return kDefault;
  return std::max(columns, kNarrowest + kBeside) - kBeside;
}

}  // namespace

report::TerminalStyle terminal_style(const CheckOptions& o, int fd) {
  // no-color.org: NO_COLOR set and not empty; FORCE_COLOR set, not empty and not "0".
  const auto env_set = [](const char* name, std::string_view off) {
    const char* v = std::getenv(name);
    return v && *v && std::string_view(v) != off;
  };
  const bool terminal = isatty(fd) != 0;
  report::TerminalStyle style;
  if (o.color == "always") style.color = true;
  else if (o.color == "auto") style.color = env_set("FORCE_COLOR", "0") || (terminal && !env_set("NO_COLOR", ""));
  // Output for a terminal, or forced to look like it, gets the source; -q keeps one line.
  style.excerpts = !o.quiet && (terminal || style.color);
  style.width = excerpt_width(fd);
  return style;
}

void write_terminal_text(const CheckOptions& o, const std::vector<FileReport>& reports, bool summary, std::ostream& out,
                         int fd) {
  const report::TerminalStyle style = terminal_style(o, fd);
  if (!style.color && !style.excerpts) return write_text(out, reports, summary);  // piped: byte for byte as before
  report::write_terminal(out, reports, summary, style, [&o](const std::string& path) -> std::optional<std::string> {
    if (path == "-" || path == o.stdin_filename) return std::nullopt;  // stdin cannot be read twice
    try {
      return read_file(path);
    } catch (const IoError&) {
      return std::nullopt;
    }
  });
}

std::string pause_workflow_commands(std::ostream& out, const std::vector<FileReport>& reports) {
  const bool findings = std::any_of(reports.begin(), reports.end(), [](const FileReport& r) { return !r.diagnostics.empty(); });
  return findings ? pause_workflow_commands(out) : std::string();
}

std::string pause_workflow_commands(std::ostream& out) {
  if (!under_github_actions()) return {};
  std::random_device rd;
  std::string token = "wxlint-";
  for (int i = 0; i < 4; ++i) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
    token += buf;
  }
  out << "::stop-commands::" << token << "\n";
  return "::" + token + "::\n";
}

std::string repository_root() {
  namespace fs = std::filesystem;
  for (const char* name : {"GITHUB_WORKSPACE", "CI_PROJECT_DIR"})
    if (const char* v = std::getenv(name); v && *v) return v;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return cwd.string();
}

}  // namespace wxlint::cli
