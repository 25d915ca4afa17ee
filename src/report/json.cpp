// The JSON format: a stable contract for other tools (see README, "JSON output").
#include "formats/display.hpp"

#include <wxlint/report.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace wxlint {

std::string to_json(const std::vector<FileReport>& files) { return to_json(files, {}); }

std::string to_json(const std::vector<FileReport>& files, const std::vector<std::string>& not_linted) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  std::string scratch;
  auto str = [&w, &scratch](std::string_view s) { display::write_string(w, s, scratch); };
  w.StartObject();
  w.Key("version");
  w.Int(1);
  w.Key("files");
  w.StartArray();
  for (const auto& f : files) {
    w.StartObject();
    w.Key("path");
    str(f.path);
    w.Key("operation");
    if (f.operation.empty()) w.Null(); else str(f.operation);
    w.Key("diagnostics");
    w.StartArray();
    for (const auto& d : f.diagnostics) {
      w.StartObject();
      w.Key("code"); str(d.code);
      w.Key("severity"); str(to_string(d.severity));
      w.Key("rule"); str(d.rule);
      w.Key("pointer"); str(d.location.pointer);
      w.Key("line"); w.Uint(d.location.line);
      w.Key("column"); w.Uint(d.location.column);
      w.Key("endLine"); w.Uint(d.location.end_line);
      w.Key("endColumn"); w.Uint(d.location.end_column);
      w.Key("message"); str(d.message);
      if (!d.related.empty()) {
        w.Key("related");
        w.StartArray();
        for (const auto& r : d.related) {
          w.StartObject();
          w.Key("pointer"); str(r.pointer);
          w.Key("line"); w.Uint(r.line);
          w.Key("column"); w.Uint(r.column);
          w.EndObject();
        }
        w.EndArray();
      }
      if (d.fix) {
        w.Key("fix");
        w.StartObject();
        w.Key("applicability"); str(d.fix->safe ? "safe" : "unsafe");
        w.Key("message"); str(d.fix->message);
        w.Key("edits");
        w.StartArray();
        for (const auto& e : d.fix->edits) {
          w.StartObject();
          w.Key("offset"); w.Uint64(e.offset);
          w.Key("length"); w.Uint64(e.length);
          w.Key("content"); str(e.text);
          w.EndObject();
        }
        w.EndArray();
        w.EndObject();
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  // Only when some were not linted (the run exits 2): a clean run's report is as it was.
  if (!not_linted.empty()) {
    w.Key("notLinted");
    w.StartArray();
    for (const auto& why : not_linted) str(why);
    w.EndArray();
  }
  Summary s = summarize(files);
  w.Key("summary");
  w.StartObject();
  w.Key("files"); w.Uint64(s.files);
  w.Key("errors"); w.Uint64(s.errors);
  w.Key("warnings"); w.Uint64(s.warnings);
  w.Key("infos"); w.Uint64(s.infos);
  if (!not_linted.empty()) w.Key("notLinted"), w.Uint64(not_linted.size());
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace wxlint
