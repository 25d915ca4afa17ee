// Factories of the check kinds; the registry (registry.cpp) lists them with their docs.
#pragma once

#include "engine/check.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace wxlint::checks {

std::unique_ptr<Check> make_required(Params& p);
std::unique_ptr<Check> make_require_any(Params& p);
std::unique_ptr<Check> make_count(Params& p);
std::unique_ptr<Check> make_reference(Params& p);
std::unique_ptr<Check> make_unique(Params& p);
std::unique_ptr<Check> make_format(Params& p);
std::unique_ptr<Check> make_length(Params& p);
std::unique_ptr<Check> make_deny(Params& p);
std::unique_ptr<Check> make_enum(Params& p);
std::unique_ptr<Check> make_webex_id(Params& p);
std::unique_ptr<Check> make_type(Params& p);
std::unique_ptr<Check> make_forbidden(Params& p);
std::unique_ptr<Check> make_requires(Params& p);
std::unique_ptr<Check> make_uuid(Params& p);
std::unique_ptr<Check> make_path_param(Params& p);
std::unique_ptr<Check> make_text(Params& p);
std::unique_ptr<Check> make_embedded_json(Params& p);
std::unique_ptr<Check> make_snapshot_lookup(Params& p);
std::unique_ptr<Check> make_pattern(Params& p);
std::unique_ptr<Check> make_differs(Params& p);

// Shared by the uuid and path-param kinds (defined in uuid.cpp).
// A value that should be a raw UUID: outcome "" (it is one), "webex-id" (a base64 Webex id;
// type and id are decoded from it, hint names its UUID) or "invalid".
struct RawUuid {
  std::string outcome, type, id, hint;
};
RawUuid judge_raw_uuid(std::string_view s);
std::string parse_uuid_outcome(Params& p);  // the "outcome" param: "webex-id" | "invalid"

}  // namespace wxlint::checks
