// The configuration each file of a `wxlint check` run is linted with: the nearest
// .wxlint.json above the file, as ruff and eslint find theirs, so that
// `cd /tmp && wxlint check ~/proj/payloads` uses the project's. Each is loaded once.
#pragma once

#include "cli/commands.hpp"

#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace wxlint::cli {

struct Project {
  Config config;          // with the command line's overrides applied
  std::size_t group = 0;  // the projects of a group share one linter
};

class Projects {
 public:
  // Project 0: the working directory's config (--config's; none with --no-config). It
  // serves stdin without --stdin-filename and the files with no .wxlint.json above them,
  // as ruff's does. Its linter is built at once; a found one that is broken or not trusted
  // is an error only for the files it would serve (assign()).
  explicit Projects(const CheckOptions& o);

  // The project of each file, by index; loads the configs not seen yet. With --config or
  // --no-config every file is in project 0.
  std::vector<std::size_t> assign(const std::vector<std::string>& files);

  const std::vector<Project>& all() const { return projects_; }
  std::size_t groups() const { return groups_.size(); }
  // The group's linter, built on first use; an unknown rule, setting or operation in one of
  // its configs is a ConfigError at its place.
  const Linter& linter(std::size_t group);
  // Frees it: a catalogue is a megabyte or two, and a run may span many projects.
  void release(std::size_t group) { groups_[group].linter.reset(); }
  // The group's setting maxFindingsPerRule, kept once its linter was built.
  std::size_t max_findings_per_rule(std::size_t group) const { return groups_[group].max_findings_per_rule; }

 private:
  std::size_t add(Config config);

  // Configs that differ only in what a linter does not hold (ignores, operation globs)
  // share one: a nested config that only ignores a few files costs no second catalogue.
  struct Group {
    std::vector<std::size_t> projects;
    std::unique_ptr<Linter> linter;
    std::size_t max_findings_per_rule = SIZE_MAX;
  };
  const CheckOptions options_;  // a copy: the projects outlive the run (Leftovers)
  std::vector<Project> projects_;
  std::vector<Group> groups_;
  std::map<std::string, std::size_t> by_key_;     // linter options -> group
  std::map<std::string, std::size_t> by_config_;  // config path -> project
  std::map<std::string, std::size_t> by_dir_;     // a linted file's directory -> project
  // Why the working directory's config cannot be used ("" when it can): said by assign() for
  // a file that would take it.
  std::string unusable_;
};

}  // namespace wxlint::cli
