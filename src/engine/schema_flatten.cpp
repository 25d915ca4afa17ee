// Graph::flatten: the graph written out as the one schema valijson reads, a definition per
// node and every $ref pointing into them.
#include "engine/schema_graph.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace wxlint::schema_graph {

using Value = rapidjson::Value;

namespace {

std::string_view sv(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

// Keywords whose values hold subschemas (in schema places, the first member of each name).
bool holds_schemas(std::string_view k, bool has_if, bool tuple) {
  if (k == "then" || k == "else") return has_if;
  if (k == "additionalItems") return tuple;
  return k == "allOf" || k == "anyOf" || k == "oneOf" || k == "not" || k == "if" || k == "contains" || k == "items" ||
         k == "dependencies" || k == "properties" || k == "additionalProperties" || k == "propertyNames";
}

bool is_true(const Value& v) { return (v.IsBool() && v.GetBool()) || (v.IsString() && sv(v) == "true"); }

}  // namespace

// Written as SAX events into the document, so that every object and array gets exactly
// its size (RapidJSON's AddMember starts at 16 members: a copy five times the schema).
class Flattener {
 public:
  Flattener(const Graph& g, const std::unordered_map<const Value*, std::int32_t>& target_of, Graph::Root root)
      : g_(g), target_of_(target_of), root_(root) {}

  bool operator()(rapidjson::Document& h) {
    h.StartObject();
    if (root_ == Graph::Root::ref) {
      ref(h, g_.root);
    } else {
      h.Key("anyOf", 5, true);
      h.StartArray();
      for (std::size_t i = 0; i < g_.nodes.size(); ++i) {
        h.StartObject();
        ref(h, static_cast<std::int32_t>(i));
        h.EndObject(1);
      }
      h.EndArray(static_cast<rapidjson::SizeType>(g_.nodes.size()));
    }
    h.Key("definitions", 11, true);
    // An array: valijson finds an object member by a linear search, an array item at once.
    h.StartArray();
    for (const Node& n : g_.nodes) node(h, *n.value);
    h.EndArray(static_cast<rapidjson::SizeType>(g_.nodes.size()));
    return h.EndObject(2);
  }

 private:
  const Graph& g_;
  const std::unordered_map<const Value*, std::int32_t>& target_of_;
  const Graph::Root root_;

  static void ref(rapidjson::Document& h, std::int32_t target) {
    const std::string text = "#/definitions/" + std::to_string(target);
    h.Key("$ref", 4, true);
    h.String(text.data(), static_cast<rapidjson::SizeType>(text.size()), true);
  }

  void position(rapidjson::Document& h, const Value& v) const {
    if (v.IsBool()) {
      h.Bool(v.GetBool());
      return;
    }
    h.StartObject();
    ref(h, target_of_.at(&v));
    h.EndObject(1);
  }

