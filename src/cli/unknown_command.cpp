#include "cli/unknown_command.hpp"

#include "formats/formats.hpp"

#include <algorithm>

namespace wxlint::cli {
namespace {

// The visible subcommands of `app` (hidden ones, no group, are neither suggested nor listed).
std::vector<std::string> visible_commands(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  return names;
}

std::string listed(const std::vector<std::string>& names) {
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  return list;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) names.push_back("--" + n);
    for (const auto& n : o->get_snames()) names.push_back("-" + n);
  }
  return names;
}

// "--versio" as the first argument: CLI11 would only say that a subcommand is required.
std::optional<std::string> unknown_top_option(CLI::App& app, const std::string& given) {
  const std::vector<std::string> names = option_names(app);
  const std::string name = given.substr(0, given.find('='));
  for (const auto& n : names)
    if (n == name) return std::nullopt;
  const auto best = formats::did_you_mean(name, names);
  return "unknown option \"" + name + "\"" + (best ? " (did you mean \"" + *best + "\"?)" : std::string()) +
         "; give a command first: " + listed(visible_commands(app));
}

}  // namespace

std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '\0') return std::nullopt;
  if (argv[1][0] == '-') return unknown_top_option(app, argv[1]);
  // Down the commands named ("snapshot inf"): each must be one of its parent's.
  CLI::App* at = &app;
  std::string path;
  int i = 1;
  for (; i < argc && argv[i][0] != '-' && argv[i][0] != '\0'; ++i) {
    const std::string given = argv[i];
    CLI::App* sub = nullptr;
    for (CLI::App* s : at->get_subcommands([](CLI::App*) { return true; }))
      if (s->get_name() == given) sub = s;
    if (sub) {
      path += (path.empty() ? "" : " ") + given;
      if (sub->get_subcommands([](CLI::App*) { return true; }).empty()) return std::nullopt;  // a command's operands follow
      at = sub;
      continue;
    }
    const std::vector<std::string> names = visible_commands(*at);
    const auto best = formats::did_you_mean(given, names);
    const std::string prefix = path.empty() ? "" : path + " ";
    return "unknown command \"" + prefix + given + "\"" +
           (best ? " (did you mean \"" + prefix + *best + "\"?)" : std::string()) + "; commands" +
           (path.empty() ? "" : " of " + path) + ": " + listed(names);
  }
  // "wxlint snapshot" and nothing after it: CLI11 would say "A subcommand is required".
  if (i == argc && at != &app) return "\"" + path + "\" needs a command: " + listed(visible_commands(*at));
  return std::nullopt;
}

std::optional<std::string> unknown_option(CLI::App& app, const CLI::ParseError& error) {
  if (!dynamic_cast<const CLI::ExtrasError*>(&error)) return std::nullopt;
  // "The following arguments were not expected: json --fromat": the first option of them.
  const std::string what = error.what();
  const std::size_t colon = what.find(": ");
  if (colon == std::string::npos) return std::nullopt;
  std::string given;
  for (std::size_t at = colon + 2; at < what.size() && given.empty();) {
    const std::size_t end = std::min(what.find(' ', at), what.size());
    if (what.compare(at, 2, "--") == 0) given = what.substr(at, std::min(what.find('=', at), end) - at);
    at = end + 1;
  }
  if (given.empty()) return std::nullopt;
  // The deepest command given ("snapshot info"), and its path for the message.
  CLI::App* at = &app;
  std::string path;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (CLI::App* sub : at->get_subcommands())
      if (sub->parsed()) at = sub, path += (path.empty() ? "" : " ") + sub->get_name(), deeper = true;
  }
  const auto best = formats::did_you_mean(given, option_names(*at));
  if (!best) return std::nullopt;
  return "unknown option \"" + given + "\"" + (path.empty() ? "" : " for " + path) + " (did you mean \"" + *best +
         "\"?); `wxlint " + (path.empty() ? "" : path + " ") + "--help` lists them";
}

}  // namespace wxlint::cli
