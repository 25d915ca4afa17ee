#include "engine/schema_fast.hpp"

#include "engine/check.hpp"

#include <string>

namespace wxlint::schema_fast {

namespace {

using Value = rapidjson::Value;

// valijson's u8_strlen(): code points up to the first NUL (it reads a C string).
std::uint64_t u8_length(const Value& v) {
  const auto* s = reinterpret_cast<const unsigned char*>(v.GetString());
  const std::size_t n = v.GetStringLength();
  std::uint64_t count = 0;
  std::size_t i = 0;
  for (; i < n && s[i] != 0; ++i) count += (s[i] & 0xC0) != 0x80 || i == 0;
  return count;
}

// enum and const hold only strings, booleans and null here: strict equality is simple.
bool equal(const Value& a, const Value& b) {
  if (a.IsString()) return b.IsString() && sv(a) == sv(b);
  if (a.IsBool()) return b.IsBool() && a.GetBool() == b.GetBool();
  return a.IsNull() && b.IsNull();
}

// Walks the instance and the nodes together; failures come out in valijson's order: per
// node const, enum, items, the numeric/size bounds, properties, required, then type.
class Evaluator {
 public:
  Evaluator(const std::vector<Program::Node>& nodes, Sink& sink) : nodes_(nodes), sink_(sink) { path_.reserve(16); }

  void run(std::int32_t id, const Value& v) {
    const Program::Node* n = &resolved(id);
    if (n->const_value && !equal(*n->const_value, v)) report(Fail::const_, v);
    if (n->has_enum && std::none_of(n->enum_values.begin(), n->enum_values.end(), [&](const Value* e) { return equal(*e, v); }))
      report(Fail::enum_, v);
    if (v.IsArray()) {
      if (n->items >= 0) {
        const Program::Node& item_node = resolved(n->items);
        std::size_t i = 0;
        for (const auto& item : v.GetArray()) {
          if (passes_by_type(item_node, item)) {
            ++i;
            continue;
          }
          path_.push_back({{}, i++, true});
          run(n->items, item);
          path_.pop_back();
        }
      }
      const std::uint64_t size = v.Size();
      if (size > n->max_items)
        report(Fail::max_items, v, {}, "Array should contain no more than " + std::to_string(n->max_items) + " elements.");
      if (size < n->min_items)
        report(Fail::min_items, v, {}, "Array should contain no fewer than " + std::to_string(n->min_items) + " elements.");
    } else if (v.IsNumber()) {
      if (n->has_xmax || n->has_max || n->has_xmin || n->has_min) bounds(*n, v);
    } else if (v.IsString()) {
      if (n->pattern && !n->pattern->search(sv(v))) report(Fail::pattern, v, {}, n->pattern->text());
      if (n->max_length != std::numeric_limits<std::uint64_t>::max() || n->min_length != 0) {
        const std::uint64_t len = u8_length(v);
        if (len > n->max_length)
          report(Fail::length, v, {}, "String should be no more than " + std::to_string(n->max_length) + " characters in length.");
        if (len < n->min_length)
          report(Fail::length, v, {}, "String should be no fewer than " + std::to_string(n->min_length) + " characters in length.");
      }
    } else if (v.IsObject()) {
      object(*n, v);
    }
    if (n->types && !type_ok(n->types, v)) report(Fail::type, v);
  }

 private:
  const Program::Node& resolved(std::int32_t id) const {
    const Program::Node* n = &nodes_[id];
    while (n->ref >= 0) n = &nodes_[n->ref];
    return *n;
  }

  // Whether run() would report nothing for v at n, known without running it: most leaves
  // of a payload are a string or a boolean where the schema wants one.
  static bool passes_by_type(const Program::Node& n, const Value& v) {
    return n.type_only && (n.types == 0 || type_ok(n.types, v));
  }

  static bool matches_pattern(const Program::Node& n, std::string_view name) {
    return std::any_of(n.pattern_props.begin(), n.pattern_props.end(), [&](const auto& pp) { return pp.name->search(name); });
  }

