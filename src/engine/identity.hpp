// Identity keys: a finding's pointer with each array index replaced by the identity of the
// item there, so that inserting or reordering items leaves the keys of the others alone.
// Baselines and SARIF/GitLab fingerprints use them (docs/configuration.md, "Baselines").
#pragma once

#include "document/document.hpp"

#include <wxlint/diagnostic.hpp>

#include <string>
#include <vector>

namespace wxlint {

// Sets Diagnostic::key for each diagnostic (the pointer itself when the text did not parse).
void assign_identity_keys(const Document& doc, std::vector<Diagnostic>& diagnostics);

// The key of one pointer into root (exposed for tests).
std::string identity_key(const rapidjson::Value& root, const std::string& pointer);

}  // namespace wxlint
