// Internal: the text format as a terminal shows it: colour, and under each finding the
// source line with carets under the value (as rustc and ruff show), long lines clipped
// around the column. Output that is not for a terminal uses write_text() unchanged.
#pragma once

#include <wxlint/diagnostic.hpp>

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::report {

struct TerminalStyle {
  bool color = false;
  bool excerpts = false;
  std::size_t width = 100;  // columns of source shown around a finding
};

// A file's text for the excerpts; nullopt when it cannot be had again (stdin).
using SourceOf = std::function<std::optional<std::string>(const std::string& path)>;

void write_terminal(std::ostream& out, const std::vector<FileReport>& files, bool summary, const TerminalStyle& style,
                    const SourceOf& source);

// The excerpts of a file's findings (sorted by place, as FileReport keeps them), one per
// finding, each "  LINE | source\n       | ^^^\n"; "" for a finding with no line. One pass
// over the text whatever the number of findings on a line.
std::vector<std::string> excerpts(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                                  const TerminalStyle& style);

// The text format's closing line ("3 files checked: ...\n").
std::string summary_line(const std::vector<FileReport>& files);

}  // namespace wxlint::report
