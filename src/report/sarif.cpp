// The sarif format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
// Rules come from the catalogue so that viewers can show their documentation; results
// carry partialFingerprints built from rule, identity key and file (not the line, nor array
// indexes), so a finding keeps its identity when lines above it move or items are inserted.
#include "formats/ascii.hpp"
#include "formats/display.hpp"
#include "report/fingerprints.hpp"
#include "report/root_path.hpp"

#include <wxlint/report.hpp>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstdio>
#include <map>

namespace wxlint {
namespace {

constexpr std::string_view kHome = "https://github.com/wxlint/wxlint";
constexpr std::size_t kGitHubTextLimit = 1024;  // GitHub rejects longer descriptions

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// Always UTF-8: text that is not gets its display form (uris are percent-encoded bytes instead).
void str(Writer& w, std::string_view s) {
  std::string scratch;
  s = display::shown(s, display::Mode::utf8, scratch);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void text_obj(Writer& w, const char* key, std::string_view text) {
  w.Key(key);
  w.StartObject();
  w.Key("text");
  str(w, text);
  w.EndObject();
}

// GitHub refuses a required text that is empty or blank (a policy's message "{value}" of an
// empty value, a summary " "): the fallback instead.
std::string_view or_else(std::string_view text, std::string_view fallback) {
  return text.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos ? fallback : text;
}

// Cut at a UTF-8 character boundary.
std::string clip(std::string s, std::size_t limit) {
  if (s.size() <= limit) return s;
  std::size_t n = limit - 3;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

// GitHub's heading anchor for the "### CODE `id` (severity)" lines of docs/rules.md.
std::string anchor(const RuleDoc& r) {
  std::string heading = r.code + " " + r.id + " " + std::string(to_string(r.severity)), out;
  for (char c : heading) {
    if (ascii::is_alnum(c) || c == '-' || c == '_') out += ascii::to_lower(c);
    else if (c == ' ') out += '-';
  }
  return out;
}

// "move-users/number-or-extension" -> "MoveUsersNumberOrExtension": SARIF's rule name.
std::string pascal_name(std::string_view id) {
  std::string out;
  bool up = true;
  for (char c : id) {
    if (!ascii::is_alnum(c)) {
      up = true;
      continue;
    }
    out += up ? ascii::to_upper(c) : c;
    up = false;
  }
  return out;
}

std::string percent_encode(std::string_view s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ascii::is_alnum(ch) || std::string_view("-._~/").find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Relative to the root (SRCROOT) when the file is under it, else an absolute file: URI.
struct Artifact {
  std::string uri;
  bool relative = false;
};
Artifact artifact(const std::string& path, const std::string& root) {
  if (auto r = report::under_root(path, root)) return {percent_encode(*r), true};
  return {"file://" + percent_encode(report::absolute_path(path)), false};
}

// The root as a file: URI ending in '/', as originalUriBaseIds needs.
std::string root_uri(const std::string& root) {
  std::string abs = report::absolute_path(root.empty() ? "." : root);
  if (abs.empty() || abs.back() != '/') abs += '/';
  return "file://" + percent_encode(abs);
}

std::string_view level(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

void region(Writer& w, const Location& l) {
  if (l.line == 0) return;
  w.Key("region");
  w.StartObject();
  w.Key("startLine"); w.Uint(l.line);
  if (l.column > 0) { w.Key("startColumn"); w.Uint(l.column); }
  const bool end_ok = l.end_line > l.line || (l.end_line == l.line && l.end_column >= l.column);
  if (end_ok) {
    w.Key("endLine"); w.Uint(l.end_line);
    if (l.end_column > 0) { w.Key("endColumn"); w.Uint(l.end_column); }
  }
  w.EndObject();
}

void artifact_location(Writer& w, const Artifact& a) {
  w.Key("artifactLocation");
  w.StartObject();
  w.Key("uri"); str(w, a.uri);
  if (a.relative) { w.Key("uriBaseId"); str(w, "SRCROOT"); }
  w.EndObject();
}

void physical(Writer& w, const Artifact& a, const Location& l) {
  w.Key("physicalLocation");
  w.StartObject();
  artifact_location(w, a);
  region(w, l);
  w.EndObject();
}

void rule_descriptor(Writer& w, const RuleDoc& r) {
  w.StartObject();
  w.Key("id"); str(w, r.id);
  // SARIF 3.49.7: a name that is the id again (a policy's "extension"), or none (an id of
  // no ASCII letters), is left out.
  if (const std::string name = pascal_name(r.id); !name.empty() && !ascii::equals_nocase(name, r.id)) {
    w.Key("name");
    str(w, name);
  }
  const std::string_view summary = or_else(r.summary, r.id), description = or_else(r.description, summary);
  text_obj(w, "shortDescription", clip(std::string(summary), kGitHubTextLimit));
  text_obj(w, "fullDescription", clip(std::string(description), kGitHubTextLimit));
  w.Key("help");
  w.StartObject();
  w.Key("text"); str(w, description);
  // GitHub shows the markdown in place of the text: the same fallbacks.
  std::string md = std::string(summary) + "\n\n" + std::string(description);
  if (!r.fail_example.empty()) md += "\n\nFails:\n\n```json\n" + r.fail_example + "\n```";
  if (!r.pass_example.empty()) md += "\n\nPasses:\n\n```json\n" + r.pass_example + "\n```";
  w.Key("markdown"); str(w, md);
  w.EndObject();
  // Only wxlint's own rules are in its docs/rules.md: a policy's would be a dead link.
  if (r.file.empty()) { w.Key("helpUri"); str(w, std::string(kHome) + "/blob/main/docs/rules.md#" + anchor(r)); }
  w.Key("defaultConfiguration");
  w.StartObject();
  w.Key("level"); str(w, level(r.severity));
  w.EndObject();
  w.Key("properties");
  w.StartObject();
  w.Key("code"); str(w, r.code);
  if (!r.operation.empty()) { w.Key("operation"); str(w, r.operation); }
  w.EndObject();
  w.EndObject();
}

// SARIF 2.1.0 §3.55: one fix, its edits as byte regions of the one artifact.
void fixes(Writer& w, const Fix& fix, const Artifact& a) {
  w.Key("fixes");
  w.StartArray();
  w.StartObject();
  text_obj(w, "description", fix.message);
  w.Key("artifactChanges");
  w.StartArray();
  w.StartObject();
  artifact_location(w, a);
  w.Key("replacements");
  w.StartArray();
  for (const auto& e : fix.edits) {
    w.StartObject();
    w.Key("deletedRegion");
    w.StartObject();
    w.Key("byteOffset"); w.Uint64(e.offset);
    w.Key("byteLength"); w.Uint64(e.length);
    w.EndObject();
    if (!e.text.empty()) {
      w.Key("insertedContent");
      w.StartObject();
      w.Key("text"); str(w, e.text);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndArray();
  w.Key("properties");
  w.StartObject();
  w.Key("safe"); w.Bool(fix.safe);
  w.EndObject();
  w.EndObject();
  w.EndArray();
}

void result(Writer& w, const FileReport& f, const Diagnostic& d, const Artifact& uri, const std::string& fingerprint,
            const std::map<std::string, std::size_t>& index) {
  w.StartObject();
  w.Key("ruleId"); str(w, d.rule);
  if (auto it = index.find(d.rule); it != index.end()) { w.Key("ruleIndex"); w.Uint64(it->second); }
  w.Key("level"); str(w, level(d.severity));
  text_obj(w, "message", or_else(d.message, d.code + " " + d.rule));
  w.Key("locations");
  w.StartArray();
  w.StartObject();
  physical(w, uri, d.location);
  w.EndObject();
  w.EndArray();
  if (!d.related.empty()) {
    w.Key("relatedLocations");
    w.StartArray();
    for (std::size_t i = 0; i < d.related.size(); ++i) {
      w.StartObject();
      w.Key("id"); w.Uint64(i);
      physical(w, uri, d.related[i]);
      text_obj(w, "message", "Related: " + (d.related[i].pointer.empty() ? "/" : d.related[i].pointer) + ".");
      w.EndObject();
    }
    w.EndArray();
  }
  if (d.fix) fixes(w, *d.fix, uri);
  w.Key("partialFingerprints");
  w.StartObject();
  w.Key("wxlintKey/v2"); str(w, fingerprint);
  w.EndObject();
  w.Key("properties");
  w.StartObject();
  w.Key("code"); str(w, d.code);
  w.Key("pointer"); str(w, d.location.pointer);
  if (!f.operation.empty()) { w.Key("operation"); str(w, f.operation); }
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string to_sarif(const std::vector<FileReport>& files, const ReportContext& ctx) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.SetIndent(' ', 2);
  const std::string version = ctx.version.empty() ? WXLINT_VERSION : ctx.version;
  std::map<std::string, std::size_t> index;
  w.StartObject();
  w.Key("$schema"); str(w, "https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("version"); str(w, "2.1.0");
  w.Key("runs");
  w.StartArray();
  w.StartObject();
  w.Key("tool");
  w.StartObject();
  w.Key("driver");
  w.StartObject();
  w.Key("name"); str(w, "wxlint");
  w.Key("version"); str(w, version);
  w.Key("semanticVersion"); str(w, version);
  w.Key("informationUri"); str(w, kHome);
  w.Key("rules");
  w.StartArray();
  if (ctx.rules)
    for (const auto& r : *ctx.rules)
      if (index.emplace(r.id, index.size()).second) rule_descriptor(w, r);
  w.EndArray();
  w.EndObject();
  w.EndObject();
  w.Key("originalUriBaseIds");
  w.StartObject();
  w.Key("SRCROOT");
  w.StartObject();
  w.Key("uri"); str(w, root_uri(ctx.base_dir));
  w.EndObject();
  w.EndObject();
  w.Key("columnKind"); str(w, "unicodeCodePoints");
  w.Key("results");
  w.StartArray();
  for (const auto& f : files) {
    const Artifact uri = artifact(f.path, ctx.base_dir);
    const std::vector<std::string> prints = report::fingerprints(f, uri.uri);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) result(w, f, f.diagnostics[i], uri, prints[i], index);
  }
  w.EndArray();
  if (!ctx.not_linted.empty()) {
    w.Key("invocations");
    w.StartArray();
    w.StartObject();
    w.Key("executionSuccessful"); w.Bool(false);
    w.Key("toolExecutionNotifications");
    w.StartArray();
    for (const auto& why : ctx.not_linted) {
      w.StartObject();
      w.Key("level"); str(w, "error");
      text_obj(w, "message", why);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndArray();
  }
  w.EndObject();
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace wxlint
