// Factories of the check kinds; the registry (registry.cpp) lists them with their docs.
#pragma once

#include "engine/check.hpp"

#include <memory>

namespace wxlint::checks {

std::unique_ptr<Check> make_required(Params& p);
std::unique_ptr<Check> make_require_any(Params& p);
std::unique_ptr<Check> make_count(Params& p);
std::unique_ptr<Check> make_unique(Params& p);
std::unique_ptr<Check> make_format(Params& p);
std::unique_ptr<Check> make_length(Params& p);
std::unique_ptr<Check> make_deny(Params& p);
std::unique_ptr<Check> make_enum(Params& p);
std::unique_ptr<Check> make_webex_id(Params& p);

}  // namespace wxlint::checks
