// "wxlint chek": CLI11 only says the argument was not expected; name the command meant.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace wxlint::cli {

// The message for a first argument that is no subcommand (nor an option), with the closest
// subcommand when one is close; nullopt when the first argument is fine.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv);

}  // namespace wxlint::cli
