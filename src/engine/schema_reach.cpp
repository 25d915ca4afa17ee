#include "engine/schema_reach.hpp"

#include "document/document.hpp"
#include "document/json_pointer.hpp"
#include "engine/check.hpp"
#include "engine/data_file.hpp"
#include "engine/pattern.hpp"
#include "formats/formats.hpp"

#include <rapidjson/pointer.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

namespace wxlint::schema_reach {
namespace {

using rapidjson::Value;

// Deeper than this through $ref and combinators, a schema is taken to allow anything.
constexpr int kMaxDepth = 64;

std::string_view sv(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

const Value* member(const Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

bool type_allows(const Value& schema, std::string_view type) {
  const Value* t = member(schema, "type");
  if (!t) return true;
  const auto names = [&](const Value& e) { return e.IsString() && (sv(e) == type || sv(e) == "any"); };  // valijson takes "any"
  if (t->IsString()) return names(*t);
  if (t->IsArray()) return std::any_of(t->Begin(), t->End(), names);
  return true;  // not a schema we read: allow
}

std::optional<std::size_t> index_of(std::string_view token) {
  std::size_t i = 0;
  return pointer::parse_index(token, i) ? std::optional(i) : std::nullopt;
}

// The schemas of one member or item of a value. Open: something lets it be anything.
struct Child {
  bool open = false;
  std::vector<const Value*> schemas;
  void add(const Value& s) { schemas.push_back(&s); }
  // A schema for it of true, or none said at all: anything.
  void add_or_open(const Value* s) {
    if (!s || (s->IsBool() && s->GetBool())) open = true;
    else add(*s);
  }
};

class Reach {
 public:
  // With `value`, the place must also admit it (a condition's value).
  Reach(const Value& root, const std::vector<std::string>& tokens, const Value* value = nullptr)
      : root_(root), tokens_(tokens), value_(value) {}

  bool from(const Value& schema, std::size_t i) {
    if (i == tokens_.size()) return !value_ || admits(schema, *value_, 0);
    if (!seen_.emplace(&schema, i).second) return false;  // its answer is on the way
    if (i > deepest_) deepest_ = i, names_.clear();
    Child child;
    if (!allows(schema, tokens_[i], child, i, 0)) return false;
    if (child.open || child.schemas.empty()) return true;  // anything, whatever follows
    for (const Value* s : child.schemas)
      if (from(*s, i + 1)) return true;
    return false;
  }

  std::size_t deepest() const { return deepest_; }
  const std::vector<std::string>& names() const { return names_; }

 private:
  // Whether a value `schema` describes may have `token` (a member name, an index, "*"),
  // and with what schemas.
  bool allows(const Value& schema, std::string_view token, Child& out, std::size_t i, int depth) {
    if (depth > kMaxDepth) return out.open = true;
    if (schema.IsBool()) return schema.GetBool() && (out.open = true);
    if (!schema.IsObject()) return out.open = true;
    if (const Value* ref = member(schema, "$ref")) {
      const Value* target = target_of(*ref);
      return target ? allows(*target, token, out, i, depth + 1) : (out.open = true);
    }
    if (!own(schema, token, out, i)) return false;
    if (const Value* all = member(schema, "allOf"); all && all->IsArray())
      for (const Value& b : all->GetArray())
        if (!allows(b, token, out, i, depth + 1)) return false;
    for (const char* kw : {"anyOf", "oneOf"}) {
      const Value* any = member(schema, kw);
      if (!any || !any->IsArray() || any->Empty()) continue;
      bool some = false;
      for (const Value& b : any->GetArray()) {
        Child branch;
        if (!allows(b, token, branch, i, depth + 1)) continue;
        some = true;
        out.open = out.open || branch.open || branch.schemas.empty();  // this branch lets it be anything
        out.schemas.insert(out.schemas.end(), branch.schemas.begin(), branch.schemas.end());
      }
      if (!some) return false;
    }
    return true;
  }

  // What a "$ref" in this document names; null for another document's (then: anything).
  const Value* target_of(const Value& ref) const {
    if (!ref.IsString() || ref.GetStringLength() == 0 || ref.GetString()[0] != '#') return nullptr;
    return rapidjson::Pointer(ref.GetString(), ref.GetStringLength()).Get(root_);
  }

  // Whether `schema` lets a value be of `v`'s JSON type, its combinators' too. Not its enum: a
  // condition may name a value the schema refuses, to word what the schema says in general.
  bool admits(const Value& schema, const Value& v, int depth) {
    if (depth > kMaxDepth || !schema.IsObject()) return !schema.IsBool() || schema.GetBool();
    if (const Value* ref = member(schema, "$ref")) {
      const Value* target = target_of(*ref);
      return !target || admits(*target, v, depth + 1);
    }
    const std::string_view type = json_type_name(v);  // "integer" for a whole number
    if (!type_allows(schema, type) && !(type == "integer" && type_allows(schema, "number"))) return false;
    if (const Value* all = member(schema, "allOf"); all && all->IsArray())
      for (const Value& b : all->GetArray())
        if (!admits(b, v, depth + 1)) return false;
    for (const char* kw : {"anyOf", "oneOf"})
      if (const Value* any = member(schema, kw); any && any->IsArray() && !any->Empty() &&
                                                 std::none_of(any->Begin(), any->End(), [&](const Value& b) { return admits(b, v, depth + 1); }))
        return false;
    return true;
  }

  // What the schema's own keywords say of `token`, combinators aside.
  bool own(const Value& schema, std::string_view token, Child& out, std::size_t i) {
    const bool any = token == "*";
    const std::optional<std::size_t> index = index_of(token);
    bool ok = false;
    if (type_allows(schema, "object")) {
      const Value* props = member(schema, "properties");
      bool named = false;
      if (props && props->IsObject())
        for (const auto& m : props->GetObject()) {
          note(sv(m.name), i);
          if (any || sv(m.name) == token) out.add(m.value), named = true;
        }
      const Value* patterns = member(schema, "patternProperties");
      if (patterns && patterns->IsObject() && !patterns->ObjectEmpty()) {  // read as if any name matched
        for (const auto& m : patterns->GetObject()) out.add(m.value);
        named = true;
      }
      const Value* extra = member(schema, "additionalProperties");
      if (!extra || !(extra->IsBool() && !extra->GetBool())) {
        if (any || !named) out.add_or_open(extra);
        named = true;
      }
      ok = named;
    }
    if ((any || index) && type_allows(schema, "array")) {
      const Value* items = member(schema, "items");
      if (items && items->IsArray()) {
        const Value* extra = member(schema, "additionalItems");
        const bool more = !extra || !(extra->IsBool() && !extra->GetBool());
        if (any) {
          for (const Value& s : items->GetArray()) out.add(s);
          if (more) out.add_or_open(extra);
          ok = true;
        } else if (*index < items->Size()) {
          out.add(items->GetArray()[static_cast<rapidjson::SizeType>(*index)]);
          ok = true;
        } else if (more) {
          out.add_or_open(extra);
          ok = true;
        }
      } else {
        out.add_or_open(items);
        ok = true;
      }
    }
    return ok;
  }

  // The member names the schema knows where the walk got furthest, for a did-you-mean.
  void note(std::string_view name, std::size_t i) {
    if (i == deepest_) names_.emplace_back(name);
  }

  const Value& root_;
  const std::vector<std::string>& tokens_;
  const Value* value_;
  std::set<std::pair<const Value*, std::size_t>> seen_;
  std::size_t deepest_ = 0;
  std::vector<std::string> names_;
};

}  // namespace

std::optional<std::string> unreachable(const rapidjson::Value& schema, const std::vector<std::string>& tokens,
                                       const rapidjson::Value* value) {
  // Deeper than any payload wxlint reads (and than its recursion below should go).
  if (tokens.size() > Document::kMaxDepth)
    return "it is " + std::to_string(tokens.size()) + " levels deep, and wxlint reads no payload deeper than " +
           std::to_string(Document::kMaxDepth);
  Reach reach(schema, tokens);
  if (reach.from(schema, 0)) {
    if (!value || Reach(schema, tokens, value).from(schema, 0)) return std::nullopt;
    const std::string where = pointer::join(tokens);
    return "the request schema allows no " + std::string(json_type_name(*value)) + " (" +
           formats::clipped(to_json_text(*value), 64) + ") at " + (where.empty() ? "the root" : where);
  }
  const std::size_t at = reach.deepest();
  const std::string where = pointer::join({tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(at)});
  const std::string& token = tokens[at];
  std::string why = "the request schema allows no " + std::string(token == "*" ? "member or item" : "\"" + token + "\"") +
                    " at " + (where.empty() ? "the root" : where);
  if (token != "*")
    if (const auto near = formats::did_you_mean(token, reach.names())) why += "; did you mean \"" + *near + "\"?";
  return why;
}

// A policy rule's "at", and its "when" and "unless" pointers, must each name a place the
// operation's request schema allows: else the rule never applies, or its exemption never does.
void check_places(const DataFile& file, const std::string& ptr, const rapidjson::Value& r, const rapidjson::Value& schema) {
  const auto at_member = r.FindMember("at");
  if (at_member == r.MemberEnd() || !at_member->value.IsString()) return;
  const std::optional<Pattern> at = Pattern::parse({at_member->value.GetString(), at_member->value.GetStringLength()});
  if (!at) return;  // the loader says why
  // A forbidden member is one the schema may not have: its object must be one it has.
  const auto check = r.FindMember("check");
  const bool forbidden = check != r.MemberEnd() && check->value == "forbidden" && !at->tokens.empty();
  const std::vector<std::string> object(at->tokens.begin(), at->tokens.end() - (forbidden ? 1 : 0));
  if (const auto why = unreachable(schema, object))
    file.fail(ptr + "/at", "\"" + at->text + "\" matches nothing: " + *why + " (the rule would never apply)");
  // Each member of a "when" or "unless" object (parsed already: its names are pointers).
  // "when" values must be of a type the place can hold: a condition that never holds.
  const auto conditions_of = [&](const rapidjson::Value& conditions, const std::string& where, bool typed) {
    if (!conditions.IsObject()) return;
    for (const auto& m : conditions.GetObject()) {
      const std::optional<RelPointer> parsed = RelPointer::parse({m.name.GetString(), m.name.GetStringLength()});
      if (!parsed) continue;  // the loader says why
      const RelPointer& target = *parsed;
      if (forbidden && target.up == 0) continue;  // at or below the member the schema lacks
      std::string place = where + "/";
      pointer::append_escaped(place, target.text);
      if (target.up > at->tokens.size())
        file.fail(place, "\"" + target.text + "\" climbs " + std::to_string(target.up) + " levels from \"" + at->text +
                             "\", above the request's root: it names nothing");
      std::vector<std::string> tokens(at->tokens.begin(), at->tokens.end() - static_cast<std::ptrdiff_t>(target.up));
      tokens.insert(tokens.end(), target.tokens.begin(), target.tokens.end());
      if (const auto why = unreachable(schema, tokens)) file.fail(place, "\"" + target.text + "\" names nothing: " + *why);
      if (typed)
        if (const auto why = unreachable(schema, tokens, &m.value)) file.fail(place, "\"" + target.text + "\" never holds: " + *why);
    }
  };
  if (const auto w = r.FindMember("when"); w != r.MemberEnd()) conditions_of(w->value, ptr + "/when", true);
  if (const auto u = r.FindMember("unless"); u != r.MemberEnd()) {
    if (u->value.IsObject()) conditions_of(u->value, ptr + "/unless", false);
    else if (u->value.IsArray())
      for (rapidjson::SizeType k = 0; k < u->value.Size(); ++k) conditions_of(u->value[k], ptr + "/unless/" + std::to_string(k), false);
  }
}

}  // namespace wxlint::schema_reach
