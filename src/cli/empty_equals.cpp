#include "cli/empty_equals.hpp"

#include <algorithm>
#include <string_view>

namespace wxlint::cli {
namespace {

bool takes_value(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* o : app.get_options())
    if (o->check_lname(name.substr(2)) && o->get_items_expected_max() > 0) return true;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (takes_value(*sub, name)) return true;
  return false;
}

}  // namespace

std::vector<std::string> split_empty_values(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> out(argv, argv + argc);
  for (std::size_t i = 1; i < out.size() && out[i] != "--"; ++i) {
    const std::string& a = out[i];
    if (a.size() < 4 || !a.starts_with("--") || a.find('=') != a.size() - 1) continue;
    std::string name = a.substr(0, a.size() - 1);
    if (!takes_value(app, name)) continue;
    out[i] = std::move(name);
    out.insert(out.begin() + static_cast<std::ptrdiff_t>(++i), std::string());
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
