// Baselines: adopt wxlint on a tree with known findings and fail only on new ones.
#include "document/stable_hash.hpp"
#include "engine/data_file.hpp"
#include "document/document.hpp"
#include "engine/check.hpp"
#include "formats/display.hpp"

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>
#include <wxlint/report.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <filesystem>
#include <set>

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

// Messages quote related places by pointer ("/users/3 (line 12)"): take the array indexes
// out too, so that inserting an item does not change the messages of the others.
std::string without_indexes(std::string_view m) {
  std::string out;
  for (std::size_t i = 0; i < m.size(); ++i) {
    out += m[i];
    if (m[i] != '/' || i + 1 >= m.size() || m[i + 1] < '0' || m[i + 1] > '9') continue;
    std::size_t j = i + 1;
    while (j < m.size() && m[j] >= '0' && m[j] <= '9') ++j;
    if (j < m.size() && m[j] != '/' && m[j] != ' ' && m[j] != ',' && m[j] != ')' && m[j] != '.') continue;
    out += '#';
    i = j - 1;
  }
  return out;
}

// Version 3: every run of digits becomes '#'. Besides lines and indexes, messages quote
// counts and ages that change with no change to the finding ("3001 users", a snapshot's age
// in days, "... and 1,999 more"); the finding's place is in its identity key.
std::string without_numbers(std::string_view m) {
  std::string out;
  out.reserve(m.size());
  for (std::size_t i = 0; i < m.size(); ++i) {
    if (m[i] < '0' || m[i] > '9') {
      out += m[i];
      continue;
    }
    out += '#';
    while (i + 1 < m.size() && m[i + 1] >= '0' && m[i + 1] <= '9') ++i;
  }
  return out;
}

std::string hash(std::string_view s) { return detail::hex16(detail::fnv1a(s)); }

std::string member(const DataFile& file, const rapidjson::Value& e, const std::string& ptr, const char* name) {
  auto it = e.FindMember(name);
  if (it == e.MemberEnd() || !it->value.IsString()) file.fail(ptr, std::string("needs a string \"") + name + "\"");
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

}  // namespace

Baseline::Key Baseline::key(const std::string& file, const Diagnostic& d, const std::string& base_dir, int version) {
  // Text that is not UTF-8 (a file name, say) is kept in its display form (\xNN), here and
  // so in the file: the baseline stays valid JSON, and the next run's key is the same.
  auto shown = [](std::string_view s) { return display::shown(s, display::Mode::utf8); };
  std::string path = shown(relative_to(file, base_dir)), rule = shown(d.rule);
  if (version >= 3)
    return {std::move(path), std::move(rule), shown(d.key.empty() ? d.location.pointer : d.key), hash(without_numbers(d.message))};
  // Leading space keeps the line-number rewrite from depending on where the message starts.
  const std::string message = without_line_numbers(" " + d.message);
  if (version == 1) return {std::move(path), std::move(rule), shown(d.location.pointer), hash(message)};
  return {std::move(path), std::move(rule), shown(d.key.empty() ? d.location.pointer : d.key), hash(without_indexes(message))};
}

Baseline Baseline::from_reports(const std::vector<FileReport>& reports, const std::string& base_dir) {
  Baseline b;
  b.base_dir_ = base_dir;
  for (const auto& r : reports)
    for (const auto& d : r.diagnostics) ++b.counts_[key(r.path, d, base_dir)];
  return b;
}

Baseline Baseline::load(const std::string& path) {
  try {
    return load_text(path, read_file(path));
  } catch (const std::bad_alloc&) {
    // Named here: the CLI's own out-of-memory advice is about the files it lints.
    throw IoError(display::shown(path, display::Mode::utf8) +
                  ": out of memory reading it as a baseline: is it one? A baseline holds a line per finding");
  }
}

