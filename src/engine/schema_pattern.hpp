// "pattern" for valijson: its own uses the standard library's regex, which backtracks on input data.
// The flattened schema it is given holds schema_graph::kPattern instead, checked with RE2.
#pragma once

namespace valijson {
class ConstraintBuilder;
}

namespace wxlint::schema_pattern {

// The description of a failure: this prefix, then the pattern.
inline constexpr const char* kFailure = "String does not match the pattern ";

// For SchemaParser::addConstraintBuilder(schema_graph::kPattern, ...), which owns it.
valijson::ConstraintBuilder* make_builder();

}  // namespace wxlint::schema_pattern
