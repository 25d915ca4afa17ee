#include "cli/named_inputs.hpp"
#include "formats/numbering_plan.hpp"

#include <wxlint/error.hpp>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace wxlint::cli {
namespace {

void refuse_missing(const std::string& option, const std::string& path, bool directory = false) {
  if (path.empty() || path == "-") return;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw IoError(option + " " + path + ": " + std::strerror(errno));
  if (directory && !S_ISDIR(st.st_mode)) throw IoError(option + " " + path + ": not a directory");
}

void refuse_missing_rules(const std::string& rules_dir, const std::vector<std::string>& rules) {
  refuse_missing("--rules-dir", rules_dir, true);
  for (const auto& r : rules) refuse_missing("--rules", r);
}

}  // namespace

void refuse_missing_inputs(const CheckOptions& o) {
  refuse_missing("--config", o.config);
  refuse_missing("--baseline", o.baseline);
  refuse_missing_rules(o.rules_dir, o.rules);
  for (const auto& s : o.snapshot) refuse_missing("--snapshot", s);
}

void refuse_missing_inputs(const RulesOptions& o) {
  refuse_missing("--config", o.config);
  refuse_missing_rules(o.rules_dir, o.rules);
}

void refuse_bad_region(const std::string& region) {
  if (region.empty()) return;
  if (const auto problem = formats::plan::region_problem(region)) throw ConfigError("--region: " + *problem);
}

}  // namespace wxlint::cli
