// Rendering lint results for people and tools. Each format is its own unit in src/report/;
// none writes to a terminal: they return text.
#pragma once

#include <wxlint/catalogue.hpp>
#include <wxlint/diagnostic.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

enum class Format { text, json, sarif, github, junit, gitlab };


struct Summary {
  std::size_t files = 0, errors = 0, warnings = 0, infos = 0;
};
Summary summarize(const std::vector<FileReport>& files);

struct ReportContext {
  const std::vector<RuleDoc>* rules = nullptr;  // the catalogue, for formats that describe rules
  bool summary = true;                          // text: the closing summary line
  std::string version;                          // sarif: tool.driver.version ("" = the library's)
  // The repository root: sarif uris (under originalUriBaseIds SRCROOT) and the github and
  // gitlab paths are relative to it ("" = cwd; github: paths as given).
  std::string base_dir;
  Severity fail_on = Severity::error;  // junit: findings below it are not failures
  // Why files were not linted ("x.json: No such file or directory"), which exit 2: sarif
  // reports them as a failed invocation, junit as errors, so a dashboard does not read a
  // clean run.
  std::vector<std::string> not_linted;
};

// One output format: its name for --format, what writes it, and a line for help and docs.
struct FormatInfo {
  std::string_view name;
  Format format;
  std::string (*write)(const std::vector<FileReport>& files, const ReportContext& ctx);
  std::string_view description;
};
// Every output format, in the order help and docs list them.
const std::vector<FormatInfo>& output_formats();
std::optional<Format> parse_format(std::string_view name);

// The whole report in one format.
std::string render_report(Format format, const std::vector<FileReport>& files, const ReportContext& ctx);

// The stable JSON contract: {"version":1,"files":[...],"summary":{...}}.
std::string to_json(const std::vector<FileReport>& files);
// The same, with why some files were not linted: "notLinted" beside "files", and its count in
// the summary (both only when there are some).
std::string to_json(const std::vector<FileReport>& files, const std::vector<std::string>& not_linted);
// One line per finding: FILE:LINE:COL: SEVERITY[CODE]: message (rule-id).
std::string to_text(const std::vector<FileReport>& files, bool summary);
// The same text written to `out` as it is made, never held whole (a big batch's report runs
// to megabytes).
void write_text(std::ostream& out, const std::vector<FileReport>& files, bool summary);
// SARIF 2.1.0, one run; rules from ctx.rules, uris relative to ctx.base_dir.
std::string to_sarif(const std::vector<FileReport>& files, const ReportContext& ctx);
// GitHub Actions workflow commands (::error file=...::message), one line per finding.
std::string to_github(const std::vector<FileReport>& files, const ReportContext& ctx = {});
// JUnit XML: one testsuite per file, one testcase per finding, failing at ctx.fail_on.
std::string to_junit(const std::vector<FileReport>& files, const ReportContext& ctx = {});
// GitLab Code Quality: a JSON array of {description, check_name, fingerprint, severity, location}.
std::string to_gitlab(const std::vector<FileReport>& files, const ReportContext& ctx);
// Count per code, most frequent first: "  COUNT  CODE  rule-id".
std::string to_statistics(const std::vector<FileReport>& files);

// Escaping as GitHub's actions/toolkit does it (exposed for tests and other tools).
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

// Writes `text` to `path` atomically: a temp file in the same directory (unnamed until it is
// complete, where the filesystem allows), fsync, then rename. Replaces only a regular file,
// keeping its mode and, where allowed, its owner; a symbolic link's target is replaced and the
// link stays. Throws IoError for anything else (directory, FIFO, device, dangling link).
void write_file_atomically(const std::string& path, const std::string& text);


}  // namespace wxlint
