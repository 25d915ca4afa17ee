#include "report/snapshot_info.hpp"

#include "formats/display.hpp"
#include "snapshot/time.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <optional>
#include <string_view>

namespace wxlint {

// Text that is not UTF-8 (a file's name) gets its display form, as in the JSON report.
std::string snapshot_info_json(const Snapshot& s, std::int64_t now) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  std::string scratch;
  const auto text = [&](std::string_view v) { display::write_string(w, v, scratch); };
  w.StartObject();
  w.Key("pages");
  std::size_t pages = 0;
  for (const auto& k : s.kinds()) pages += k.files;
  w.Uint64(pages);
  w.Key("kinds");
  w.StartArray();
  for (const auto& k : s.kinds()) {
    w.StartObject();
    w.Key("kind");
    text(k.kind);
    w.Key("pages");
    w.Uint64(k.files);
    w.Key("items");
    w.Uint64(k.items);
    w.EndObject();
  }
  w.EndArray();
  if (const std::optional<std::int64_t> at = s.captured_at()) {
    w.Key("capturedAt");
    text(snapshot::format_time(*at));
    w.Key("capturedFrom");
    text(s.captured_from_manifest() ? "manifest" : "files");
    w.Key("ageSeconds");  // negative: captured after this clock's now
    w.Int64(now - *at);
  } else {
    for (const char* key : {"capturedAt", "capturedFrom", "ageSeconds"}) w.Key(key), w.Null();
  }
  w.Key("inconsistencies");
  w.StartArray();
  for (const auto& p : s.inconsistencies()) text(p);
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

}  // namespace wxlint
