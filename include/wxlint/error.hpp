// Errors that stop wxlint from doing its job at all (not findings in a payload).
#pragma once

#include <stdexcept>
#include <string>

namespace wxlint {

// A rule, schema or config file is invalid; what() names the file and the place.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A path could not be read (missing, unreadable, a directory where a file was expected...).
struct IoError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace wxlint
