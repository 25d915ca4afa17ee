// What CLI11 would misread in argv, set right before it parses. "--snapshot=$UNSET": it takes
// an option written "--name=" with nothing after the "=" as if the value were the next
// argument, so a path meant as a payload became the snapshot; such an option is passed on as
// "--name" and "", for its own check of an empty value. And "--" (below).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace wxlint::cli {

// argv with each "--name=" of an option that takes a value (of any subcommand) split in two,
// and a value of only the option's delimiters ("--select ,") made "", which CLI11 would take
// as no value and take the next argument instead; flags, and all after a bare "--", as given.
std::vector<std::string> split_empty_values(const CLI::App& app, int argc, char** argv);

// The operands after a bare "--", taken out of args (with the "--"): CLI11 gives them to its
// parent once the command has an operand, which refuses them (`check a.json -- -b.json`). The
// caller adds them to the command's own. `snapshot pull` keeps all, for its script.
std::vector<std::string> take_after_marker(std::vector<std::string>& args);

}  // namespace wxlint::cli
