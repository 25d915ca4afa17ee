#include "engine/schema_reporter.hpp"

#include "document/document.hpp"
#include "document/json_pointer.hpp"
#include "engine/check.hpp"
#include "engine/listed.hpp"
#include "engine/pattern.hpp"
#include "engine/regex.hpp"
#include "engine/schema_pattern_properties.hpp"
#include "formats/formats.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

namespace wxlint {
namespace {

// A place's name for messages: its member's name, with the indexes of the items below it
// ("objectIds[0]"); an index alone ("0") would name nothing. "the request" at the root.
std::string field_name(const std::vector<std::string>& tokens) {
  std::size_t end = tokens.size();
  const auto index = [](const std::string& t) {
    return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
  };
  while (end > 0 && index(tokens[end - 1])) --end;
  std::string name = end > 0 ? tokens[end - 1] : end < tokens.size() ? "item" : "the request";
  for (std::size_t i = end; i < tokens.size(); ++i) name += "[" + tokens[i] + "]";
  return name;
}

using schema_fast::Fail;

// The member valijson's "Object contains a property that could not be validated" names.
std::optional<std::string> unknown_member(std::string_view description) {
  const std::string_view prefix = schema_pattern_properties::kUnknownMember;
  if (!description.starts_with(prefix) || !description.ends_with("'.")) return std::nullopt;
  return std::string(description.substr(prefix.size(), description.size() - prefix.size() - 2));
}

// Per member: its key came before in the object. By sorting, so no choice of keys is slow.
std::vector<bool> repeated_keys(const rapidjson::Value& object) {
  std::vector<std::pair<std::string_view, std::size_t>> keys;
  keys.reserve(object.MemberCount());
  for (const auto& m : object.GetObject()) keys.emplace_back(std::string_view(m.name.GetString(), m.name.GetStringLength()), keys.size());
  std::sort(keys.begin(), keys.end());
  std::vector<bool> out(keys.size());
  for (std::size_t i = 1; i < keys.size(); ++i) out[keys[i].second] = keys[i].first == keys[i - 1].first;
  return out;
}

// The schema's "type" (a name or a list of names) in words: "a string or null".
std::string type_words(const rapidjson::Value* type) {
  const auto word = [](const char* t) { return json_type_words(t); };
  if (!type) return "another type";
  if (type->IsString()) return word(type->GetString());
  std::string s;
  if (type->IsArray())
    for (rapidjson::SizeType i = 0; i < type->Size(); ++i)
      if ((*type)[i].IsString()) s += (s.empty() ? "" : " or ") + word((*type)[i].GetString());
  return s.empty() ? "another type" : s;
}

// A value as a message shows it: a scalar's text, else its JSON, cut at 80 characters.
std::string shown(const rapidjson::Value& v) {
  return v.IsObject() || v.IsArray() ? formats::detail::excerpt(to_json_text(v), 80) : scalar_text(v);
}

// "1.500000" (a limit as both engines' words print it) as "1.5".
std::string trimmed_number(std::string_view n) {
  if (n.find('.') != std::string_view::npos && n.find_first_of("eE") == std::string_view::npos) {
    n.remove_suffix(n.size() - 1 - n.find_last_not_of('0'));
    if (n.ends_with('.')) n.remove_suffix(1);
  }
  return std::string(n);
}

// Both engines' words for a range ("Expected number greater than or equal to 1.000000") as
// the bound: "must be at least 1", with the limit as the schema writes it where it is found.
std::string range_words(std::string_view text, const rapidjson::Value* sub) {
  static constexpr std::tuple<std::string_view, std::string_view, const char*> kBounds[] = {
      {"Expected number greater than or equal to ", "at least ", "minimum"},
      {"Expected number greater than ", "greater than ", "exclusiveMinimum"},
      {"Expected number less than or equal to ", "at most ", "maximum"},
      {"Expected number less than ", "less than ", "exclusiveMaximum"}};
  for (const auto& [words, bound, keyword] : kBounds) {
    if (!text.starts_with(words)) continue;
    const rapidjson::Value* limit = sub ? child(*sub, keyword) : nullptr;
    return "must be " + std::string(bound) +
           (limit && limit->IsNumber() ? to_json_text(*limit) : trimmed_number(text.substr(words.size())));
  }
  return std::string(text);
}

// Looks up sub-schemas in the schema's JSON, the way the failures name their places.
struct SchemaTree {
  const rapidjson::Value& json;
  // patternProperties' regexes, compiled on first use (failures only) and kept.
  mutable std::map<const rapidjson::Value*, std::unique_ptr<Regex>> regexes{};

  // The first subschema of `schema`'s patternProperties whose regex matches `name`, or null.
  const rapidjson::Value* pattern_property(const rapidjson::Value& schema, std::string_view name) const {
    const rapidjson::Value* pp = child(schema, "patternProperties");
    if (!pp || !pp->IsObject()) return nullptr;
    for (const auto& m : pp->GetObject()) {
      auto [it, added] = regexes.try_emplace(&m.name);
      std::string error;
      if (added) it->second = Regex::compile({m.name.GetString(), m.name.GetStringLength()}, error);
      if (it->second && it->second->search(name)) return &m.value;
    }
    return nullptr;
  }

