// uniqueItems for valijson: valijson compares every pair of items (quadratic in time, and
// in messages when many items are equal); this one sorts the items by a hash.
#pragma once

namespace valijson {
class ConstraintBuilder;
}

namespace wxlint::schema_unique {

// For SchemaParser::addConstraintBuilder(schema_graph::kUniqueItems, ...), which owns it.
valijson::ConstraintBuilder* make_builder();

}  // namespace wxlint::schema_unique
