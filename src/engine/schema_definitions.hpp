// What the constraints we give valijson share (schema_pattern_properties.cpp,
// schema_property_names.cpp): the flattened schema's definitions by index, and the regex cache
// valijson's visitor asks for when they validate a value against a subschema.
#pragma once

#include <vector>

namespace valijson {
class Subschema;
}  // namespace valijson

namespace wxlint::schema_definitions {

// The flattened schema's definitions by index, as parsed: filled once parsing is done, before
// any validation (the constraints name their subschemas by index).
using Definitions = std::vector<const valijson::Subschema*>;

// valijson's visitor takes a cache for its own regex keyword, which no flattened schema
// holds: an empty one, of the type it asks for.
struct UnusedRegexCache {
  template <class Cache>
  operator Cache&() const {  // NOLINT(google-explicit-constructor): deduces valijson's type
    thread_local Cache cache;
    return cache;
  }
};

}  // namespace wxlint::schema_definitions
