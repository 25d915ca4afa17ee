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
  // The rule is skipped where all the conditions of one of these hold ("unless": an object, or
  // a list of them).
  std::vector<std::vector<Condition>> unless;
  std::string fix;       // the fix the rule opted in to ("" = none); one its kind offers
  std::unique_ptr<Check> check;  // null for builtin rules (emitted by the parser/schema layers)
};

struct Operation {
  OperationDoc doc;
  // Sets of top-level keys that identify a bare payload: all keys of one set present.
  std::vector<std::vector<std::string>> detect;
  std::string schema_text;                     // the request schema's text, for naming the closest operations
  std::unique_ptr<SchemaValidator> schema;     // may be null
  std::vector<std::unique_ptr<Rule>> rules;    // enabled rules only
  std::unique_ptr<rapidjson::Document> data;   // owns conditions' values
  ~Operation();
  Operation();
  Operation(Operation&&) noexcept;
};

}  // namespace wxlint
