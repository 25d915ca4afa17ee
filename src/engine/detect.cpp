// Which operation a payload is for, when nobody said: an example envelope's method and path,
// a bare payload's shape, and, when nothing fits, the operations it looks most like.
#include "engine/catalogue.hpp"
#include "engine/request_path.hpp"

#include <rapidjson/document.h>

#include <algorithm>

namespace wxlint {
namespace {

// The path is the template, each {parameter} standing for one segment, after at most the
// API's version segment ("/v1"): "/telephony/config/locations" is not "/locations".
bool fits_template(const std::vector<std::string_view>& path, const std::vector<std::string_view>& tmpl) {
  if (path.size() < tmpl.size() || path.size() > tmpl.size() + 1) return false;
  const std::size_t base = path.size() - tmpl.size();
  if (base == 1 && path[0] != "v1") return false;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (is_path_placeholder(tmpl[i]) ? path[base + i].empty() : path[base + i] != tmpl[i]) return false;
  }
  return true;
}

bool same_method(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'a' && x <= 'z' ? x - 32 : x) == (y >= 'a' && y <= 'z' ? y - 32 : y);
         });
}

}  // namespace

std::vector<const Operation*> Catalogue::detect(const rapidjson::Value& root) const {
  std::vector<const Operation*> out;
  if (!root.IsObject()) return out;
  for (const auto& op : operations_) {
    const bool fits = std::any_of(op->detect.begin(), op->detect.end(), [&](const std::vector<std::string>& set) {
      return std::all_of(set.begin(), set.end(), [&](const std::string& k) { return child(root, k) != nullptr; });
    });
    if (fits) out.push_back(op.get());
  }
  return out;
}

const Operation* Catalogue::by_request(std::string_view method, std::string_view path) const {
  const std::vector<std::string_view> segments = request_path_segments(path);
  for (const auto& op : operations_)
    if (same_method(op->doc.method, method) && fits_template(segments, request_path_segments(op->doc.path))) return op.get();
  return nullptr;
}

const std::map<const Operation*, std::set<std::string, std::less<>>>& Catalogue::members() const {
  std::call_once(members_once_, [this] {
    for (const auto& op : operations_) {
      auto& names = members_[op.get()];
      for (const auto& set : op->detect) names.insert(set.begin(), set.end());
      rapidjson::Document schema;
      schema.Parse(op->schema_text.data(), op->schema_text.size());
      if (schema.IsObject())
        if (const rapidjson::Value* props = child(schema, "properties"); props && props->IsObject())
          for (const auto& m : props->GetObject()) names.emplace(m.name.GetString(), m.name.GetStringLength());
    }
  });
  return members_;
}

bool Catalogue::known_member(std::string_view name) const {
  const auto& all = members();
  return std::any_of(all.begin(), all.end(), [&](const auto& op) { return op.second.count(name) > 0; });
}

std::vector<const Operation*> Catalogue::closest(const rapidjson::Value& root) const {
  const auto& all = members();
  std::vector<const Operation*> best;
  if (!root.IsObject()) return best;
  std::size_t best_score = 0;
  for (const auto& op : operations_) {
    const auto& names = all.at(op.get());
    std::size_t score = 0;
    for (const auto& m : root.GetObject())
      score += names.count(std::string_view(m.name.GetString(), m.name.GetStringLength()));
    if (score == 0 || score < best_score) continue;
    if (score > best_score) best.clear(), best_score = score;
    best.push_back(op.get());
  }
  return best;
}

}  // namespace wxlint
