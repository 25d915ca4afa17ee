// The schema layer: a draft-07 JSON Schema, validated by a compiled fast path (common
// keywords, schema_fast.hpp) or else by valijson, whose failures are turned into one
// finding per problem with a keyword, a place and a useful message.
#pragma once

#include "engine/check.hpp"

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

namespace wxlint {

struct SchemaFailure {
  std::string keyword;  // required, additionalProperties, type, enum, const, minItems, ...
  std::string detail;   // the property, for required and additionalProperties
  std::string pointer;  // relative to the validated root
  Anchor anchor = Anchor::value;
  std::vector<std::pair<std::string, std::string>> args;  // message placeholders
  std::shared_ptr<const FixSpec> fix;  // offered under the name fix_name (fix.cpp: fixes_offered)
  std::string_view fix_name;
};

// Takes failures one at a time: a caller that keeps only some of them never holds them all.
class SchemaSink {
 public:
  // Asked first, with all but the args: false, and the failure is dropped before its
  // message's arguments are worked out.
  virtual bool wants(const SchemaFailure& f) = 0;
  virtual void add(SchemaFailure f) = 0;

 protected:
  ~SchemaSink() = default;
};

// automatic: the fast path when the schema allows it, else valijson. The others force one
// engine (tests compare them); `fast` throws ConfigError for a schema it cannot compile.
enum class SchemaEngine { automatic, valijson, fast };

class SchemaValidator {
 public:
  // `name` is used in errors ("schemas/x.request.schema.json"). Throws ConfigError.
  SchemaValidator(const rapidjson::Value& schema, std::string name, SchemaEngine engine = SchemaEngine::automatic);
  ~SchemaValidator();
  void validate(const rapidjson::Value& root, SchemaSink& out) const;
  void validate(const rapidjson::Value& root, std::vector<SchemaFailure>& out) const;  // every failure
  bool uses_fast_path() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wxlint