Baseline Baseline::load_text(const std::string& path, std::string text) {
  namespace fs = std::filesystem;
  DataFile file(path, std::move(text));
  const rapidjson::Value& root = file.doc.root();
  if (!root.IsObject()) file.fail("", "a baseline is an object {\"version\": 3, \"findings\": [...]}");
  auto v = root.FindMember("version");
  if (v == root.MemberEnd() || !v->value.IsInt() || v->value.GetInt() < 1 || v->value.GetInt() > kVersion)
    file.fail(v == root.MemberEnd() ? "" : "/version", "unsupported baseline version (expected 1, 2 or 3)");
  auto list = root.FindMember("findings");
  if (list == root.MemberEnd()) file.fail("", "needs an array \"findings\"");
  if (!list->value.IsArray()) file.fail("/findings", "must be an array of findings, not " + json_type_words(json_type_name(list->value)));
  Baseline b;
  b.version_ = v->value.GetInt();
  std::error_code ec;
  b.base_dir_ = fs::absolute(path, ec).parent_path().string();
  for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
    const auto& e = list->value[i];
    const std::string ptr = "/findings/" + std::to_string(i);
    if (!e.IsObject()) file.fail(ptr, "each finding is an object");
    Key k{member(file, e, ptr, "file"), member(file, e, ptr, "rule"), member(file, e, ptr, b.version_ == 1 ? "pointer" : "key"),
          member(file, e, ptr, "messageHash")};
    std::size_t count = 1;
    if (auto c = e.FindMember("count"); c != e.MemberEnd()) {
      if (!c->value.IsUint() || c->value.GetUint() == 0)
        file.fail(ptr + "/count", "must be a whole number from 1 to 4294967295, not " + to_json_text(c->value));
      count = c->value.GetUint();
    }
    b.counts_[std::move(k)] += count;
  }
  return b;
}

std::string Baseline::to_json() const {
  std::string out = "{\n  \"version\": " + std::to_string(version_) + ",\n  \"findings\": [";
  bool first = true;
  for (const auto& [k, n] : counts_) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("file"); w.String(k.file.c_str(), static_cast<rapidjson::SizeType>(k.file.size()));
    w.Key("rule"); w.String(k.rule.c_str(), static_cast<rapidjson::SizeType>(k.rule.size()));
    w.Key(version_ == 1 ? "pointer" : "key"); w.String(k.pointer.c_str(), static_cast<rapidjson::SizeType>(k.pointer.size()));
    w.Key("messageHash"); w.String(k.message.c_str(), static_cast<rapidjson::SizeType>(k.message.size()));
    w.Key("count"); w.Uint64(n);
    w.EndObject();
    out += (first ? "\n    " : ",\n    ") + std::string(buf.GetString(), buf.GetSize());
    first = false;
  }
  return out + (first ? "]\n}\n" : "\n  ]\n}\n");
}

void Baseline::save(const std::string& path) const { write_file_atomically(path, to_json()); }

Baseline::Outcome Baseline::apply(std::span<FileReport> reports) const { return apply(reports, {}); }

Baseline::Outcome Baseline::apply(std::span<FileReport> reports,
                                  const std::function<bool(std::string_view rule)>& reported) const {
  std::map<Key, std::size_t> left = counts_;
  Outcome out;
  std::set<std::string> linted;  // as keys name them
  for (auto& r : reports) {
    if (!r.operation.empty()) linted.insert(display::shown(relative_to(r.path, base_dir_), display::Mode::utf8));
    out.removed += std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
      auto it = left.find(key(r.path, d, base_dir_, version_));
      if (it == left.end() || it->second == 0) return false;
      --it->second;
      return true;
    });
  }
  // Only the files linted now can tell that an entry is fixed.
  for (const auto& [k, n] : left)
    if (linted.contains(k.file) && (!reported || reported(k.rule))) out.fixed += n;
  return out;
}

std::size_t Baseline::filter(std::span<FileReport> reports) const { return apply(reports).removed; }

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [k, c] : counts_) n += c;
  return n;
}

}  // namespace wxlint
