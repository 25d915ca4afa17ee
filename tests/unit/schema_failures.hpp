// A schema's failures on a payload as one line each ("keyword /pointer arg=value ..."), for
// the unit tests of the schema layer.
#pragma once

#include "engine/schema_layer.hpp"

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace test_support {

inline std::vector<std::string> render(const std::vector<wxlint::SchemaFailure>& out) {
  std::vector<std::string> seen;
  for (const auto& f : out) {
    std::string args;
    for (const auto& [k, a] : f.args) args += " " + k + "=" + a;
    seen.push_back(f.keyword + " " + f.pointer + args);
  }
  return seen;
}

inline std::vector<std::string> failures(const wxlint::SchemaValidator& v, const std::string& payload_json) {
  rapidjson::Document payload;
  payload.Parse(payload_json.c_str(), payload_json.size());
  std::vector<wxlint::SchemaFailure> out;
  v.validate(payload, out);
  return render(out);
}

inline std::vector<std::string> failures(const std::string& schema_json, const std::string& payload_json,
                                         wxlint::SchemaEngine engine = wxlint::SchemaEngine::automatic) {
  rapidjson::Document schema;
  schema.Parse(schema_json.c_str(), schema_json.size());
  return failures(wxlint::SchemaValidator(schema, "s.json", engine), payload_json);
}

}  // namespace test_support
