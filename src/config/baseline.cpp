// Baselines: adopt wxlint on a tree with known findings and fail only on new ones.
#include "engine/data_file.hpp"
#include "report/display.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/report.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>

namespace wxlint {
namespace {

// Messages quote related places as "(line 12)": take the numbers out so that moving
// lines does not turn an old finding into a new one.
std::string without_line_numbers(std::string_view m) {
  std::string out;
  for (std::size_t i = 0; i < m.size(); ++i) {
    out += m[i];
    for (std::string_view word : {"line ", "column "}) {
      if (m.substr(i + 1, word.size()) != word) continue;
      std::size_t j = i + 1 + word.size();
      if (j >= m.size() || m[j] < '0' || m[j] > '9') continue;
      out += std::string(word) + "#";
      while (j < m.size() && m[j] >= '0' && m[j] <= '9') ++j;
      i = j - 1;
      break;
    }
  }
  return out;
}

std::string hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a 64
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string member(const DataFile& file, const rapidjson::Value& e, const std::string& ptr, const char* name) {
  auto it = e.FindMember(name);
  if (it == e.MemberEnd() || !it->value.IsString()) file.fail(ptr, std::string("needs a string \"") + name + "\"");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

Baseline::Key Baseline::key(const std::string& file, const Diagnostic& d, const std::string& base_dir) {
  // Text that is not UTF-8 (a file name, say) is kept in its display form (\xNN), here and
  // so in the file: the baseline stays valid JSON, and the next run's key is the same.
  auto shown = [](std::string_view s) { return display::shown(s, display::Mode::utf8); };
  // Leading space keeps the line-number rewrite from depending on where the message starts.
  return {shown(relative_to(file, base_dir)), shown(d.rule), shown(d.location.pointer),
          hash(without_line_numbers(" " + d.message))};
}

Baseline Baseline::from_reports(const std::vector<FileReport>& reports, const std::string& base_dir) {
  Baseline b;
  b.base_dir_ = base_dir;
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics) ++b.counts_[key(r.path, d, base_dir)];
  return b;
}

Baseline Baseline::load(const std::string& path) {
  namespace fs = std::filesystem;
  DataFile file(path, read_file(path));
  const rapidjson::Value& root = file.doc.root();
  if (!root.IsObject()) file.fail("", "a baseline is an object {\"version\": 1, \"findings\": [...]}");
  auto v = root.FindMember("version");
  if (v == root.MemberEnd() || !v->value.IsInt() || v->value.GetInt() != 1)
    file.fail(v == root.MemberEnd() ? "" : "/version", "unsupported baseline version (expected 1)");
  auto list = root.FindMember("findings");
  if (list == root.MemberEnd() || !list->value.IsArray()) file.fail("", "needs an array \"findings\"");
  Baseline b;
  std::error_code ec;
  b.base_dir_ = fs::absolute(path, ec).parent_path().string();
  for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
    const auto& e = list->value[i];
    const std::string ptr = "/findings/" + std::to_string(i);
    if (!e.IsObject()) file.fail(ptr, "each finding is an object");
    Key k{member(file, e, ptr, "file"), member(file, e, ptr, "rule"), member(file, e, ptr, "pointer"),
          member(file, e, ptr, "messageHash")};
    std::size_t count = 1;
    if (auto c = e.FindMember("count"); c != e.MemberEnd()) {
      if (!c->value.IsUint() || c->value.GetUint() == 0) file.fail(ptr + "/count", "must be a positive integer");
      count = c->value.GetUint();
    }
    b.counts_[std::move(k)] += count;
  }
  return b;
}

std::string Baseline::to_json() const {
  std::string out = "{\n  \"version\": 1,\n  \"findings\": [";
  bool first = true;
  for (const auto& [k, n] : counts_) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("file"); w.String(k.file.c_str(), static_cast<rapidjson::SizeType>(k.file.size()));
    w.Key("rule"); w.String(k.rule.c_str(), static_cast<rapidjson::SizeType>(k.rule.size()));
    w.Key("pointer"); w.String(k.pointer.c_str(), static_cast<rapidjson::SizeType>(k.pointer.size()));
    w.Key("messageHash"); w.String(k.message.c_str(), static_cast<rapidjson::SizeType>(k.message.size()));
    w.Key("count"); w.Uint64(n);
    w.EndObject();
    out += (first ? "\n    " : ",\n    ") + std::string(buf.GetString(), buf.GetSize());
    first = false;
  }
  return out + (first ? "]\n}\n" : "\n  ]\n}\n");
}

void Baseline::save(const std::string& path) const { write_file_atomically(path, to_json()); }

std::size_t Baseline::filter(std::vector<FileReport>& reports) const {
  std::map<Key, std::size_t> left = counts_;
  std::size_t removed = 0;
  for (auto& r : reports) {
    removed += std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
      auto it = left.find(key(r.path, d, base_dir_));
      if (it == left.end() || it->second == 0) return false;
      --it->second;
      return true;
    });
  }
  return removed;
}

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [k, c] : counts_) n += c;
  return n;
}

}  // namespace wxlint
