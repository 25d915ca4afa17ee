// Internal: the fingerprints SARIF (partialFingerprints) and GitLab give each finding, by which
// code scanning tells a new finding from one it already has.
#pragma once

#include <wxlint/diagnostic.hpp>

#include <string>
#include <vector>

namespace wxlint::report {

// Per finding of `f` (its diagnostics' order), named by `file` as the format names it: the hash
// of its rule, identity key and file, so inserting items above keeps it. Findings that share
// those (two unknown keys of one embedded address) are told apart by their messages too, and
// the same message again by its turn: each finding of a file gets its own.
std::vector<std::string> fingerprints(const FileReport& f, const std::string& file);

}  // namespace wxlint::report
