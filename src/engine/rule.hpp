// Rules and operations as loaded from rules/*.rules.json and schemas/*.json.
#pragma once

#include "engine/check.hpp"
#include "engine/pattern.hpp"

#include <wxlint/catalogue.hpp>

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

namespace wxlint {

class SchemaValidator;

struct Condition {
  RelPointer target;
  rapidjson::Value equals;  // strings live in the operation's data document
};

struct Rule {
  enum class Scope { request, envelope };
  RuleDoc doc;           // severity already reflects the user's overrides
  std::string message;   // template with {placeholders}
  Scope scope = Scope::request;
  Pattern at;
  std::vector<Condition> when;
  std::string fix;       // the fix the rule opted in to ("" = none); one its kind offers
  std::unique_ptr<Check> check;  // null for builtin rules (emitted by the parser/schema layers)
};

struct Operation {
  OperationDoc doc;
  std::vector<std::string> detect;             // top-level keys that identify a bare payload
  std::unique_ptr<SchemaValidator> schema;     // may be null
  std::vector<std::unique_ptr<Rule>> rules;    // enabled rules only
  std::unique_ptr<rapidjson::Document> data;   // owns conditions' values
  ~Operation();
  Operation();
  Operation(Operation&&) noexcept;
};

}  // namespace wxlint
