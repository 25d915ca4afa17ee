#include "engine/check.hpp"

#include "document/document.hpp"
#include "document/hash_bytes.hpp"
#include "engine/rule.hpp"
#include "formats/formats.hpp"

#include <cmath>

namespace wxlint {

Finding& Emitter::emit(std::string pointer, Anchor anchor) {
  Finding* f = &spare_;
  if (room_ > 0) {
    --room_;
    f = &out_.emplace_back();
  } else {
    forget_spare();
    if (tally_.unlisted++ == 0) {
      tally_.rule = &rule_;
      tally_.pointer = pointer;
      tally_.anchor = anchor;
    }
  }
  f->rule = &rule_;
  f->pointer = std::move(pointer);
  f->anchor = anchor;
  f->node = nullptr;
  return *f;
}

void Emitter::forget_spare() {
  if (covers_ && !spare_.covers_keyword.empty())
    covers_->push_back(covers_key(spare_.pointer, spare_.covers_keyword,
                                  spare_.covers_detail.empty() ? std::nullopt : std::optional<std::string_view>(spare_.covers_detail),
                                  rule_.doc.severity));
  spare_.args.clear();
  spare_.related.clear();
  spare_.covers_keyword.clear();
  spare_.covers_detail.clear();
}

void Emitter::close() {
  forget_spare();
  if (tally_.unlisted) out_.push_back(std::move(tally_));
  tally_ = Finding();
}

std::uint64_t covers_key(std::string_view pointer, std::string_view keyword, std::optional<std::string_view> what,
                         Severity severity) {
  // hash_bytes mixes in each length, so the parts cannot run into each other.
  std::uint64_t h = detail::hash_bytes(pointer, 0x243F6A8885A308D3ull);
  h = detail::hash_bytes(keyword, h);
  if (what) h = detail::hash_bytes(*what, h);
  return (h & ~std::uint64_t{7}) | (static_cast<std::uint64_t>(severity) << 1) | (what ? 0 : 1);
}

Finding& Emitter::emit(const Path& path, Anchor anchor) {
  Finding& f = emit(path.pointer(), anchor);
  const auto& v = path.node();
  f.node = &v;
  if (!v.IsObject() && !v.IsArray()) f.arg("value", scalar_text(v));
  return f;
}

std::string scalar_text(const rapidjson::Value& v, std::size_t max_chars) {
  if (v.IsString()) return formats::clipped({v.GetString(), v.GetStringLength()}, max_chars);
  if (v.IsObject()) return "an object";
  if (v.IsArray()) return "an array";
  return formats::clipped(to_json_text(v), max_chars);
}

std::optional<std::int64_t> whole_number(const rapidjson::Value& v) {
  if (v.IsInt64()) return v.GetInt64();
  if (!v.IsDouble()) return std::nullopt;
  const double d = v.GetDouble();
  // [-2^63, 2^63): every double there converts exactly when it has no fraction.
  if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != std::trunc(d)) return std::nullopt;
  return static_cast<std::int64_t>(d);
}

bool is_blank_string(const rapidjson::Value& v) {
  if (!v.IsString()) return false;
  for (rapidjson::SizeType i = 0; i < v.GetStringLength(); ++i) {
    char c = v.GetString()[i];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

bool is_present(const rapidjson::Value* v, bool non_empty) {
  if (!v) return false;
  if (!non_empty) return true;
  if (v->IsNull() || is_blank_string(*v)) return false;
  return !((v->IsArray() && v->Empty()) || (v->IsObject() && v->MemberCount() == 0));
}

bool any_present(const std::vector<RelPointer>& members, const Path& path) {
  for (const RelPointer& m : members)
    if (is_present(m.resolve(path), true)) return true;
  return false;
}

bool is_integer(const rapidjson::Value& v) {
  if (v.IsInt64() || v.IsUint64()) return true;
  return v.IsDouble() && std::isfinite(v.GetDouble()) && v.GetDouble() == std::trunc(v.GetDouble());
}

std::string_view json_type_name(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "boolean";
    case rapidjson::kObjectType: return "object";
    case rapidjson::kArrayType: return "array";
    case rapidjson::kStringType: return "string";
    case rapidjson::kNumberType: return is_integer(v) ? "integer" : "number";
  }
  return "value";
}

std::string json_type_problem(std::string_view t) {
  static const std::string_view known[] = {"null", "boolean", "object", "array", "string", "integer", "number"};
  if (std::find(std::begin(known), std::end(known), t) != std::end(known)) return {};
  return "unknown JSON type \"" + std::string(t) + "\" (null, boolean, object, array, string, integer, number)";
}

std::string json_type_words(std::string_view t) {
  if (t == "null" || t == "any") return std::string(t);
  return (t == "object" || t == "array" || t == "integer" ? "an " : "a ") + std::string(t);
}

}  // namespace wxlint
