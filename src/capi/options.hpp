// The options JSON of wxlint_linter_new*() (include/wxlint/wxlint.h), translated to LinterOptions
// and to the project's Config that the linter is made from.
#pragma once

#include <wxlint/config.hpp>

#include <string>

namespace wxlint::capi {

// The options JSON: LinterOptions, plus where the config and baseline come from.
struct Options {
  wxlint::LinterOptions linter;
  bool has_snapshot = false;
  bool find_config = false;
  std::string config, baseline;  // paths; "" = none
};

// {"settings":{name: JSON}, "disabled":[id], "severities":{id: "error"}, "snapshot":[path],
//  "rules":[path], "region":"US", "config": path | true, "baseline": path} -> Options.
// NULL: the defaults. Throws Failure (WXLINT_E_OPTIONS).
Options parse_options(const char* text);

// The config file's options, overridden member by member by the options JSON's.
wxlint::Config project_config(const Options& o);

}  // namespace wxlint::capi
