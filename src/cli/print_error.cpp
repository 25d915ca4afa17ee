#include "cli/commands.hpp"
#include "formats/display.hpp"

#include <iostream>

namespace wxlint::cli {

// A message may list several problems, one a line (a rule file's schema failures): each is
// its own line on stderr, shown as the text format shows it.
void print_error(std::string_view message) {
  std::string scratch;
  for (std::size_t start = 0;;) {
    const std::size_t end = message.find('\n', start);
    const std::string_view line = message.substr(start, end == std::string_view::npos ? end : end - start);
    std::cerr << "wxlint: " << display::shown(line, display::Mode::terminal, scratch) << "\n";
    if (end == std::string_view::npos || end + 1 == message.size()) return;
    start = end + 1;
  }
}

}  // namespace wxlint::cli
