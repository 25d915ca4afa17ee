#include "engine/schema_pattern.hpp"

#include "engine/regex.hpp"

#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/validation_results.hpp>

#include <stdexcept>

namespace wxlint::schema_pattern {
namespace {

using Adapter = valijson::adapters::Adapter;

class Pattern final : public valijson::constraints::PolyConstraint {
 public:
  explicit Pattern(std::shared_ptr<const Regex> regex) : regex_(std::move(regex)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isString() || regex_->search(target.getString())) return true;
    if (results) results->pushError(context, kFailure + regex_->text());
    return false;
  }

 private:
  valijson::constraints::Constraint* cloneInto(void* p) const override { return new (p) Pattern(*this); }
  std::size_t sizeOf() const override { return sizeof(Pattern); }
  std::shared_ptr<const Regex> regex_;
};

class Builder final : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    std::string error;
    std::shared_ptr<const Regex> regex = Regex::compile(value.asString(), error);
    if (!regex) throw std::runtime_error("pattern: " + error);  // checked before: not reached
    return new Pattern(std::move(regex));
  }
};

}  // namespace

valijson::ConstraintBuilder* make_builder() { return new Builder(); }

}  // namespace wxlint::schema_pattern
