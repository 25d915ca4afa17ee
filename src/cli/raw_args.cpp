#include "cli/raw_args.hpp"

#include <algorithm>
#include <string_view>

namespace wxlint::cli {
namespace {

// The option `--name` names, of any subcommand, when it takes a value.
const CLI::Option* taking_value(const CLI::App& app, std::string_view name) {
  for (const CLI::Option* o : app.get_options())
    if (o->check_lname(std::string(name.substr(2))) && o->get_items_expected_max() > 0) return o;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (const CLI::Option* o = taking_value(*sub, name)) return o;
  return nullptr;
}

// "" or only the option's delimiters (--select ,): no item, so CLI11 would take the next argument.
bool no_item(const CLI::Option& o, std::string_view value) {
  const char d = o.get_delimiter();
  return std::all_of(value.begin(), value.end(), [d](char c) { return d != '\0' && c == d; });
}

}  // namespace

std::vector<std::string> split_empty_values(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> out(argv, argv + argc);
  for (std::size_t i = 1; i < out.size() && out[i] != "--"; ++i) {
    if (out[i].size() < 3 || !out[i].starts_with("--")) continue;
    const std::size_t eq = out[i].find('=');
    const std::string name = out[i].substr(0, eq);
    const CLI::Option* o = taking_value(app, name);
    if (!o) continue;
    if (eq != std::string::npos) {
      if (!no_item(*o, std::string_view(out[i]).substr(eq + 1))) continue;
      out[i] = name;
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(++i), std::string());
    } else if (i + 1 < out.size() && !out[i + 1].empty() && no_item(*o, out[i + 1])) {
      out[++i].clear();
    }
  }
  return out;
}

std::vector<std::string> take_after_marker(std::vector<std::string>& args) {
  const auto marker = std::find(args.begin(), args.end(), "--");
  const auto pull = std::find(args.begin(), marker, "pull");
  if (marker == args.end() || (pull != marker && pull != args.begin() && pull[-1] == "snapshot")) return {};
  std::vector<std::string> operands(marker + 1, args.end());
  args.erase(marker, args.end());
  return operands;
}

}  // namespace wxlint::cli
