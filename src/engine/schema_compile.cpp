#include "engine/schema_fast.hpp"

#include <algorithm>
#include <map>

namespace wxlint::schema_fast {

namespace {
constexpr std::uint8_t kAny = 0x7f;
constexpr int kMaxDepth = 64;

using Value = rapidjson::Value;

std::uint8_t type_bit(std::string_view t) {
  if (t == "null") return kNull;
  if (t == "boolean") return kBool;
  if (t == "object") return kObject;
  if (t == "array") return kArray;
  if (t == "number") return kNumber;
  if (t == "string") return kString;
  if (t == "integer") return kInteger;
  if (t == "any") return kAny;  // valijson accepts it in draft 7
  return 0;
}

bool simple_scalar(const Value& v) { return v.IsString() || v.IsBool() || v.IsNull(); }
}  // namespace

class Compiler {
 public:
  Compiler(const Value& root, std::vector<Program::Node>& nodes) : root_(root), nodes_(nodes) {}
  bool ok = true;

  std::int32_t compile(const Value& s, int depth) {
    if (!ok || depth > kMaxDepth) return fail();
    if (s.IsBool() && s.GetBool()) return add();  // true: an empty schema
    if (!s.IsObject()) return fail();             // false is left to valijson
    if (auto ref = s.FindMember("$ref"); ref != s.MemberEnd()) return compile_ref(ref->value, depth);
    Program::Node n;
    for (const auto& m : s.GetObject()) {
      const std::string_view k = sv(m.name);
      const Value& v = m.value;
      if (k == "$schema" || k == "$id" || k == "$comment" || k == "title" || k == "description") {
        if (!v.IsString()) return fail();
      } else if (k == "default" || k == "examples") {
      } else if (k == "definitions") {
        if (!v.IsObject()) return fail();
      } else if (k == "type") {
        if (v.IsString()) {
          n.types = type_bit(sv(v));
          if (!n.types) return fail();
        } else if (v.IsArray() && !v.Empty()) {
          for (const auto& t : v.GetArray()) {
            const std::uint8_t b = t.IsString() ? type_bit(sv(t)) : 0;
            if (!b) return fail();
            n.types |= b;
          }
        } else {
          return fail();
        }
      } else if (k == "enum") {
        if (!v.IsArray()) return fail();
        n.has_enum = true;
        for (const auto& e : v.GetArray()) {
          if (!simple_scalar(e)) return fail();
          n.enum_values.push_back(&e);
        }
      } else if (k == "const") {
        if (!simple_scalar(v)) return fail();
        n.const_value = &v;
      } else if (k == "items") {
        if (v.IsArray()) return fail();  // tuples are left to valijson
        n.items = compile(v, depth + 1);
      } else if (k == "properties") {
        if (!v.IsObject()) return fail();
        for (const auto& p : v.GetObject()) n.props.push_back({sv(p.name), compile(p.value, depth + 1)});
      } else if (k == "additionalProperties") {
        if (v.IsBool()) {
          n.extra = v.GetBool() ? Program::Node::Extra::any : Program::Node::Extra::closed;
        } else {
          n.extra = Program::Node::Extra::schema;
          n.extra_node = compile(v, depth + 1);
        }
      } else if (k == "required") {
        if (!v.IsArray()) return fail();
        for (const auto& r : v.GetArray()) {
          if (!r.IsString()) return fail();
          n.required.push_back(sv(r));
        }
      } else if (k == "pattern") {
        if (!v.IsString() || !(n.pattern = regex(v))) return fail();
      } else if (k == "patternProperties") {
        if (!v.IsObject()) return fail();
        for (const auto& p : v.GetObject()) {
          std::shared_ptr<const Regex> name = regex(p.name);
          if (!name) return fail();
          n.pattern_props.push_back({std::move(name), compile(p.value, depth + 1)});
        }
      } else if (k == "minItems" || k == "maxItems" || k == "minLength" || k == "maxLength") {
        if (!v.IsUint64()) return fail();
        const std::uint64_t x = v.GetUint64();
        (k == "minItems" ? n.min_items : k == "maxItems" ? n.max_items : k == "minLength" ? n.min_length : n.max_length) = x;
      } else if (k == "minimum" || k == "maximum" || k == "exclusiveMinimum" || k == "exclusiveMaximum") {
        if (!v.IsNumber()) return fail();
        const double x = as_double(v);
        if (k == "minimum") n.has_min = true, n.min = x;
        else if (k == "maximum") n.has_max = true, n.max = x;
        else if (k == "exclusiveMinimum") n.has_xmin = true, n.xmin = x;
        else n.has_xmax = true, n.xmax = x;
      } else {
        return fail();  // anything else: valijson
      }
    }
    if (!ok) return -1;
    auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
    std::stable_sort(n.props.begin(), n.props.end(), by_name);
    for (std::size_t i = 1; i < n.props.size(); ++i)
      if (n.props[i].name == n.props[i - 1].name) return fail();  // duplicate names: leave to valijson
    std::sort(n.required.begin(), n.required.end());
    n.required.erase(std::unique(n.required.begin(), n.required.end()), n.required.end());
    for (auto r : n.required) n.required_prop.push_back(n.find(r));
    n.type_only = n.ref < 0 && !n.has_enum && !n.const_value && n.items < 0 && !n.has_xmax && !n.has_max &&
                  !n.has_xmin && !n.has_min && n.max_items == kUnbounded && n.min_items == 0 &&
                  n.max_length == kUnbounded && n.min_length == 0 && n.props.empty() &&
                  n.extra == Program::Node::Extra::any && n.required.empty() && !n.pattern && n.pattern_props.empty();
    const std::int32_t id = add();
    nodes_[id] = std::move(n);
    return id;
  }

