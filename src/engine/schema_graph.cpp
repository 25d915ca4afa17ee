#include "engine/schema_graph.hpp"

#include "document/json_pointer.hpp"
#include "engine/check.hpp"
#include "formats/formats.hpp"

#include <wxlint/error.hpp>

#include <algorithm>
#include <charconv>

namespace wxlint::schema_graph {

using Value = rapidjson::Value;

// Big objects (definitions) get an index: a $ref each into them would be quadratic.
class Members {
 public:
  const Value* find(const Value& object, std::string_view name) {
    if (object.MemberCount() <= 16) {
      auto m = object.FindMember(Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
      return m == object.MemberEnd() ? nullptr : &m->value;
    }
    auto [it, added] = index_.try_emplace(&object);
    if (added)
      for (const auto& m : object.GetObject()) it->second.emplace(std::string_view(m.name.GetString(), m.name.GetStringLength()), &m.value);  // the first of a name
    auto found = it->second.find(name);
    return found == it->second.end() ? nullptr : found->second;
  }

 private:
  std::unordered_map<const Value*, std::unordered_map<std::string_view, const Value*>> index_;
};

namespace {

std::string_view sv(const Value& v) { return {v.GetString(), v.GetStringLength()}; }

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// A local $ref resolved as valijson resolved it: "#", then a JSON Pointer whose tokens are
// unescaped ~1, then ~0, then %XX; empty tokens (and so trailing slashes) are skipped.
struct Resolved {
  const Value* target = nullptr;
  std::string pointer;  // where the target is, canonical
  std::string error;
};

Resolved resolve(const Value& root, std::string_view text, Members& members) {
  Resolved r;
  const std::string quoted = "$ref \"" + std::string(text) + "\"";
  if (text.empty() || text[0] != '#') {
    r.error = quoted + " points outside this file: only references within the schema (\"#...\") are supported";
    return r;
  }
  const std::string_view ptr = text.substr(1);
  if (!ptr.empty() && ptr[0] != '/') {
    r.error = quoted + " is not \"#\" followed by a JSON Pointer";
    return r;
  }
  const Value* at = &root;
  for (std::size_t from = 0; from < ptr.size();) {
    std::size_t end = ptr.find('/', from + 1);
    if (end == std::string_view::npos) end = ptr.size();
    std::string token(ptr.substr(from + 1, end - from - 1));
    from = end;
    if (token.empty()) continue;
    replace_all(token, "~1", "/");
    replace_all(token, "~0", "~");
    if (token.find('%') != std::string::npos) {
      std::optional<std::string> decoded = formats::percent_decoded(token);
      if (!decoded) {
        r.error = quoted + " has a bad %-escape";
        return r;
      }
      token = std::move(*decoded);
    }
    const Value* next = nullptr;
    if (at->IsObject()) {
      next = members.find(*at, token);
      pointer::append_key(r.pointer, token);
    } else if (at->IsArray()) {
      std::uint64_t i = 0;
      auto [p, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
      if (ec == std::errc() && p == token.data() + token.size() && i < at->Size()) next = &(*at)[static_cast<rapidjson::SizeType>(i)];
      r.pointer += "/" + token;
    }
    if (!next) {
      r.error = quoted + " does not resolve: " + (at->IsObject() || at->IsArray() ? "there is no " : "nothing is under ") + "#" + r.pointer;
      return r;
    }
    at = next;
  }
  r.target = at;
  return r;
}

bool is_schema(const Value& v) { return v.IsObject() || v.IsBool(); }

}  // namespace

Graph::~Graph() = default;

Graph::Graph(const Value& schema, std::string name)
    : root_value_(schema), name_(std::move(name)), members_(std::make_unique<Members>()) {
  root = position(schema, Place::root());
  while (!todo_.empty()) {
    const std::int32_t n = todo_.back();
    todo_.pop_back();
    expand(n);
  }
}

void Graph::fail(const std::string& ptr, const std::string& problem) const {
  throw ConfigError(name_ + ": " + (ptr.empty() ? "(root)" : ptr) + ": " + problem);
}

void Graph::fail_cycle(const std::vector<std::int32_t>& cycle) const {
  std::string text(ref_text(cycle.back()));
  for (std::int32_t r : cycle) text += " -> " + std::string(ref_text(r));
  fail(ref_pointer(cycle.back()),
       "$ref cycle: " + text + " (no property or item in between, so checking a value would never end)");
}

std::string_view Graph::ref_text(std::int32_t ref) const {
  const Value& v = refs[ref].object->FindMember("$ref")->value;
  return v.IsString() ? sv(v) : std::string_view();
}

std::string Graph::pointer(const Place& place) const {
  // Built from the innermost place outwards: the chain of enclosing nodes ends at the root
  // or at a $ref target, whose place is where that $ref points.
  std::vector<const Place*> chain;
  std::string base;
  for (const Place* p = &place; p;) {
    if (p->node < 0 && p->ref < 0) break;
    if (p->node < 0) {
      base = resolve(root_value_, ref_text(p->ref), *members_).pointer;
      break;
    }
    chain.push_back(p);
    p = &nodes[p->node].place;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    pointer::append_key(base, (*it)->keyword);
    if ((*it)->index != SIZE_MAX) pointer::append_index(base, (*it)->index);
    else if ((*it)->key.data()) pointer::append_key(base, (*it)->key);
  }
  return base;
}

std::int32_t Graph::node_for(const Value& v, const Place& place) {
  auto [it, added] = node_of_.emplace(&v, static_cast<std::int32_t>(nodes.size()));
  if (added) {
    nodes.push_back({&v, place, {}});
    if (v.IsObject()) todo_.push_back(it->second);
  }
  return it->second;
}

std::int32_t Graph::ref_for(const Value& v, const Place& place) {
  auto [it, added] = ref_of_.emplace(&v, static_cast<std::int32_t>(refs.size()));
  if (added) refs.push_back({&v, place});
  return it->second;
}

// The node a subschema position stands for, through its chain of $refs.
std::int32_t Graph::position(const Value& v, const Place& place, const char* expected) {
  std::int32_t id;
  if (v.IsObject() && v.HasMember("$ref")) id = follow(ref_for(v, place));
  else if (is_schema(v)) id = node_for(v, place);
  else
    fail(pointer(place), std::string("expected ") + (expected ? expected : "a schema (an object, true or false)") +
                             ", not " + json_type_words(json_type_name(v)));
  target_of_[&v] = id;
  return id;
}

std::int32_t Graph::follow(std::int32_t first) {
  std::vector<std::int32_t> chain;
  std::int32_t r = first, end = -1;
  while (end < 0) {
    if (refs[r].to >= 0) {
      end = refs[r].to;
      break;
    }
    if (refs[r].busy) {
      // A chain of $refs that comes back to itself: valijson followed it forever.
      fail_cycle({std::find(chain.begin(), chain.end(), r), chain.end()});
    }
    refs[r].busy = true;
    chain.push_back(r);
    const Value& text = refs[r].object->FindMember("$ref")->value;
    if (!text.IsString()) fail(ref_pointer(r), "$ref must be a string");
    Resolved res = resolve(root_value_, sv(text), *members_);
    if (!res.target) fail(ref_pointer(r), res.error);
    const Value& t = *res.target;
    if (t.IsObject() && t.HasMember("$ref")) {
      refs[r].next = ref_for(t, Place::target_of(r));
      r = refs[r].next;
    } else if (is_schema(t)) {
      end = node_for(t, Place::target_of(r));
    } else {
      fail(ref_pointer(r), "$ref \"" + std::string(sv(text)) + "\" points to " + json_type_words(json_type_name(t)) +
                               ", not to a schema (an object, true or false)");
    }
  }
  for (std::int32_t c : chain) refs[c].to = end, refs[c].busy = false;
  return end;
}

// The edges of a node, in the order valijson reads its keywords (each keyword's first member).
void Graph::expand(std::int32_t n) {
  const Value& v = *nodes[n].value;
  auto member = [&v](const char* k) -> const Value* {
    auto it = v.FindMember(k);
    return it == v.MemberEnd() ? nullptr : &it->value;
  };
  auto edge = [&](Via via, const Value& s, Place place, std::string_view name = {}, std::size_t index = 0,
                  const char* expected = nullptr) {
    const std::int32_t to = position(s, place, expected);
    const std::int32_t ref = s.IsObject() && s.HasMember("$ref") ? ref_of_.at(&s) : -1;
    nodes[n].edges.push_back({to, via, ref, name, index});
  };
  auto list = [&](const char* k) {
    const Value* a = member(k);
    if (!a) return;
    if (!a->IsArray()) fail(pointer(Place::in(n, k)), std::string(k) + " must be an array of schemas");
    for (rapidjson::SizeType i = 0; i < a->Size(); ++i) edge(Via::same_value, (*a)[i], Place::in(n, k, std::size_t{i}));
  };
  auto one = [&](const char* k, Via via) {
    if (const Value* s = member(k)) edge(via, *s, Place::in(n, k));
  };
  auto object_of = [&](const char* k) -> const Value* {
    const Value* o = member(k);
    if (o && !o->IsObject()) fail(pointer(Place::in(n, k)), std::string(k) + " must be an object");
    return o;
  };

  list("allOf");
  list("anyOf");
  one("contains", Via::contains);
  if (const Value* deps = object_of("dependencies"))
    for (const auto& m : deps->GetObject())
      if (!m.value.IsArray())
        edge(Via::same_value, m.value, Place::in(n, "dependencies", sv(m.name)), {}, 0,
             "a schema (an object, true or false) or an array of member names");
  if (const Value* items = member("items")) {
    if (items->IsArray()) {
      for (rapidjson::SizeType i = 0; i < items->Size(); ++i) edge(Via::item, (*items)[i], Place::in(n, "items", std::size_t{i}), {}, i);
      one("additionalItems", Via::other_item);
    } else {
      edge(Via::every_item, *items, Place::in(n, "items"), {}, 0, "a schema (an object, true or false) or an array of schemas");
    }
  }
  if (member("if")) {
    one("if", Via::same_value);
    one("then", Via::same_value);
    one("else", Via::same_value);
  }
  one("not", Via::same_value);
  list("oneOf");
  if (const Value* props = object_of("properties"))
    for (const auto& m : props->GetObject()) edge(Via::property, m.value, Place::in(n, "properties", sv(m.name)), sv(m.name));
  if (const Value* patterns = object_of("patternProperties"))
    for (const auto& m : patterns->GetObject()) edge(Via::pattern_property, m.value, Place::in(n, "patternProperties", sv(m.name)), sv(m.name));
  one("additionalProperties", Via::other_property);
  one("propertyNames", Via::property_name);
}

}  // namespace wxlint::schema_graph
