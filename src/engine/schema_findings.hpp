// The schema layer's failures that no rule finding explains, as findings: a rule that says
// more (a missing extension's own code) stands in for the schema's generic one.
#pragma once

#include "engine/check.hpp"
#include "engine/findings.hpp"
#include "engine/schema_layer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace wxlint {

class Catalogue;

// Validates `request` against `schema` and adds to `list` (under `prefix`) each failure that
// neither `rule_findings` nor `covers` (the covers_key()s the walk kept) explain; each is
// listed or counted as it comes.
void add_schema_findings(const Catalogue& catalogue, const SchemaValidator& schema, const rapidjson::Value& request,
                         const std::vector<Finding>& rule_findings, std::vector<std::uint64_t> covers,
                         FindingList& list, const std::string& prefix);

}  // namespace wxlint