  static bool type_ok(std::uint8_t types, const Value& v) {
    switch (v.GetType()) {
      case rapidjson::kNullType: return types & kNull;
      case rapidjson::kFalseType:
      case rapidjson::kTrueType: return types & kBool;
      case rapidjson::kObjectType: return types & kObject;
      case rapidjson::kArrayType: return types & kArray;
      case rapidjson::kStringType: return types & kString;
      case rapidjson::kNumberType: return (types & kNumber) || ((types & kInteger) && is_integer(v));
    }
    return false;
  }

  void bounds(const Program::Node& n, const Value& v) {
    const double d = as_double(v);
    if (n.has_xmax && d >= n.xmax) report(Fail::range, v, {}, "Expected number less than " + std::to_string(n.xmax));
    if (n.has_max && d > n.max) report(Fail::range, v, {}, "Expected number less than or equal to " + std::to_string(n.max));
    if (n.has_xmin && d <= n.xmin) report(Fail::range, v, {}, "Expected number greater than " + std::to_string(n.xmin));
    if (n.has_min && d < n.min) report(Fail::range, v, {}, "Expected number greater than or equal to " + std::to_string(n.min));
  }

  void object(const Program::Node& n, const Value& v) {
    const std::size_t np = n.props.size();
    if (np == 0 && n.extra == Program::Node::Extra::any && n.required.empty() && n.pattern_props.empty()) return;
    // The first member of each declared name (valijson finds members by name).
    const Value* small[32];  // only the first np are used: cleared below, not all 32
    std::vector<const Value*> big;
    const Value** found = small;
    if (np > 32) {
      big.resize(np);
      found = big.data();
    }
    std::fill_n(found, np, nullptr);
    bool unknown = false;
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
      const int i = n.find(sv(m->name));
      if (i < 0 && !matches_pattern(n, sv(m->name))) unknown = true;
      else if (i >= 0 && !found[i]) found[i] = &m->value;
    }
    for (std::size_t i = 0; i < np; ++i) {
      if (!found[i] || passes_by_type(resolved(n.props[i].node), *found[i])) continue;
      // A member patternProperties may check again: its failures are remembered, reported once.
      path_.push_back({n.props[i].name, 0, false, !n.pattern_props.empty()});
      run(n.props[i].node, *found[i]);
      path_.pop_back();
    }
    // Each member whose name a patternProperties regex matches, against that subschema.
    for (const auto& pp : n.pattern_props)
      for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        if (!pp.name->search(sv(m->name)) || passes_by_type(resolved(pp.node), m->value)) continue;
        path_.push_back({sv(m->name), 0, false, true});
        run(pp.node, m->value);
        path_.pop_back();
      }
    if (unknown && n.extra == Program::Node::Extra::closed) {
      report(Fail::additional, v);
    } else if (unknown && n.extra == Program::Node::Extra::schema) {
      for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        if (n.find(sv(m->name)) >= 0 || matches_pattern(n, sv(m->name))) continue;
        path_.push_back({sv(m->name), 0, false, true});
        run(n.extra_node, m->value);
        path_.pop_back();
      }
    }
    for (std::size_t r = 0; r < n.required.size(); ++r) {
      const std::int32_t i = n.required_prop[r];
      const bool present = i >= 0 ? found[i] != nullptr
                                  : v.FindMember(rapidjson::StringRef(n.required[r].data(), n.required[r].size())) != v.MemberEnd();
      if (!present) report(Fail::required, v, n.required[r]);
    }
  }

  void report(Fail kind, const Value& v, std::string_view property = {}, std::string sentence = {}) {
    sink_.fail(path_, Failure{kind, &v, property, std::move(sentence)});
  }

  const std::vector<Program::Node>& nodes_;
  Sink& sink_;
  std::vector<Step> path_;
};

}  // namespace

void Program::run(const Value& root, Sink& sink) const {
  Evaluator(nodes_, sink).run(root_, root);
}

}  // namespace wxlint::schema_fast