  void node(rapidjson::Document& h, const Value& v) const {
    if (v.IsBool()) {
      h.Bool(v.GetBool());
      return;
    }
    const bool has_if = v.HasMember("if");
    auto items = v.FindMember("items");
    const bool tuple = items != v.MemberEnd() && items->value.IsArray();
    std::vector<std::string_view> seen;  // keywords rewritten below: valijson reads only the first
    rapidjson::SizeType count = 0;
    const bool by_pattern = v.HasMember("patternProperties");
    const bool required = by_pattern && names(v.FindMember("required"), v.MemberEnd());
    h.StartObject();
    for (const auto& m : v.GetObject()) {
      const std::string_view k = sv(m.name);
      // "id" changed valijson's resolution scope (and its cache keys); every $ref is resolved here.
      if (k == "id" || k == "definitions" || k == kUniqueItems || k == kPattern || k == kMultipleOf ||
          k == kProperties || k == kPropertyNames)
        continue;
      if (by_pattern && (k == "properties" || k == "patternProperties" || k == "additionalProperties" ||
                         (k == "required" && required)))
        continue;  // in kProperties, below
      const bool schemas = holds_schemas(k, has_if, tuple);
      if (schemas || k == "uniqueItems" || k == "pattern" || k == "multipleOf") {
        if (std::find(seen.begin(), seen.end(), k) != seen.end()) continue;
        seen.push_back(k);
      }
      if (k == "propertyNames" && m.value.IsBool() && m.value.GetBool()) continue;  // allows every name
      ++count;
      if (k == "uniqueItems" && is_true(m.value)) {
        h.Key(kUniqueItems, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(kUniqueItems)), true);
        h.Bool(true);
        continue;
      }
      if (k == "pattern" && m.value.IsString()) {
        h.Key(kPattern, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(kPattern)), true);
        m.value.Accept(h);
        continue;
      }
      if (k == "multipleOf") {
        h.Key(kMultipleOf, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(kMultipleOf)), true);
        m.value.Accept(h);
        continue;
      }
      if (k == "propertyNames") {
        h.Key(kPropertyNames, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(kPropertyNames)), true);
        if (m.value.IsBool()) h.Bool(false);
        else h.Int(target_of_.at(&m.value));
        continue;
      }
      h.Key(m.name.GetString(), m.name.GetStringLength(), true);
      if (schemas && m.value.IsArray()) {
        h.StartArray();
        for (const auto& s : m.value.GetArray()) position(h, s);
        h.EndArray(m.value.Size());
      } else if (schemas && (k == "properties" || k == "dependencies")) {
        h.StartObject();
        for (const auto& p : m.value.GetObject()) {
          h.Key(p.name.GetString(), p.name.GetStringLength(), true);
          if (p.value.IsArray()) p.value.Accept(h);
          else position(h, p.value);
        }
        h.EndObject(m.value.MemberCount());
      } else if (schemas) {
        position(h, m.value);
      } else {
        m.value.Accept(h);
      }
    }
    if (by_pattern) {
      properties(h, v, required);
      ++count;
    }
    h.EndObject(count);
  }

  // A "required" that valijson would take (else it stays beside kProperties for valijson to refuse).
  static bool names(Value::ConstMemberIterator required, Value::ConstMemberIterator end) {
    if (required == end) return false;
    const Value& r = required->value;
    return r.IsArray() && std::all_of(r.Begin(), r.End(), [](const Value& x) { return x.IsString(); });
  }

  // kProperties: each keyword's first member, as valijson reads it; subschemas by node index.
  void properties(rapidjson::Document& h, const Value& v, bool required) const {
    h.Key(kProperties, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(kProperties)), true);
    h.StartObject();
    rapidjson::SizeType count = 0;
    auto schemas = [&](const char* k) {
      auto m = v.FindMember(k);
      if (m == v.MemberEnd()) return;
      h.Key(k, static_cast<rapidjson::SizeType>(std::char_traits<char>::length(k)), true);
      h.StartObject();
      for (const auto& p : m->value.GetObject()) {
        h.Key(p.name.GetString(), p.name.GetStringLength(), true);
        h.Int(target_of_.at(&p.value));
      }
      h.EndObject(m->value.MemberCount());
      ++count;
    };
    schemas("properties");
    schemas("patternProperties");
    if (auto extra = v.FindMember("additionalProperties"); extra != v.MemberEnd()) {
      h.Key("additionalProperties", 20, true);
      if (extra->value.IsBool()) h.Bool(extra->value.GetBool());
      else h.Int(target_of_.at(&extra->value));
      ++count;
    }
    if (required) {
      h.Key("required", 8, true);
      v.FindMember("required")->value.Accept(h);
      ++count;
    }
    h.EndObject(count);
  }
};

void Graph::flatten(rapidjson::Document& out, Root root) const {
  Flattener f(*this, target_of_, root);
  out.Populate(f);
}

}  // namespace wxlint::schema_graph
