// Internal: file names relative to the repository root, for the formats that CI services
// map back to files in the repository (sarif, github, gitlab). They need no "../".
#pragma once

#include <optional>
#include <string>

namespace wxlint::report {

// `path` relative to `root` ('/'-separated), or nullopt when it is not under it.
// root "" = the working directory.
std::optional<std::string> under_root(const std::string& path, const std::string& root);
// `path` made absolute and normalised, '/'-separated.
std::string absolute_path(const std::string& path);
// `path` relative to the root when it is under it, else absolute: never "../".
std::string repository_path(const std::string& path, const std::string& root);

}  // namespace wxlint::report
