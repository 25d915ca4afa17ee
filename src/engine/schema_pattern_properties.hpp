// "patternProperties" for valijson: its own matches member names with the standard library's
// regex, which backtracks. In the flattened schema, a subschema with patternProperties holds
// schema_graph::kProperties instead of properties, patternProperties, additionalProperties and
// required; this constraint evaluates the four together, matching names with RE2.
#pragma once

#include "engine/schema_definitions.hpp"

#include <memory>

namespace valijson {
class ConstraintBuilder;
}  // namespace valijson

namespace wxlint::schema_pattern_properties {

// valijson's description of a member additionalProperties: false refuses: this, then "NAME'.".
inline constexpr const char* kUnknownMember =
    "Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: '";

using Definitions = schema_definitions::Definitions;  // kProperties names its subschemas by index

// For SchemaParser::addConstraintBuilder(schema_graph::kProperties, ...), which owns it.
valijson::ConstraintBuilder* make_builder(std::shared_ptr<const Definitions> definitions);

}  // namespace wxlint::schema_pattern_properties
