#include "engine/schema_layer.hpp"

#include "document/json_pointer.hpp"
#include "engine/pattern.hpp"
#include "formats/formats.hpp"

#include <wxlint/error.hpp>

#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <charconv>
#include <set>
#include <tuple>

namespace wxlint {
namespace {

// valijson evaluates these with std::regex, which backtracks on input data.
void reject_regex_keywords(const rapidjson::Value& s, std::string& where, const std::string& name) {
  if (s.IsObject()) {
    for (const auto& m : s.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      const std::size_t len = where.size();
      pointer::append_key(where, key);
      bool regex_format = key == "format" && m.value.IsString() &&
                          (m.value == "date" || m.value == "time" || m.value == "date-time");
      if (key == "pattern" || key == "patternProperties" || regex_format)
        throw ConfigError(name + ": " + where + ": \"" + std::string(key) +
                          "\" is not supported: it would run a backtracking regex on input data; "
                          "express the check as a rule (check kind \"format\") instead");
      reject_regex_keywords(m.value, where, name);
      where.resize(len);
    }
  } else if (s.IsArray()) {
    for (rapidjson::SizeType i = 0; i < s.Size(); ++i) {
      const std::size_t len = where.size();
      pointer::append_index(where, i);
      reject_regex_keywords(s[i], where, name);
      where.resize(len);
    }
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string quoted_between(std::string_view s) {
  auto a = s.find('\'');
  auto b = s.rfind('\'');
  return a == std::string_view::npos || b <= a ? std::string() : std::string(s.substr(a + 1, b - a - 1));
}

std::string json_type(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return v.IsInt64() || v.IsUint64() ? "an integer" : "a number";
  }
  return "a value";
}

std::string type_words(const rapidjson::Value* type) {
  auto word = [](std::string_view t) -> std::string {
    if (t == "object" || t == "array" || t == "integer") return "an " + std::string(t);
    if (t == "null") return "null";
    return "a " + std::string(t);
  };
  if (!type) return "another type";
  if (type->IsString()) return word(type->GetString());
  std::string s;
  if (type->IsArray())
    for (rapidjson::SizeType i = 0; i < type->Size(); ++i)
      if ((*type)[i].IsString()) s += (s.empty() ? "" : " or ") + word((*type)[i].GetString());
  return s.empty() ? "another type" : s;
}

}  // namespace

struct SchemaValidator::Impl {
  std::string name;
  rapidjson::Document json;  // our copy, for looking up sub-schemas
  valijson::Schema schema;

  const rapidjson::Value* deref(const rapidjson::Value* s) const {
    for (int hops = 0; s && s->IsObject() && hops < 16; ++hops) {
      auto ref = s->FindMember("$ref");
      if (ref == s->MemberEnd() || !ref->value.IsString()) return s;
      std::string_view r(ref->value.GetString(), ref->value.GetStringLength());
      if (!starts_with(r, "#")) return nullptr;
      auto tokens = pointer::split(r.substr(1));
      if (!tokens) return nullptr;
      const rapidjson::Value* t = &json;
      for (const auto& tok : *tokens)
        if (!(t = child(*t, tok))) return nullptr;
      s = t;
    }
    return s;
  }

