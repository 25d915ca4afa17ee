#include "cli/unknown_command.hpp"

#include "formats/formats.hpp"

namespace wxlint::cli {

std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') return std::nullopt;
  const std::string given = argv[1];
  std::vector<std::string> names;
  std::string list;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == given) return std::nullopt;
    if (sub->get_group().empty()) continue;  // hidden: not suggested nor listed
    names.push_back(sub->get_name());
    list += (list.empty() ? "" : ", ") + sub->get_name();
  }
  const auto best = formats::did_you_mean(given, names);
  return "unknown command \"" + given + "\"" + (best ? " (did you mean \"" + *best + "\"?)" : std::string()) +
         "; commands: " + list;
}

}  // namespace wxlint::cli
