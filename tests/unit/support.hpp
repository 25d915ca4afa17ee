// Shared helpers for the unit tests.
#pragma once

#include <wxlint/linter.hpp>

#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace test_support {

inline const wxlint::Linter& linter() {
  static const wxlint::Linter l = wxlint::Linter::embedded();
  return l;
}

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Codes of the diagnostics, in report order.
inline std::vector<std::string> codes(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.code);
  return out;
}

// Rule ids of the diagnostics, in report order.
inline std::vector<std::string> rule_ids(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.rule);
  return out;
}

// Messages of the diagnostics, in report order.
inline std::vector<std::string> messages(const wxlint::FileReport& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.message);
  return out;
}

inline bool has_rule(const wxlint::FileReport& r, const std::string& id) {
  for (const auto& d : r.diagnostics)
    if (d.rule == id) return true;
  return false;
}

// A snapshot's inconsistencies but its ids that are no Webex ids: for fixtures that name
// things by short placeholders ("P1"). test_snapshot_loader.cpp asserts those on their own.
inline std::vector<std::string> besides_placeholder_ids(std::vector<std::string> all) {
  std::erase_if(all, [](const std::string& s) { return s.find(") is not a Webex id") != std::string::npos; });
  return all;
}

// What f() throws, or "no error".
inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

// The bounds of complexity tests (a quadratic pass takes minutes, a linear one well under a
// second) are in CPU time, so that a loaded machine does not fail them; sanitizer builds
// (scripts/test.sh) run ~6x slower and get that much room.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr double kSlowBuild = 6;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr double kSlowBuild = 6;
#else
inline constexpr double kSlowBuild = 1;
#endif
#else
inline constexpr double kSlowBuild = 1;
#endif

inline double cpu_seconds_since(std::clock_t t0) { return static_cast<double>(std::clock() - t0) / CLOCKS_PER_SEC; }

inline double seconds_of(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace test_support
