// Lints one payload file with the C++ API and prints the JSON report (the CLI's --format json).
// Usage: consumer_cpp FILE [RULES_DIR]. Exit 0 when it ran, 2 when wxlint could not.
#include <wxlint/config.hpp>  // std::span: C++20, from the target
#include <wxlint/linter.hpp>
#include <wxlint/report.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: consumer_cpp FILE [RULES_DIR]\n";
    return 2;
  }
  try {
    // Exceptions thrown inside the shared library must be catchable here by their type.
    try {
      (void)wxlint::Linter::from_directory("/nonexistent/wxlint/rules");
      std::cerr << "expected wxlint::IoError\n";
      return 2;
    } catch (const wxlint::IoError&) {
    }
    const wxlint::Linter linter =
        argc > 2 ? wxlint::Linter::from_directory(argv[2]) : wxlint::Linter::embedded();
    std::cout << wxlint::to_json({linter.lint_file(argv[1])});
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "consumer_cpp: " << e.what() << "\n";
    return 2;
  }
}
