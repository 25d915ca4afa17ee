// Capture times: ISO 8601 text <-> seconds since the epoch (UTC), without the C library's
// locale- and timezone-dependent functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wxlint::snapshot {

// "2026-12-01T09:30:00Z", with optional fractional seconds and a "+hh:mm"/"-hh:mm" offset.
std::optional<std::int64_t> parse_time(std::string_view text);
// "2026-12-01T09:30:00Z".
std::string format_time(std::int64_t seconds);
// Seconds since the epoch, by this machine's clock.
std::int64_t now_seconds();

}  // namespace wxlint::snapshot
