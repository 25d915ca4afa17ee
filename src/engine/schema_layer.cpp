// valijson first: its adapter defines RAPIDJSON_ASSERT and warns if RapidJSON came before.
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "engine/schema_layer.hpp"

#include "engine/schema_fast.hpp"
#include "engine/schema_graph.hpp"
#include "engine/schema_keywords.hpp"
#include "engine/schema_multiple_of.hpp"
#include "engine/schema_pattern.hpp"
#include "engine/schema_pattern_properties.hpp"
#include "engine/schema_property_names.hpp"
#include "engine/schema_reporter.hpp"
#include "engine/schema_unique.hpp"

#include <wxlint/error.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {
namespace {

std::string quoted_between(std::string_view s) {
  auto a = s.find('\'');
  auto b = s.rfind('\'');
  return a == std::string_view::npos || b <= a ? std::string() : std::string(s.substr(a + 1, b - a - 1));
}

}  // namespace

using schema_fast::Fail;

struct SchemaValidator::Impl {
  std::string name;
  rapidjson::Document json;  // our copy, for looking up sub-schemas
  std::unique_ptr<schema_fast::Program> fast;  // set: valijson is not used
  valijson::Schema schema;
  const valijson::Subschema* root = nullptr;  // in `schema`, the node valijson validates from
};

SchemaValidator::SchemaValidator(const rapidjson::Value& schema, std::string name, SchemaEngine engine)
    : impl_(std::make_unique<Impl>()) {
  impl_->name = std::move(name);
  if (!schema.IsObject()) throw ConfigError(impl_->name + ": (root): a JSON Schema must be an object");
  check_keywords(schema, impl_->name);
  impl_->json.CopyFrom(schema, impl_->json.GetAllocator());
  // Neither evaluator guards against cycles, exponential re-evaluation (a member that a
  // property and a pattern both reach, at every level) or deep recursion: the graph is
  // checked first, whichever runs.
  schema_graph::Graph graph(impl_->json, impl_->name);
  schema_graph::check_limits(graph);
  // The compiler accepts only schemas valijson accepts too, so skipping valijson's parse
  // (most of a small file's start-up) loses no ConfigError.
  if (engine != SchemaEngine::valijson) impl_->fast = schema_fast::Program::compile(impl_->json);
  if (impl_->fast) return;
  if (engine == SchemaEngine::fast) throw ConfigError(impl_->name + ": not supported by the fast schema path");
  // valijson reads a flattened copy whose $refs were resolved and checked here. Every node
  // is parsed, so that patternProperties' constraint finds its subschemas by index.
  rapidjson::Document flat;
  graph.flatten(flat, schema_graph::Graph::Root::every_node);
  const std::int32_t root = graph.root;
  auto definitions = std::make_shared<schema_pattern_properties::Definitions>();
  try {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder(schema_graph::kProperties, schema_pattern_properties::make_builder(definitions));
    parser.addConstraintBuilder(schema_graph::kUniqueItems, schema_unique::make_builder());
    parser.addConstraintBuilder(schema_graph::kPattern, schema_pattern::make_builder());
    parser.addConstraintBuilder(schema_graph::kMultipleOf, schema_multiple_of::make_builder());
    parser.addConstraintBuilder(schema_graph::kPropertyNames, schema_property_names::make_builder(definitions));
    valijson::adapters::RapidJsonAdapter adapter(flat);
    parser.populateSchema(adapter, impl_->schema);
  } catch (const std::exception& e) {
    throw ConfigError(impl_->name + ": not a usable draft-07 schema: " + e.what());
  }
  valijson::Subschema::ApplyFunction nodes = [&](const valijson::constraints::Constraint& c) {
    if (const auto* any = dynamic_cast<const valijson::constraints::AnyOfConstraint*>(&c))
      any->applyToSubschemas([&](unsigned, const valijson::Subschema* s) {
        definitions->push_back(s);
        return true;
      });
    return true;
  };
  impl_->schema.root()->apply(nodes);
  impl_->root = definitions->at(static_cast<std::size_t>(root));
}