  // Every chain of pure $refs must end in a real node.
  bool refs_terminate() const {
    for (const auto& n : nodes_) {
      const Program::Node* p = &n;
      for (std::size_t hops = 0; p->ref >= 0; ++hops) {
        if (hops > nodes_.size()) return false;
        p = &nodes_[p->ref];
      }
    }
    return true;
  }

 private:
  std::int32_t fail() {
    ok = false;
    return -1;
  }
  // Patterns were checked before (schema_layer.cpp): one that does not compile is left to it.
  static std::shared_ptr<const Regex> regex(const Value& v) {
    std::string error;
    return Regex::compile(sv(v), error);
  }
  std::int32_t add() {
    nodes_.emplace_back();
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }

  // Only local "#/definitions/NAME"; siblings of $ref are ignored, as valijson does.
  std::int32_t compile_ref(const Value& ref, int depth) {
    if (!ref.IsString()) return fail();
    constexpr std::string_view prefix = "#/definitions/";
    const std::string_view r = sv(ref);
    if (r.substr(0, prefix.size()) != prefix) return fail();
    const std::string_view name = r.substr(prefix.size());
    if (name.empty() || name.find_first_of("/~%") != std::string_view::npos) return fail();
    if (auto it = defs_.find(name); it != defs_.end()) return it->second;  // also ends recursion
    auto defs = root_.FindMember("definitions");
    if (defs == root_.MemberEnd() || !defs->value.IsObject()) return fail();
    auto def = defs->value.FindMember(rapidjson::StringRef(name.data(), name.size()));
    if (def == defs->value.MemberEnd()) return fail();
    const std::int32_t id = add();  // reserved first so that recursive refs resolve to it
    defs_.emplace(name, id);
    const std::int32_t body = compile(def->value, depth + 1);
    if (!ok) return -1;
    nodes_[id].ref = body;
    return id;
  }

  const Value& root_;
  std::vector<Program::Node>& nodes_;
  std::map<std::string_view, std::int32_t> defs_;
};

Program::Program() = default;
Program::~Program() = default;

std::unique_ptr<Program> Program::compile(const Value& schema) {
  std::unique_ptr<Program> p(new Program());
  Compiler c(schema, p->nodes_);
  p->root_ = c.compile(schema, 0);
  if (!c.ok || p->root_ < 0 || !c.refs_terminate()) return nullptr;
  return p;
}

}  // namespace wxlint::schema_fast
