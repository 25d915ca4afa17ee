// Shell completions (bash, zsh, fish) and a man page, generated from the command-line
// definitions themselves, so they never disagree with `--help`.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace wxlint::cli {

// nullopt for a shell it does not know.
std::optional<std::string> completion_script(const CLI::App& app, const std::string& shell);
std::string man_page(const CLI::App& app);

}  // namespace wxlint::cli
