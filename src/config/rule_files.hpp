// The rule files a configuration layers on top of the catalogue ("rules": ["policy/*.rules.json"]).
#pragma once

#include <string>
#include <vector>

namespace wxlint {

// The regular files under base_dir whose '/'-separated path relative to it matches `pattern`
// (glob_match's syntax), sorted; a pattern without wildcards names one path, which need not exist.
std::vector<std::string> glob_files(const std::string& pattern, const std::string& base_dir);

// The schema file a rule file that adds an operation names ("operation": {"schema": ...}, a
// path beside it), or "" (none, or a file that does not read: loading it says why).
std::string schema_beside(const std::string& rule_file);

}  // namespace wxlint
