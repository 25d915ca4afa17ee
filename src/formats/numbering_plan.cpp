// Loads the numbering-plan module on first use and turns its answers into reasons.
#include "formats/numbering_plan.hpp"

#include "formats/ascii.hpp"
#include "formats/formats.hpp"
#include "formats/numbering_plan_abi.h"

#include <wxlint/error.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace wxlint::formats::plan {
namespace {

namespace fs = std::filesystem;
using detail::excerpt;

struct Module {
  wxlint_plan_judge_fn judge = nullptr;
  wxlint_plan_is_region_fn is_region = nullptr;
  std::string problem;  // why it could not be loaded
};

// Where the module may be: the path WXLINT_PLAN_MODULE names, alone, when it is set (a
// packager's layout, and the tests of a missing or broken module); else beside the file
// holding this code (the build tree), in wxlint/ beside it (an installed libwxlint.so), in the
// library directory seen from an installed bin/wxlint; then where this build installs it, and
// its build tree (the tests).
std::vector<fs::path> candidates() {
  if (const char* given = std::getenv("WXLINT_PLAN_MODULE"); given && *given) return {fs::path(given)};
  std::vector<fs::path> dirs;
  Dl_info info{};
  // Absolute only: a static program's own name as it was run ("./tool") would name the
  // directory it runs in, not the one it is in (/proc/self/exe gives that).
  if (dladdr(reinterpret_cast<void*>(&candidates), &info) && info.dli_fname && info.dli_fname[0] == '/')
    dirs.push_back(fs::path(info.dli_fname).parent_path());
  std::error_code ec;
  if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) dirs.push_back(exe.parent_path());
  std::vector<fs::path> out;
  for (const auto& d : dirs) {
    out.push_back(d / WXLINT_PLAN_MODULE_NAME);
    out.push_back(d / "wxlint" / WXLINT_PLAN_MODULE_NAME);
    out.push_back(d / WXLINT_PLAN_MODULE_FROM_BINDIR / WXLINT_PLAN_MODULE_NAME);
  }
  out.push_back(WXLINT_PLAN_MODULE_INSTALLED);
  out.push_back(WXLINT_PLAN_MODULE_BUILT);
  return out;
}

Module load() {
  Module m;
  const std::vector<fs::path> paths = candidates();
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* e = dlerror();  // names the path: "/x/wxlint-numbering-plan.so: invalid ELF header"
      m.problem = e ? e : "dlopen failed on " + path.string();
      continue;
    }
    auto abi = reinterpret_cast<int (*)()>(dlsym(handle, WXLINT_PLAN_ABI_SYMBOL));
    if (!abi || abi() != WXLINT_PLAN_ABI_VERSION) {
      m.problem = path.string() + " is not a numbering-plan module of this wxlint";
      dlclose(handle);
      continue;
    }
    m.judge = reinterpret_cast<wxlint_plan_judge_fn>(dlsym(handle, WXLINT_PLAN_JUDGE_SYMBOL));
    m.is_region = reinterpret_cast<wxlint_plan_is_region_fn>(dlsym(handle, WXLINT_PLAN_IS_REGION_SYMBOL));
    if (m.judge && m.is_region) return Module{m.judge, m.is_region, {}};
    m.problem = path.string() + " lacks the numbering-plan entry points";
  }
  if (m.problem.empty()) {  // "no numbering-plan module at /a/..., /b/... or /c/..."
    std::vector<std::string> places;
    for (const auto& p : paths)
      if (std::find(places.begin(), places.end(), p.string()) == places.end()) places.push_back(p.string());
    m.problem = "no numbering-plan module at " + places.front();
    for (std::size_t i = 1; i < places.size(); ++i) m.problem += (i + 1 == places.size() ? " or " : ", ") + places[i];
  }
  return Module{nullptr, nullptr, m.problem};
}

const Module& module() {
  static const Module m = load();  // thread-safe, once
  return m;
}

// "the North American plan", "the plan of +44 (GB)", "the plan of +800".
std::string plan_name(const wxlint_plan_result& r) {
  if (r.country_code == 1) return "the North American plan";
  std::string s = "the plan of +" + std::to_string(r.country_code);
  if (r.main_region[0] && std::string_view(r.main_region) != "001") s += std::string(" (") + r.main_region + ")";
  return s;
}

