#include "cli/projects.hpp"

#include <wxlint/error.hpp>

#include <filesystem>
#include <new>
#include <optional>
#include <system_error>
#include <utility>

namespace wxlint::cli {
namespace {

namespace fs = std::filesystem;

// The command line's options override every config's, as ruff's do.
void apply_overrides(const CheckOptions& o, Config& config) {
  if (!o.allowed_sources.empty()) {
    std::string list;
    for (const auto& s : o.allowed_sources) {
      std::string quoted;
      for (char c : s) quoted += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
      list += (list.empty() ? "\"" : ",\"") + quoted + "\"";
    }
    config.options.settings["allowedSources"] = "[" + list + "]";
    config.origins["allowedSources"] = "--allowed-sources";
  }
  if (!o.snapshot.empty()) config.options.snapshot = o.snapshot;
  config.options.rule_files.insert(config.options.rule_files.end(), o.rules.begin(), o.rules.end());
  if (!o.region.empty()) config.options.region = o.region;
  // A baseline sees every finding; what it leaves is capped afterwards (cap_findings()).
  config.options.list_every_finding = !o.baseline.empty() || !o.generate_baseline.empty();
}

// Equal for options that build the same linter. Each string is length-prefixed: names
// may hold any character.
std::string linter_key(const LinterOptions& options) {
  std::string key;
  const auto add = [&key](const std::string& s) { key += std::to_string(s.size()) + ":" + s; };
  for (const auto& [name, value] : options.settings) add(name), add(value);
  key += '|';
  for (const auto& name : options.disabled) add(name);
  key += '|';
  for (const auto& [name, severity] : options.severities) add(name), key += std::to_string(static_cast<int>(severity));
  key += '|';
  std::error_code ec;
  for (const auto& path : options.snapshot) add(fs::absolute(path, ec).lexically_normal().string());
  key += '|';
  for (const auto& path : options.rule_files) add(fs::absolute(path, ec).lexically_normal().string());
  key += '|';
  add(options.region);
  key += options.list_every_finding ? "|all" : "|";
  return key;
}

}  // namespace

std::string out_of_memory_loading(const std::vector<std::string>& paths) {
  if (paths.empty()) return "out of memory while loading the rules: give wxlint more memory";
  std::string named;
  for (const auto& p : paths) named += (named.empty() ? "" : ", ") + p;
  return "out of memory while loading the org snapshot (" + named +
         "): give wxlint more memory; a snapshot takes about twice its files' size, and a single page "
         "file several times its own while it is read (save the API's pages as they come, not merged)";
}

Projects::Projects(const CheckOptions& o) : options_(o) {
  const auto start = [this](Config config) {
    if (config.base_dir.empty()) config.base_dir = fs::current_path().string();
    linter(projects_[add(std::move(config))].group);
  };
  if (!o.config.empty()) {
    start(load_config(o.config));
    return;
  }
  const std::optional<std::string> found = o.no_config ? std::nullopt : find_config();
  if (!found) {
    start(Config());
    return;
  }
  // Found above the working directory, it serves only the files with none above them (and
  // stdin): a broken one, or one not trusted, is said when such a file comes (assign()).
  try {
    start(load_found_config(*found));
  } catch (const ConfigError& e) {
    unusable_ = e.what();
  } catch (const IoError& e) {
    unusable_ = e.what();
  }
  if (unusable_.empty()) return;
  projects_.clear(), groups_.clear(), by_key_.clear(), by_config_.clear();
  start(Config());
}

std::size_t Projects::add(Config config) {
  apply_overrides(options_, config);
  const auto [at, fresh] = by_key_.emplace(linter_key(config.options), groups_.size());
  if (fresh) groups_.emplace_back();
  Group& group = groups_[at->second];
  if (group.linter) config.check_names(*group.linter);
  group.projects.push_back(projects_.size());
  if (!config.path.empty()) by_config_.emplace(config.path, projects_.size());
  projects_.push_back({std::move(config), at->second});
  return projects_.size() - 1;
}

const Linter& Projects::linter(std::size_t group) {
  Group& g = groups_[group];
  if (!g.linter) {
    const Config& config = projects_[g.projects[0]].config;
    try {
      g.linter = std::make_unique<Linter>(config.make_linter(options_.rules_dir));
    } catch (const std::bad_alloc&) {
      throw OutOfMemory(out_of_memory_loading(config.options.snapshot));
    }
    for (std::size_t i = 1; i < g.projects.size(); ++i) projects_[g.projects[i]].config.check_names(*g.linter);
    g.max_findings_per_rule = g.linter->max_findings_per_rule();
  }
  return *g.linter;
}

std::vector<std::size_t> Projects::assign(const std::vector<std::string>& files) {
  std::vector<std::size_t> out(files.size(), 0);
  if (!options_.config.empty() || options_.no_config) return out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    // Stdin: the config above the name --stdin-filename gives it (an editor's buffer is linted
    // with its file's project), else the working directory's.
    const std::string& path = files[i] == "-" ? options_.stdin_filename : files[i];
    if (path.empty()) continue;
    std::error_code ec;
    const std::string dir = fs::absolute(path, ec).lexically_normal().parent_path().string();
    auto [at, fresh] = by_dir_.emplace(dir, 0);
    if (fresh) {
      if (const auto found = find_config(dir)) {
        const auto known = by_config_.find(*found);
        at->second = known != by_config_.end() ? known->second : add(load_found_config(*found));
      }
    }
    out[i] = at->second;
  }
  for (std::size_t i = 0; i < files.size() && !unusable_.empty(); ++i)
    if (out[i] == 0) throw ConfigError(unusable_);
  return out;
}

}  // namespace wxlint::cli
