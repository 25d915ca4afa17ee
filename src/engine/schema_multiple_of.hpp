// "multipleOf" for valijson: its own divides by a zero or -1 divisor (SIGFPE) and casts a
// double payload value to int64 for an integer divisor (undefined above 2^63; 2.5 passed
// as a multiple of 2). The flattened schema holds schema_graph::kMultipleOf instead.
#pragma once

#include <cstdint>

namespace valijson {
class ConstraintBuilder;
}

namespace wxlint::schema_multiple_of {

// A divisor greater than 0 (schema_keywords.cpp refuses any other): a whole number, judged
// exactly, or else a double.
struct Divisor {
  std::uint64_t whole = 0;  // 0: not a whole number below 2^64, see real
  double real = 0;
};
Divisor divisor_of(std::uint64_t whole);
Divisor divisor_of(double d);  // a whole double below 2^64 (2.0) is whole

// An integer as valijson reads it (int64: a uint64 past INT64_MAX wraps, as in every keyword
// valijson evaluates) is judged exactly by a whole divisor. Otherwise within a relative
// tolerance for decimal rounding: a value too large to tell is not failed.
bool is_multiple(std::int64_t value, const Divisor& d);
bool is_multiple(double value, const Divisor& d);

// The failure's words, as valijson's own: this prefix, then the divisor as the schema writes it.
inline constexpr const char* kFailure = "Value should be a multiple of ";

// For SchemaParser::addConstraintBuilder(schema_graph::kMultipleOf, ...), which owns it.
valijson::ConstraintBuilder* make_builder();

}  // namespace wxlint::schema_multiple_of