SchemaValidator::~SchemaValidator() = default;

bool SchemaValidator::uses_fast_path() const { return impl_->fast != nullptr; }

void SchemaValidator::validate(const rapidjson::Value& root, std::vector<SchemaFailure>& out) const {
  struct All final : SchemaSink {
    std::vector<SchemaFailure>& out;
    explicit All(std::vector<SchemaFailure>& o) : out(o) {}
    bool wants(const SchemaFailure&) override { return true; }
    void add(SchemaFailure f) override { out.push_back(std::move(f)); }
  } all(out);
  validate(root, all);
}

void SchemaValidator::validate(const rapidjson::Value& root, SchemaSink& out) const {
  const std::unique_ptr<SchemaReporter> made = SchemaReporter::make(impl_->json, root, out, !impl_->fast);
  SchemaReporter& reporter = *made;
  if (impl_->fast) {
    impl_->fast->run(root, reporter);
    return;
  }
  valijson::Validator validator;  // per call: it caches state and is not thread-safe
  valijson::ValidationResults results;
  valijson::adapters::RapidJsonAdapter target(root);
  if (validator.validate(*impl_->root, target, &results)) return;

  valijson::ValidationResults::Error e;
  std::vector<std::string> tokens;
  // A keyword valijson fails without a result would leave only summaries, or nothing: the
  // payload still fails, at the deepest summary's place.
  bool reported = false;
  std::vector<std::string> deepest;
  while (results.popError(e)) {
    // valijson's context is "<root>", "[key]", "[index]".
    tokens.clear();
    for (std::size_t i = 1; i < e.context.size(); ++i) {
      const std::string& c = e.context[i];
      tokens.push_back(c.size() >= 2 ? c.substr(1, c.size() - 2) : c);
    }
    const std::string& d = e.description;
    if (d.starts_with("Missing required property")) reporter.report(Fail::required, tokens, quoted_between(d));
    else if (d.starts_with("Object contains a property that could not be validated")) reporter.report(Fail::additional, tokens, d);
    else if (d.starts_with("Value type not permitted")) reporter.report(Fail::type, tokens, d);
    else if (d.starts_with("Failed to match against any enum values")) reporter.report(Fail::enum_, tokens, d);
    else if (d.starts_with("Failed to match expected value set by 'const'")) reporter.report(Fail::const_, tokens, d);
    else if (d.starts_with("Array should contain no fewer")) reporter.report(Fail::min_items, tokens, d);
    else if (d.starts_with("Array should contain no more")) reporter.report(Fail::max_items, tokens, d);
    else if (d.starts_with("String should be no")) reporter.report(Fail::length, tokens, d);
    else if (d.starts_with("Expected number")) reporter.report(Fail::range, tokens, d);
    else if (d.starts_with(schema_pattern::kFailure))
      reporter.report(Fail::pattern, tokens, d.substr(std::char_traits<char>::length(schema_pattern::kFailure)));
    // valijson's own words are garbled here.
    else if (d.starts_with("Failed to any values against subschema in 'contains'"))
      reporter.other(tokens, "no item matches the schema of 'contains'.");
    else if (d.starts_with(schema_property_names::kFailure))
      reporter.member_name(tokens, d.substr(std::char_traits<char>::length(schema_property_names::kFailure)));
    // A summary of child failures that are reported on their own (items, properties, anyOf...).
    else if (d.starts_with("Failed to validate") && !d.starts_with("Failed to validate against exactly one")) {
      if (tokens.size() >= deepest.size()) deepest = tokens;
      continue;
    } else reporter.other(tokens, d);
    reported = true;
  }
  if (!reported) reporter.other(deepest, "a constraint failed that gives no place");
}

}  // namespace wxlint
