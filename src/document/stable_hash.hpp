// A hash that leaves the process (baselines, SARIF and GitLab fingerprints, identity keys):
// FNV-1a 64, fixed forever, since files written today are read by later versions.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace wxlint::detail {

inline constexpr std::uint64_t kFnvBasis = 1469598103934665603ull;

inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = kFnvBasis) {
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// Parts joined by a byte no UTF-8 text holds, so no part boundary is ambiguous.
inline std::uint64_t fnv1a_parts(std::initializer_list<std::string_view> parts) {
  std::uint64_t h = kFnvBasis;
  for (std::string_view part : parts) h = fnv1a("\xFF", fnv1a(part, h));
  return h;
}

inline std::string hex16(std::uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace wxlint::detail
