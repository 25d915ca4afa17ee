// valijson first: its adapter defines RAPIDJSON_ASSERT and warns if RapidJSON came before.
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "engine/schema_pattern_properties.hpp"

#include "engine/regex.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <stdexcept>
#include <string>
#include <utility>

namespace wxlint::schema_pattern_properties {
namespace {

using valijson::adapters::Adapter;
using valijson::adapters::RapidJsonAdapter;

using schema_definitions::UnusedRegexCache;

// What kProperties holds, subschemas given by their index in the definitions.
struct Spec {
  std::vector<std::pair<std::string, std::int32_t>> properties;  // by name, the first of each
  std::vector<std::pair<std::shared_ptr<const Regex>, std::int32_t>> patterns;  // schema order
  enum class Extra : std::uint8_t { any, closed, schema } extra = Extra::any;
  std::int32_t extra_schema = -1;
  std::vector<std::string> required;  // sorted and unique, as valijson's std::set
};

// Evaluates as valijson's properties and required constraints do (same order, same messages,
// same places), so the layer turns the failures into findings as for any other schema.
class Properties final : public valijson::constraints::PolyConstraint {
 public:
  Properties(std::shared_ptr<const Spec> spec, std::shared_ptr<const Definitions> definitions)
      : spec_(std::move(spec)), definitions_(std::move(definitions)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    const auto* adapter = dynamic_cast<const RapidJsonAdapter*>(&target);
    if (!adapter || !adapter->isObject()) return true;
    const auto object = adapter->asObject();
    const Spec& s = *spec_;
    bool valid = true;
    // Per member: its name, value and whether properties or a pattern names it; per property,
    // its first member (valijson finds members by name).
    std::vector<std::string> names;
    std::vector<RapidJsonAdapter> values;
    std::vector<bool> matched;
    std::vector<std::size_t> first(s.properties.size(), SIZE_MAX);
    for (const auto m : object) {
      auto p = std::lower_bound(s.properties.begin(), s.properties.end(), m.first,
                                [](const auto& a, const std::string& n) { return a.first < n; });
      const bool named = p != s.properties.end() && p->first == m.first;
      if (named && first[p - s.properties.begin()] == SIZE_MAX) first[p - s.properties.begin()] = names.size();
      matched.push_back(named || std::any_of(s.patterns.begin(), s.patterns.end(),
                                             [&](const auto& r) { return r.first->search(m.first); }));
      names.push_back(m.first);
      values.push_back(m.second);
    }
    for (std::size_t k = 0; k < s.properties.size(); ++k) {
      if (first[k] == SIZE_MAX || member(values[first[k]], s.properties[k].first, s.properties[k].second, context, results)) continue;
      if (results) results->pushError(context, "Failed to validate against schema associated with property name '" +
                                                   s.properties[k].first + "'.");
      valid = false;
      if (!results) return false;
    }
    for (const auto& [regex, schema] : s.patterns)
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (!regex->search(names[i]) || member(values[i], names[i], schema, context, results)) continue;
        if (results) results->pushError(context, "Failed to validate against schema associated with pattern '" +
                                                     regex->text() + "'.");
        valid = false;
        if (!results) return false;
      }
    if (s.extra == Spec::Extra::closed) {
      // valijson names the first; each is named, for the layer to find them where it cannot
      // look the subschema up (below anyOf, oneOf, ...).
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (matched[i]) continue;
        valid = false;
        if (!results) return false;
        results->pushError(context, std::string(kUnknownMember) + names[i] + "'.");
      }
    } else if (s.extra == Spec::Extra::schema) {
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (matched[i] || member(values[i], names[i], s.extra_schema, context, results)) continue;
        if (results) results->pushError(context, "Failed to validate against additional properties schema");
        valid = false;
        if (!results) return false;
      }
    }
    std::vector<std::string_view> present(names.begin(), names.end());
    if (!s.required.empty()) std::sort(present.begin(), present.end());
    for (const auto& name : s.required) {
      if (std::binary_search(present.begin(), present.end(), std::string_view(name))) continue;
      if (results) results->pushError(context, "Missing required property '" + name + "'.");
      valid = false;
      if (!results) return false;
    }
    return valid;
  }

 private:
  // One member's value against a subschema, with valijson's own visitor and context.
  bool member(const RapidJsonAdapter& value, const std::string& name, std::int32_t schema,
              const std::vector<std::string>& context, valijson::ValidationResults* results) const {
    std::vector<std::string> inner = context;
    inner.push_back("[" + name + "]");
    valijson::ValidationVisitor<RapidJsonAdapter> visitor(value, inner, true, results, UnusedRegexCache{});
    return visitor.validateSchema(*(*definitions_)[static_cast<std::size_t>(schema)]);
  }

  valijson::constraints::Constraint* cloneInto(void* p) const override { return new (p) Properties(*this); }
  std::size_t sizeOf() const override { return sizeof(Properties); }
  std::shared_ptr<const Spec> spec_;
  std::shared_ptr<const Definitions> definitions_;
};

std::int32_t index_of(const Adapter& v) {
  std::int64_t i = -1;
  if (!v.getInteger(i) || i < 0) throw std::runtime_error("$wxlint:properties: not a definition index");  // not reached
  return static_cast<std::int32_t>(i);
}

class Builder final : public valijson::ConstraintBuilder {
 public:
  explicit Builder(std::shared_ptr<const Definitions> definitions) : definitions_(std::move(definitions)) {}

  valijson::constraints::Constraint* make(const Adapter& value) const override {
    auto spec = std::make_shared<Spec>();
    value.applyToObject([&](const std::string& key, const Adapter& v) {
      if (key == "properties") {
        v.applyToObject([&](const std::string& name, const Adapter& s) {
          spec->properties.emplace_back(name, index_of(s));
          return true;
        });
      } else if (key == "patternProperties") {
        v.applyToObject([&](const std::string& pattern, const Adapter& s) {
          std::string error;
          std::shared_ptr<const Regex> regex = Regex::compile(pattern, error);
          if (!regex) throw std::runtime_error("patternProperties: " + error);  // checked before: not reached
          spec->patterns.emplace_back(std::move(regex), index_of(s));
          return true;
        });
      } else if (key == "additionalProperties") {
        if (v.isBool()) spec->extra = v.getBool() ? Spec::Extra::any : Spec::Extra::closed;
        else spec->extra = Spec::Extra::schema, spec->extra_schema = index_of(v);
      } else if (key == "required") {
        v.applyToArray([&](const Adapter& name) {
          spec->required.push_back(name.getString());
          return true;
        });
      }
      return true;
    });
    // valijson keeps properties and required in a std::map and a std::set: the first of a name.
    std::stable_sort(spec->properties.begin(), spec->properties.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    spec->properties.erase(std::unique(spec->properties.begin(), spec->properties.end(),
                                       [](const auto& a, const auto& b) { return a.first == b.first; }),
                           spec->properties.end());
    std::sort(spec->required.begin(), spec->required.end());
    spec->required.erase(std::unique(spec->required.begin(), spec->required.end()), spec->required.end());
    return new Properties(std::move(spec), definitions_);
  }

 private:
  std::shared_ptr<const Definitions> definitions_;
};

}  // namespace

valijson::ConstraintBuilder* make_builder(std::shared_ptr<const Definitions> definitions) {
  return new Builder(std::move(definitions));
}

}  // namespace wxlint::schema_pattern_properties
