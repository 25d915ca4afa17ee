#include "engine/schema_multiple_of.hpp"

#include "document/document.hpp"

#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/validation_results.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace wxlint::schema_multiple_of {

namespace {
constexpr double kTwo53 = 9007199254740992.0;  // below it a double is exact to 1
constexpr double kTwo64 = 18446744073709551616.0;

bool whole_multiple(std::int64_t value, std::uint64_t divisor) {
  // |INT64_MIN| fits in uint64; unsigned negation is defined.
  const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return magnitude % divisor == 0;
}

// q = value / divisor near a whole number, within the rounding of both decimals and of the
// division; a quotient past 2^53 (always whole) or infinite cannot be told from one.
bool near_whole(double value, double divisor) {
  const double q = value / divisor;
  if (!std::isfinite(q)) return true;
  return std::fabs(q - std::round(q)) <= 4 * std::numeric_limits<double>::epsilon() * std::fabs(q);
}
}  // namespace

Divisor divisor_of(std::uint64_t whole) { return {whole, static_cast<double>(whole)}; }

Divisor divisor_of(double d) {
  if (d >= 1 && d < kTwo64 && std::trunc(d) == d) return divisor_of(static_cast<std::uint64_t>(d));
  return {0, d};
}

bool is_multiple(std::int64_t value, const Divisor& d) {
  if (d.whole) return whole_multiple(value, d.whole);
  return near_whole(static_cast<double>(value), d.real);
}

bool is_multiple(double value, const Divisor& d) {
  if (d.whole && std::trunc(value) == value && std::fabs(value) < kTwo53)
    return whole_multiple(static_cast<std::int64_t>(value), d.whole);
  return near_whole(value, d.real);
}

namespace {

using Adapter = valijson::adapters::Adapter;

class MultipleOf final : public valijson::constraints::PolyConstraint {
 public:
  MultipleOf(Divisor divisor, std::string text) : divisor_(divisor), text_(std::move(text)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    bool ok = true;
    std::int64_t i = 0;
    double d = 0;
    if (target.getInteger(i)) ok = is_multiple(i, divisor_);
    else if (target.getDouble(d)) ok = is_multiple(d, divisor_);
    if (!ok && results) results->pushError(context, kFailure + text_);
    return ok;
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* p) const override { return new (p) MultipleOf(*this); }
  std::size_t sizeOf() const override { return sizeof(MultipleOf); }
  Divisor divisor_;
  std::string text_;
};

class Builder final : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    std::int64_t i = 0;
    double d = 0;
    if (value.getInteger(i)) {
      // The divisor is above 0: a negative reading is a uint64 past INT64_MAX, wrapped by the adapter.
      const auto whole = static_cast<std::uint64_t>(i);
      if (whole != 0) return new MultipleOf(divisor_of(whole), std::to_string(whole));
    } else if (value.getDouble(d) && d > 0) {
      return new MultipleOf(divisor_of(d), to_json_text(rapidjson::Value(d)));
    }
    throw std::runtime_error("multipleOf: must be a number greater than 0");  // checked before: not reached
  }
};

}  // namespace

valijson::ConstraintBuilder* make_builder() { return new Builder(); }

}  // namespace wxlint::schema_multiple_of
