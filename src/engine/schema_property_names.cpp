// valijson first: its adapter defines RAPIDJSON_ASSERT and warns if RapidJSON came before.
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "engine/schema_property_names.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace wxlint::schema_property_names {
namespace {

using valijson::adapters::Adapter;
using valijson::adapters::RapidJsonAdapter;
using valijson::adapters::StdStringAdapter;
using Definitions = schema_definitions::Definitions;

class PropertyNames final : public valijson::constraints::PolyConstraint {
 public:
  // `schema` < 0: the subschema is `false` (no member is allowed); true is never built.
  PropertyNames(std::int32_t schema, std::shared_ptr<const Definitions> definitions)
      : schema_(schema), definitions_(std::move(definitions)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    const auto* adapter = dynamic_cast<const RapidJsonAdapter*>(&target);
    if (!adapter || !adapter->isObject()) return true;
    bool valid = true;
    for (const auto& m : adapter->asObject()) {
      std::string why = "the schema allows no members";
      if (schema_ >= 0 && name_holds(m.first, context, results ? &why : nullptr)) continue;
      if (!results) return false;
      valid = false;
      std::vector<std::string> place = context;
      place.push_back("[" + m.first + "]");
      results->pushError(place, kFailure + why);
    }
    return valid;
  }

 private:
  // Whether the name is valid against the subschema; if not, `why` gets the first failure
  // that is not a summary of others.
  bool name_holds(const std::string& name, const std::vector<std::string>& context, std::string* why) const {
    const StdStringAdapter value(name);
    valijson::ValidationResults inner;
    valijson::ValidationVisitor<StdStringAdapter> visitor(value, context, true, why ? &inner : nullptr,
                                                          schema_definitions::UnusedRegexCache{});
    if (visitor.validateSchema(*(*definitions_)[static_cast<std::size_t>(schema_)])) return true;
    valijson::ValidationResults::Error e;
    bool first = true;
    while (inner.popError(e)) {
      const bool summary = e.description.starts_with("Failed to validate");
      if (first || !summary) *why = e.description;
      first = false;
      if (!summary) break;
    }
    return false;
  }

  valijson::constraints::Constraint* cloneInto(void* p) const override { return new (p) PropertyNames(*this); }
  std::size_t sizeOf() const override { return sizeof(PropertyNames); }
  std::int32_t schema_;
  std::shared_ptr<const Definitions> definitions_;
};

class Builder final : public valijson::ConstraintBuilder {
 public:
  explicit Builder(std::shared_ptr<const Definitions> definitions) : definitions_(std::move(definitions)) {}

  valijson::constraints::Constraint* make(const Adapter& value) const override {
    // The flattener writes an index, or false (a `true` subschema is left out: it allows all).
    std::int64_t i = -1;
    if (value.isBool()) return new PropertyNames(-1, definitions_);
    if (!value.getInteger(i) || i < 0) throw std::runtime_error("$wxlint:propertyNames: not a definition index");
    return new PropertyNames(static_cast<std::int32_t>(i), definitions_);
  }

 private:
  std::shared_ptr<const Definitions> definitions_;
};

}  // namespace

valijson::ConstraintBuilder* make_builder(std::shared_ptr<const Definitions> definitions) {
  return new Builder(std::move(definitions));
}

}  // namespace wxlint::schema_property_names
