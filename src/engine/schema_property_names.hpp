// "propertyNames" for valijson: its own fails without saying where or why, so a failure below
// "properties" was dropped with the summaries and one at the root gave no place. In the
// flattened schema it is schema_graph::kPropertyNames; this constraint judges each member name
// and names the member and what its name breaks.
#pragma once

#include "engine/schema_definitions.hpp"

#include <memory>

namespace valijson {
class ConstraintBuilder;
}  // namespace valijson

namespace wxlint::schema_property_names {

// The description of a failure: this, then what the name breaks; the context ends with the
// member ("[name]").
inline constexpr const char* kFailure = "Member name not allowed: ";

// For SchemaParser::addConstraintBuilder(schema_graph::kPropertyNames, ...), which owns it.
valijson::ConstraintBuilder* make_builder(std::shared_ptr<const schema_definitions::Definitions> definitions);

}  // namespace wxlint::schema_property_names
