#include "cli/commands.hpp"
#include "report/display.hpp"

#include <iostream>

namespace wxlint::cli {

void print_error(std::string_view message) {
  std::string scratch;
  std::cerr << "wxlint: " << display::shown(message, display::Mode::terminal, scratch) << "\n";
}

}  // namespace wxlint::cli
