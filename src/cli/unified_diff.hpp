// `wxlint check --diff`: a unified diff of a fixed file, made from the changed ranges
// Linter::fix reports rather than by comparing the texts (linear in their size).
#pragma once

#include <wxlint/linter.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace wxlint::cli {

// "--- a/NAME\n+++ b/NAME\n@@ ... @@\n..." with 3 lines of context; "" when nothing changed.
std::string unified_diff(std::string_view name, std::string_view before, std::string_view after,
                         const std::vector<Change>& changes);

}  // namespace wxlint::cli
