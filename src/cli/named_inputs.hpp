// The files and directories options name (--config, --baseline, --rules, --snapshot,
// --rules-dir): one that is not there is named by its option, before anything is loaded.
// Without the option's name, a missing --baseline read as a missing payload.
#pragma once

#include "cli/commands.hpp"

namespace wxlint::cli {

// Throw IoError ("--config x.json: No such file or directory", "--rules-dir x: not a
// directory"). "" and "-" (stdin) are left to where they are read.
void refuse_missing_inputs(const CheckOptions& o);
void refuse_missing_inputs(const RulesOptions& o);
// Throw ConfigError ("--region: ...") for a --region the numbering plans do not know: said as
// the option, not as a config's "region".
void refuse_bad_region(const std::string& region);

}  // namespace wxlint::cli
