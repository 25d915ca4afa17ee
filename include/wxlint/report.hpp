// Rendering lint results for people and tools. Each format is its own unit in src/report/;
// none writes to a terminal: they return text.
#pragma once

#include <wxlint/catalogue.hpp>
#include <wxlint/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

enum class Format { text, json };

std::optional<Format> parse_format(std::string_view name);

struct Summary {
  std::size_t files = 0, errors = 0, warnings = 0, infos = 0;
};
Summary summarize(const std::vector<FileReport>& files);

struct ReportContext {
  const std::vector<RuleDoc>* rules = nullptr;  // the catalogue, for formats that describe rules
  bool summary = true;                          // text: the closing summary line
};

// The whole report in one format.
std::string render_report(Format format, const std::vector<FileReport>& files, const ReportContext& ctx);

// The stable JSON contract: {"version":1,"files":[...],"summary":{...}}.
std::string to_json(const std::vector<FileReport>& files);
// One line per finding: FILE:LINE:COL: SEVERITY[CODE]: message (rule-id).
std::string to_text(const std::vector<FileReport>& files, bool summary);

}  // namespace wxlint
