// The rule catalogue: every rule wxlint can report, with its documentation.
#pragma once

#include <wxlint/diagnostic.hpp>

#include <map>
#include <string>
#include <vector>

namespace wxlint {

struct RuleDoc {
  std::string id;           // "move-users/number-or-extension"
  std::string code;         // "1026016"
  Severity severity = Severity::error;
  std::string operation;    // operationId, or "" for rules that apply to every file
  std::string check;        // check kind, "builtin" for the parser and schema layers
  std::string summary;      // one line
  std::string message;      // the finding's message template, with {placeholders}
  std::string description;  // what it means and how to fix it
  std::string fail_example; // JSON text that triggers the rule ("" if none)
  std::string pass_example; // JSON text that does not
  std::string fix;          // the fix its findings offer ("" = none), see docs/fixes.md
  std::map<std::string, std::string> example_settings;  // settings the examples assume (LinterOptions::settings)
  std::map<std::string, std::string> example_snapshot;  // the org snapshot the examples assume: file name -> JSON text
  // The rule file it comes from, as named (a policy file, or a --rules-dir file); "" for the
  // rules wxlint ships, which its docs/rules.md documents.
  std::string file;
};

struct OperationDoc {
  std::string id;           // operationId
  std::string method, path, summary;
  std::string name;         // its rule file's name, rules/<name>.rules.json; --operation takes either
};

}  // namespace wxlint