  // The sub-schema that applies at an instance path, following properties/items/$ref.
  const rapidjson::Value* at(const std::vector<std::string>& tokens, const rapidjson::Value& root) const {
    const rapidjson::Value* s = deref(&json);
    const rapidjson::Value* inst = &root;
    for (const auto& tok : tokens) {
      if (!s || !s->IsObject() || !inst) return nullptr;
      const rapidjson::Value* next = nullptr;
      if (inst->IsObject()) {
        if (auto* props = child(*s, "properties")) next = child(*props, tok);
        if (!next) {
          auto* ap = child(*s, "additionalProperties");
          if (ap && ap->IsObject()) next = ap;
        }
      } else if (inst->IsArray()) {
        if (auto* items = child(*s, "items")) next = items->IsArray() ? child(*items, tok) : items;
      }
      s = deref(next);
      inst = child(*inst, tok);
    }
    return s;
  }
};

SchemaValidator::SchemaValidator(const rapidjson::Value& schema, std::string name) : impl_(std::make_unique<Impl>()) {
  impl_->name = std::move(name);
  if (!schema.IsObject()) throw ConfigError(impl_->name + ": a JSON Schema must be an object");
  std::string where;
  reject_regex_keywords(schema, where, impl_->name);
  impl_->json.CopyFrom(schema, impl_->json.GetAllocator());
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::RapidJsonAdapter adapter(impl_->json);
    parser.populateSchema(adapter, impl_->schema);
  } catch (const std::exception& e) {
    throw ConfigError(impl_->name + ": not a usable draft-07 schema: " + e.what());
  }
}

SchemaValidator::~SchemaValidator() = default;

void SchemaValidator::validate(const rapidjson::Value& root, std::vector<SchemaFailure>& out) const {
  valijson::Validator validator;  // per call: it caches state and is not thread-safe
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter target(root);
  if (validator.validate(impl_->schema, target, &results)) return;

  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto add = [&](SchemaFailure f) {
    if (seen.emplace(f.pointer, f.keyword, f.detail).second) out.push_back(std::move(f));
  };

  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    // valijson's context is "<root>", "[key]", "[index]": resolve it against the DOM.
    std::vector<std::string> tokens;
    const rapidjson::Value* node = &root;
    for (std::size_t i = 1; i < e.context.size() && node; ++i) {
      const std::string& c = e.context[i];
      std::string tok = c.size() >= 2 ? c.substr(1, c.size() - 2) : c;
      node = child(*node, tok);
      tokens.push_back(std::move(tok));
    }
    if (!node) continue;
    const std::string ptr = pointer::join(tokens);
    std::string_view d = e.description;

    if (starts_with(d, "Missing required property")) {
      std::string prop = quoted_between(d);
      add({"required", prop, ptr, Anchor::value, {{"field", prop}}});
    } else if (starts_with(d, "Object contains a property that could not be validated")) {
      // valijson names only the first unknown member; report every one, with a did-you-mean.
      const rapidjson::Value* sub = impl_->at(tokens, root);
      const rapidjson::Value* props = sub ? child(*sub, "properties") : nullptr;
      std::vector<std::string> known;
      if (props && props->IsObject())
        for (const auto& m : props->GetObject()) known.emplace_back(m.name.GetString(), m.name.GetStringLength());
      if (!node->IsObject()) continue;
      for (const auto& m : node->GetObject()) {
        std::string name(m.name.GetString(), m.name.GetStringLength());
        if (props && child(*props, name)) continue;
        auto near = formats::did_you_mean(name, known);
        std::string p = ptr;
        pointer::append_key(p, name);
        add({"additionalProperties", name, p, Anchor::key,
             {{"field", name}, {"hint", near ? " Did you mean \"" + *near + "\"?" : ""}}});
      }
    } else if (starts_with(d, "Value type not permitted")) {
      const rapidjson::Value* sub = impl_->at(tokens, root);
      add({"type", "", ptr, Anchor::value,
           {{"field", tokens.empty() ? "the request" : tokens.back()},
            {"expected", type_words(sub ? child(*sub, "type") : nullptr)},
            {"actual", json_type(*node)}}});
    } else if (starts_with(d, "Failed to match against any enum values")) {
      const rapidjson::Value* sub = impl_->at(tokens, root);
      std::string allowed;
      std::vector<std::string> values;
      if (const auto* en = sub ? child(*sub, "enum") : nullptr; en && en->IsArray())
        for (const auto& v : en->GetArray())
          if (v.IsString()) {
            values.emplace_back(v.GetString(), v.GetStringLength());
            allowed += (allowed.empty() ? "" : ", ") + values.back();
          }
      std::optional<std::string> near;
      if (node->IsString()) near = formats::did_you_mean({node->GetString(), node->GetStringLength()}, values);
      add({"enum", "", ptr, Anchor::value,
           {{"value", scalar_text(*node)}, {"allowed", allowed}, {"hint", near ? " Did you mean \"" + *near + "\"?" : ""}}});
    } else if (starts_with(d, "Failed to match expected value set by 'const'")) {
      const rapidjson::Value* sub = impl_->at(tokens, root);
      const rapidjson::Value* expected = sub ? child(*sub, "const") : nullptr;
      add({"const", "", ptr, Anchor::value,
           {{"value", scalar_text(*node)}, {"expected", expected ? scalar_text(*expected) : "another value"}}});
    } else if (starts_with(d, "Array should contain no fewer")) {
      add({"minItems", "", ptr, Anchor::value, {{"detail", std::string(d)}}});
    } else if (starts_with(d, "Array should contain no more")) {
      add({"maxItems", "", ptr, Anchor::value, {{"detail", std::string(d)}}});
    } else if (starts_with(d, "String should be no")) {
      add({"length", "", ptr, Anchor::value, {{"detail", std::string(d)}}});
    } else if (starts_with(d, "Expected number")) {
      add({"range", "", ptr, Anchor::value, {{"detail", std::string(d)}}});
    } else if (starts_with(d, "Failed to validate") && !starts_with(d, "Failed to validate against exactly one")) {
      // A summary of child failures that are reported on their own (items, properties, anyOf...).
      continue;
    } else {
      add({"other", "", ptr, Anchor::value, {{"detail", std::string(d)}}});
    }
  }
}

}  // namespace wxlint
