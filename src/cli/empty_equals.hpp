// "--snapshot=$UNSET": CLI11 takes an option written "--name=" with nothing after the "=" as
// if the value were the next argument, so a path meant as a payload became the snapshot.
// Such an option is passed on as "--name" and "", for its own check of an empty value.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace wxlint::cli {

// argv with each "--name=" of an option that takes a value (of any subcommand) split in two;
// flags, and everything after a bare "--", as given.
std::vector<std::string> split_empty_values(const CLI::App& app, int argc, char** argv);

}  // namespace wxlint::cli
