// Errors that stop wxlint from doing its job at all (not findings in a payload).
#pragma once

#include <stdexcept>
#include <string>

namespace wxlint {

namespace detail {
// what() is a C string: a NUL quoted from a file would cut the message short there, so it
// is kept as "\x00", the form the reports give a control character.
inline std::string without_nul(std::string message) {
  for (std::size_t at = message.find('\0'); at != std::string::npos; at = message.find('\0', at + 4))
    message.replace(at, 1, "\\x00");
  return message;
}
}  // namespace detail

// A rule, schema or config file is invalid; what() names the file and the place.
struct ConfigError : std::runtime_error {
  explicit ConfigError(const std::string& message) : std::runtime_error(detail::without_nul(message)) {}
};

// A path could not be read (missing, unreadable, a directory where a file was expected...).
struct IoError : std::runtime_error {
  explicit IoError(const std::string& message) : std::runtime_error(detail::without_nul(message)) {}
};

}  // namespace wxlint