  const rapidjson::Value* deref(const rapidjson::Value* s) const {
    for (int hops = 0; s && s->IsObject() && hops < 16; ++hops) {
      auto ref = s->FindMember("$ref");
      if (ref == s->MemberEnd() || !ref->value.IsString()) return s;
      std::string_view r(ref->value.GetString(), ref->value.GetStringLength());
      if (!r.starts_with("#")) return nullptr;
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
        if (!next) next = pattern_property(*s, tok);
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

class Reporter final : public SchemaReporter {
 public:
  Reporter(const rapidjson::Value& schema, const rapidjson::Value& root, SchemaSink& out, bool dedupe)
      : tree_{schema}, root_(root), out_(out), dedupe_(dedupe) {}

  void fail(const std::vector<schema_fast::Step>& path, const schema_fast::Failure& f) override {
    tokens_.clear();
    bool unknown = false;
    for (const auto& s : path) {
      tokens_.push_back(s.is_index ? std::to_string(s.index) : std::string(s.key));
      unknown = unknown || s.unknown;
    }
    dedupe_now_ = unknown;
    report(f.kind, tokens_, f.kind == Fail::required ? std::string(f.property) : f.sentence);
    dedupe_now_ = false;
  }

  void report(Fail kind, const std::vector<std::string>& tokens, const std::string& text) override;
  void member_name(const std::vector<std::string>& tokens, const std::string& text) override {
    if (tokens.empty() || !resolve(tokens)) return;
    const std::string& name = tokens.back();
    add({"propertyNames", name, pointer::join(tokens), Anchor::key, {}},
        [&] { return Args{{"detail", "member name \"" + name + "\" is not allowed: " + text}}; });
  }
  void other(const std::vector<std::string>& tokens, const std::string& text) override {
    if (resolve(tokens)) add({"other", "", pointer::join(tokens), Anchor::value, {}}, [&] { return Args{{"detail", text}}; });
  }

 private:
  // valijson names places by key or index: the first member of a repeated key stands for all.
  const rapidjson::Value* resolve(const std::vector<std::string>& tokens) const {
    const rapidjson::Value* node = &root_;
    for (std::size_t i = 0; i < tokens.size() && node; ++i) node = child(*node, tokens[i]);
    return node;
  }
  using Args = std::vector<std::pair<std::string, std::string>>;
  // The message's arguments are most of a failure's cost: made only if the sink wants it.
  // So are its fix's: make_fix() may set f.fix and f.fix_name.
  template <class MakeArgs, class MakeFix = void (*)(SchemaFailure&)>
  void add(SchemaFailure f, MakeArgs&& make_args, MakeFix&& make_fix = [](SchemaFailure&) {}) {
    if ((dedupe_ || dedupe_now_) && !seen_.emplace(f.pointer, f.keyword, f.detail).second) return;
    if (!out_.wants(f)) return;
    f.args = make_args();
    make_fix(f);
    out_.add(std::move(f));
  }

  SchemaTree tree_;
  const rapidjson::Value& root_;
  SchemaSink& out_;
  bool dedupe_, dedupe_now_ = false;
  std::set<std::tuple<std::string, std::string, std::string>> seen_;
  std::set<std::string> listed_;  // objects whose unknown members are all reported
  std::vector<std::string> tokens_;
};

void Reporter::report(Fail kind, const std::vector<std::string>& tokens, const std::string& text) {
  const rapidjson::Value* node = resolve(tokens);
  if (!node) return;
  const std::string ptr = pointer::join(tokens);
  switch (kind) {
    case Fail::required:
      add({"required", text, ptr, Anchor::value, {}}, [&] { return Args{{"field", text}}; });
      break;
    case Fail::additional: {
      // valijson names only the first unknown member; report every one, with a did-you-mean.
      // Where the subschema that failed is not found (below anyOf, oneOf, ...), only the
      // member named (each is, by patternProperties' constraint).
      if (!node->IsObject()) break;
      const rapidjson::Value* sub = tree_.at(tokens, root_);
      const rapidjson::Value* extra = sub ? child(*sub, "additionalProperties") : nullptr;
      const bool found = extra && extra->IsFalse();
      const rapidjson::Value* props = found ? child(*sub, "properties") : nullptr;
      std::vector<std::string> known;
      if (props && props->IsObject())
        for (const auto& m : props->GetObject()) known.emplace_back(m.name.GetString(), m.name.GetStringLength());
      std::map<std::string, std::size_t> renamed_to;  // a suggestion -> the unknown members it is made for
      auto unknown = [&](const std::string& name) {
        std::string p = ptr;
        pointer::append_key(p, name);
        std::optional<std::string> near;
        add({"additionalProperties", name, p, Anchor::key, {}}, [&] {
          near = formats::did_you_mean(name, known);
          return Args{{"field", name}, {"hint", near ? " Did you mean \"" + *near + "\"?" : ""}};
        }, [&](SchemaFailure& f) {
          // Renaming onto a member that is there, or that another rename makes, would make a
          // duplicate key (WX0005): a new error, so no fix, not even an unsafe one.
          if (!near || child(*node, *near) || renamed_to[*near] > 1) return;
          f.fix = std::make_shared<const FixSpec>(rename_fix(f.pointer, name, *near));
          f.fix_name = "did-you-mean";
        });
      };
      if (!found) {
        if (auto named = unknown_member(text)) unknown(*named);
        break;
      }
      if (!listed_.insert(ptr).second) break;  // one failure per unknown member: listed at the first
      const std::vector<bool> repeated = repeated_keys(*node);  // a repeated key is one place
      std::vector<std::string> names;
      std::size_t at = 0;
      for (const auto& m : node->GetObject()) {
        if (repeated[at++]) continue;
        std::string name(m.name.GetString(), m.name.GetStringLength());
        if ((props && child(*props, name)) || tree_.pattern_property(*sub, name)) continue;
        names.push_back(std::move(name));
      }
      if (names.size() > 1)
        for (const auto& name : names)
          if (auto near = formats::did_you_mean(name, known)) ++renamed_to[*near];
      for (const auto& name : names) unknown(name);
      break;
    }
    case Fail::type:
      // valijson takes only an int for "integer"; draft 7 takes 10.0 too, as the fast path does.
      if (node->IsDouble() && is_integer(*node))
        if (const rapidjson::Value* sub = tree_.at(tokens, root_); sub && allows(child(*sub, "type"), "integer")) break;
      add({"type", "", ptr, Anchor::value, {}}, [&] {
        const rapidjson::Value* sub = tree_.at(tokens, root_);
        return Args{{"field", field_name(tokens)},
                    {"expected", type_words(sub ? child(*sub, "type") : nullptr)},
                    {"actual", json_type_words(json_type_name(*node))}};
      }, [&](SchemaFailure& f) {
        const rapidjson::Value* sub = tree_.at(tokens, root_);
        if (auto fix = convert_type_fix(f.pointer, *node, sub ? child(*sub, "type") : nullptr))
          f.fix = std::make_shared<const FixSpec>(std::move(*fix)), f.fix_name = "convert-type";
      });
      break;
    case Fail::enum_: {
      std::optional<std::string> near;
      add({"enum", "", ptr, Anchor::value, {}}, [&] {
        const rapidjson::Value* sub = tree_.at(tokens, root_);
        std::string allowed;
        std::vector<std::string> values;
        if (const auto* en = sub ? child(*sub, "enum") : nullptr; en && en->IsArray()) {
          allowed = listed(en->Size(), [&](std::size_t i) { return shown((*en)[static_cast<rapidjson::SizeType>(i)]); });
          for (const rapidjson::Value& v : en->GetArray())
            if (v.IsString()) values.emplace_back(v.GetString(), v.GetStringLength());
        }
        if (node->IsString()) near = formats::did_you_mean({node->GetString(), node->GetStringLength()}, values);
        return Args{{"value", shown(*node)}, {"allowed", allowed}, {"hint", near ? " Did you mean \"" + *near + "\"?" : ""}};
      }, [&](SchemaFailure& f) {
        if (!near) return;
        f.fix = std::make_shared<const FixSpec>(value_fix(f.pointer, {node->GetString(), node->GetStringLength()}, *near));
        f.fix_name = "did-you-mean";
      });
      break;
    }
    case Fail::const_:
      add({"const", "", ptr, Anchor::value, {}}, [&] {
        const rapidjson::Value* sub = tree_.at(tokens, root_);
        const rapidjson::Value* expected = sub ? child(*sub, "const") : nullptr;
        return Args{{"value", shown(*node)}, {"expected", expected ? shown(*expected) : "another value"}};
      });
      break;
    case Fail::min_items: add({"minItems", "", ptr, Anchor::value, {}}, [&] { return Args{{"detail", text}}; }); break;
    case Fail::max_items: add({"maxItems", "", ptr, Anchor::value, {}}, [&] { return Args{{"detail", text}}; }); break;
    case Fail::length: add({"length", "", ptr, Anchor::value, {}}, [&] { return Args{{"detail", text}}; }); break;
    case Fail::range:
      add({"range", "", ptr, Anchor::value, {}}, [&] {
        return Args{{"value", scalar_text(*node)}, {"detail", range_words(text, tree_.at(tokens, root_))}};
      });
      break;
    case Fail::pattern:
      add({"pattern", "", ptr, Anchor::value, {}}, [&] { return Args{{"value", scalar_text(*node)}, {"pattern", text}}; });
      break;
  }
}

}  // namespace

std::unique_ptr<SchemaReporter> SchemaReporter::make(const rapidjson::Value& schema, const rapidjson::Value& root,
                                                     SchemaSink& out, bool dedupe) {
  return std::make_unique<Reporter>(schema, root, out, dedupe);
}

}  // namespace wxlint
