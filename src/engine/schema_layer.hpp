// The schema layer: a draft-07 JSON Schema, validated with valijson, whose failures are
// turned into one finding per problem with a keyword, a place and a useful message.
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
};

class SchemaValidator {
 public:
  // `name` is used in errors ("schemas/x.request.schema.json"). Throws ConfigError.
  SchemaValidator(const rapidjson::Value& schema, std::string name);
  ~SchemaValidator();
  void validate(const rapidjson::Value& root, std::vector<SchemaFailure>& out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wxlint