// "none of +9, +99 and +999 is a country calling code" for "+999123".
std::string no_country_code(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c >= '0' && c <= '9' && digits.size() < 3) digits += c;
  if (digits.empty()) return "it has no country calling code";
  std::vector<std::string> tried;
  for (std::size_t n = 1; n <= digits.size(); ++n) tried.push_back("+" + digits.substr(0, n));
  if (tried.size() == 1) return tried[0] + " is not a country calling code";
  std::string list;
  for (std::size_t i = 0; i < tried.size(); ++i)
    list += (i == 0 ? "" : i + 1 == tried.size() ? " and " : ", ") + tried[i];
  return "none of " + list + " is a country calling code";
}

// Only text that can be a phone number goes to libphonenumber, whose Parse runs ICU
// (backtracking) regular expressions: at most 64 bytes of digits, '+' and separators.
bool plausible(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '+' && c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') return false;
  }
  return digit;
}

Judgement judge_uncached(std::string_view s, std::string_view region);

}  // namespace

Judgement judge(std::string_view s, std::string_view region) {
  // Rules on one value (the country-code rule, the plan rule) ask in a row, and each answer
  // costs tens of microseconds: the last one is kept, per thread.
  thread_local std::string last_s, last_region;
  thread_local Judgement last;
  thread_local bool have_last = false;
  if (have_last && s == last_s && region == last_region) return last;
  Judgement j = judge_uncached(s, region);
  last_s = s, last_region = region, last = j, have_last = true;
  return j;
}

namespace {
Judgement judge_uncached(std::string_view s, std::string_view region) {
  Judgement j;
  const Module& m = module();
  if (!m.judge) return j;
  j.verdict = Verdict::not_a_number;
  if (!plausible(s)) return j;
  const std::string reg(region);
  wxlint_plan_result r{};
  if (m.judge(s.data(), s.size(), reg.c_str(), &r) != 0) return j;
  j.e164 = r.e164;
  j.prefix_missing = r.prefix_missing != 0;
  j.country_code = r.country_code;
  switch (r.verdict) {
    case WXLINT_PLAN_VALID: j.verdict = Verdict::valid; break;
    case WXLINT_PLAN_NOT_A_NUMBER: break;
    case WXLINT_PLAN_UNKNOWN_COUNTRY:
      j.verdict = Verdict::unknown_country;
      j.reason = no_country_code(s);
      break;
    case WXLINT_PLAN_TOO_SHORT:
    case WXLINT_PLAN_TOO_LONG:
    case WXLINT_PLAN_INVALID_LENGTH:
      j.verdict = Verdict::wrong_length;
      j.reason = r.country_code == 0 ? std::string(r.verdict == WXLINT_PLAN_TOO_LONG ? "it is too long" : "it is too short")
                 : r.verdict == WXLINT_PLAN_TOO_SHORT ? "it is too short for " + plan_name(r)
                 : r.verdict == WXLINT_PLAN_TOO_LONG  ? "it is too long for " + plan_name(r)
                                                      : "no number in " + plan_name(r) + " has its length";
      break;
    case WXLINT_PLAN_NOT_ASSIGNED:
      j.verdict = Verdict::not_assigned;
      j.reason = r.area_code[0] ? std::string(r.area_code) + " is not an assigned area code in " + plan_name(r)
                                : "it is in no assigned range of " + plan_name(r);
      break;
  }
  return j;
}
}  // namespace

std::optional<std::string> region_code(std::string_view s) {
  const Module& m = module();
  if (!m.is_region || s.size() != 2) return std::nullopt;
  std::string up(s);
  for (char& c : up) c = ascii::to_upper(c);
  if (!ascii::is_upper(up[0]) || !ascii::is_upper(up[1])) return std::nullopt;
  if (!m.is_region(up.c_str())) return std::nullopt;
  return up;
}

std::optional<std::string> region_problem(std::string_view s) {
  if (region_code(s)) return std::nullopt;
  if (std::string why = unavailable_reason(); !why.empty()) return "cannot be checked without the numbering-plan module: " + why;
  return "\"" + excerpt(s, 16) + "\" is not a region code of the numbering plans (two letters, such as US, GB or DE)";
}

std::string checked_region(std::string_view s) {
  if (s.empty()) return {};
  if (std::optional<std::string> code = region_code(s)) return *code;
  throw ConfigError("region: " + region_problem(s).value_or(""));
}

std::string_view metadata_version() { return WXLINT_PHONENUMBER_VERSION; }

std::string unavailable_reason() { return module().problem; }

}  // namespace wxlint::formats::plan
