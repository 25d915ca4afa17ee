// What an org snapshot holds, as JSON for scripts: `wxlint snapshot info --format json` and
// wxlint_snapshot_info() (docs/snapshot.md has the shape).
#pragma once

#include <wxlint/snapshot.hpp>

#include <cstdint>
#include <string>

namespace wxlint {

// `now`: seconds since the epoch (snapshot::now_seconds()), for the snapshot's age.
std::string snapshot_info_json(const Snapshot& s, std::int64_t now);

}  // namespace wxlint
