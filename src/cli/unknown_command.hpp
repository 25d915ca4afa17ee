// "wxlint chek": CLI11 only says the argument was not expected; name the command meant.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace wxlint::cli {

// The message for a first argument that is no subcommand (nor an option), with the closest
// subcommand when one is close; nullopt when the first argument is fine.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv);

// After a parse that failed on an argument not expected ("--formt"): the message with the
// closest option of the command that was given, when one is close; nullopt otherwise (CLI11's
// own message stands).
std::optional<std::string> unknown_option(CLI::App& app, const CLI::ParseError& error);

}  // namespace wxlint::cli
