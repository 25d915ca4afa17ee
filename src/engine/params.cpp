#include "engine/params.hpp"

#include "engine/check.hpp"

#include <wxlint/error.hpp>

namespace wxlint {

Params::Params(const rapidjson::Value* params, Locate locate) : params_(params), locate_(std::move(locate)) {
  if (params_ && !params_->IsObject()) fail("", "\"params\" must be an object");
}

const rapidjson::Value* Params::get(std::string_view key) {
  read_.emplace(key);
  if (!params_) return nullptr;
  auto it = params_->FindMember(rapidjson::Value(rapidjson::StringRef(key.data(), key.size())));
  return it == params_->MemberEnd() ? nullptr : &it->value;
}

void Params::fail(std::string_view key, std::string_view problem) const {
  const Place at = locate_(key);
  throw ConfigError(at.prefix + ": " + std::string(problem) + at.suffix);
}

void Params::ordered(std::string_view min_key, std::optional<long long> min, std::string_view max_key,
                     std::optional<long long> max) const {
  if (!min || !max || *min <= *max) return;
  if (locate_(min_key).user && !locate_(max_key).user)
    fail(min_key, "is greater than " + std::string(max_key) + " (" + std::to_string(*max) + ")");
  fail(max_key, "is less than " + std::string(min_key) + " (" + std::to_string(*min) + ")");
}

std::optional<std::string> Params::opt_str(std::string_view key) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->IsString()) fail(key, "must be a string");
  return std::string(v->GetString(), v->GetStringLength());
}

std::string Params::str(std::string_view key) {
  auto s = opt_str(key);
  if (!s) fail(key, "is required");
  return *s;
}

std::optional<std::vector<std::string>> Params::opt_strings(std::string_view key) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (!v->IsArray() || v->Empty()) fail(key, "must be a non-empty array of strings");
  std::vector<std::string> out;
  for (const auto& e : v->GetArray()) {
    if (!e.IsString()) fail(key, "must be a non-empty array of strings");
    out.emplace_back(e.GetString(), e.GetStringLength());
  }
  return out;
}

std::vector<std::string> Params::strings(std::string_view key) {
  auto s = opt_strings(key);
  if (!s) fail(key, "is required");
  return *s;
}

std::optional<long long> Params::opt_int(std::string_view key, IntRange range) {
  const auto* v = get(key);
  if (!v) return std::nullopt;
  if (const auto n = whole_number(*v); n && *n >= range.min && *n <= range.max) return *n;
  fail(key, "must be an integer from " + std::to_string(range.min) + " to " + std::to_string(range.max) + ", not " +
                (v->IsNumber() ? scalar_text(*v) : json_type_words(json_type_name(*v))));
}

bool Params::flag(std::string_view key, bool fallback) {
  const auto* v = get(key);
  if (!v) return fallback;
  if (!v->IsBool()) fail(key, "must be true or false");
  return v->GetBool();
}

std::optional<RelPointer> Params::opt_rel(std::string_view key) {
  auto s = opt_str(key);
  if (!s) return std::nullopt;
  auto r = RelPointer::parse(*s);
  if (!r) fail(key, "is not a relative JSON pointer (\"N/path\" or \"/path\")");
  return r;
}

std::vector<RelPointer> Params::rels(std::string_view key) {
  const auto* v = get(key);
  if (v && v->IsArray()) {
    std::vector<RelPointer> out;
    for (const std::string& s : strings(key)) {
      auto r = RelPointer::parse(s);
      if (!r) fail(key, "holds \"" + s + "\", which is not a relative JSON pointer (\"N/path\" or \"/path\")");
      out.push_back(std::move(*r));
    }
    return out;
  }
  std::vector<RelPointer> out;
  if (auto r = opt_rel(key)) out.push_back(std::move(*r));
  return out;
}

RelPointer Params::rel(std::string_view key) {
  auto r = opt_rel(key);
  if (!r) fail(key, "is required");
  return *r;
}

std::optional<Pattern> Params::opt_pattern(std::string_view key) {
  auto s = opt_str(key);
  if (!s) return std::nullopt;
  auto p = Pattern::parse(*s);
  if (!p) fail(key, "is not a JSON pointer pattern");
  return p;
}

const rapidjson::Value* Params::raw(std::string_view key) { return get(key); }

void Params::done() const {
  if (!params_) return;
  for (const auto& m : params_->GetObject()) {
    std::string_view name(m.name.GetString(), m.name.GetStringLength());
    if (!read_.count(name)) fail(name, "unknown parameter for this check");
  }
}

}  // namespace wxlint
