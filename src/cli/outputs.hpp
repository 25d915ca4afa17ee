// Where `wxlint check` sends its reports: the terminal (stdout) and any number of files
// (-f/-o, --output-format FORMAT=FILE), and the repository root they name files from.
#pragma once

#include "cli/commands.hpp"
#include "report/terminal.hpp"

#include <wxlint/report.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace wxlint::cli {

struct Outputs {
  Format terminal = Format::text;  // what stdout gets
  struct File {
    Format format;
    std::string path;
  };
  std::vector<File> files;
};

// The plan from the options; nullopt after saying what is wrong (unknown format, a file
// named twice, two reports on stdout).
std::optional<Outputs> plan_outputs(const CheckOptions& o);

// $GITHUB_WORKSPACE, else $CI_PROJECT_DIR (GitLab), else the nearest directory above the
// working directory that holds .git, else the working directory.
std::string repository_root();

// The terminal text's style from --color, NO_COLOR and FORCE_COLOR, whether `fd` (where the
// report goes: stdout, or stderr when --fix - takes stdout) is a terminal and how wide, and
// -q (one line per finding: no excerpts).
report::TerminalStyle terminal_style(const CheckOptions& o, int fd);
// Writes the text format to `out`, whose descriptor is `fd`: as write_text() unless the
// style asks for more.
void write_terminal_text(const CheckOptions& o, const std::vector<FileReport>& reports, bool summary, std::ostream& out,
                         int fd);

// Under GitHub Actions the runner acts on workflow commands in every log line: "::cmd::" at
// a line's start and the legacy "##[cmd]" anywhere. Text lines start with file names and
// quote payload values, so a text report with findings is put between
// "::stop-commands::TOKEN" (written here) and "::TOKEN::" (the returned line, to write after
// it), GitHub's way of printing untrusted text; TOKEN is random, so no input can end the
// pause. "" when nothing is written (not under GitHub Actions, or no findings).
std::string pause_workflow_commands(std::ostream& out, const std::vector<FileReport>& reports);
// The same for any untrusted text about to be printed (--diff's payload lines).
std::string pause_workflow_commands(std::ostream& out);

// "text, json, ...": the format names, for help texts.
std::string format_names();
// "Output formats:" and a line per format (name, description), for `check --help`.
std::string format_table();

}  // namespace wxlint::cli
