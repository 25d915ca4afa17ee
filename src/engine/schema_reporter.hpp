// Both schema engines' failures (the fast path's and valijson's) become SchemaFailures here,
// from the failure's kind and its place alone (the value and sub-schema are looked up
// again), so the two lists are identical.
#pragma once

#include "engine/schema_fast.hpp"
#include "engine/schema_layer.hpp"

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

namespace wxlint {

class SchemaReporter : public schema_fast::Sink {
 public:
  virtual ~SchemaReporter() = default;  // made by make(), deleted through this class
  // `dedupe`: valijson may name one failure more than once. The fast path names each place
  // once, but for the values of a repeated unknown key, so the reporter then remembers only
  // what it reports below one: a table of every failure would hold them all.
  static std::unique_ptr<SchemaReporter> make(const rapidjson::Value& schema, const rapidjson::Value& root,
                                              SchemaSink& out, bool dedupe);
  // A failure named by valijson: its kind, its place (keys and indexes) and its text.
  virtual void report(schema_fast::Fail kind, const std::vector<std::string>& tokens, const std::string& text) = 0;
  // A member whose name "propertyNames" refuses (the last token): what the name breaks.
  virtual void member_name(const std::vector<std::string>& tokens, const std::string& text) = 0;
  // One of a kind the reports have no words for: its text as it is.
  virtual void other(const std::vector<std::string>& tokens, const std::string& text) = 0;
};

}  // namespace wxlint
