// wxlint's own data files (rule files, schemas, config): parsed with the same document
// layer as payloads, so every error names the file, line, column and JSON Pointer.
#pragma once

#include "document/document.hpp"

#include <string>
#include <vector>

namespace wxlint {

class SchemaValidator;

struct DataFile {
  std::string name;
  Document doc;

  // Parses; throws ConfigError on syntax errors or duplicate keys. reference_strings: as
  // Document's (most places are then read off the DOM, not skimmed for), for a file parsed
  // only to be located in; its values must not be copied out.
  DataFile(std::string name, std::string text, bool reference_strings = false);
  // "name:line:col: pointer: problem" for a ConfigError.
  std::string where(const std::string& pointer) const;
  // The same for many pointers, in one scan of the text.
  std::vector<std::string> where(const std::vector<std::string>& pointers) const;
  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;
  // Throws ConfigError listing the schema's findings (at most a few).
  void check_against(const SchemaValidator& schema) const;
};

}  // namespace wxlint
