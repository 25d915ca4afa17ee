// "Did you mean" suggestions for misspelt keys and enum values.
#include "formats/formats.hpp"

#include "formats/ascii.hpp"

#include <algorithm>

namespace wxlint::formats {

namespace {

constexpr std::size_t kMaxCompared = 64;

using ascii::to_lower;

// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
// ASCII case-insensitive. Callers keep both sides short, so the full table is cheap.
std::size_t osa_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = to_lower(a[i - 1]) == to_lower(b[j - 1]) ? 0 : 1;
      std::size_t v = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
      if (i > 1 && j > 1 && to_lower(a[i - 1]) == to_lower(b[j - 2]) && to_lower(a[i - 2]) == to_lower(b[j - 1]))
        v = std::min(v, at(i - 2, j - 2) + 1);
      at(i, j) = v;
    }
  }
  return at(n, m);
}

std::size_t common_start(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && to_lower(a[i]) == to_lower(b[i])) ++i;
  return i;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Characters replaced where that makes another value, not a typo of this one: one in a code
// of up to 3 characters ("CST" is not "CET", "SMS" not "IMS"), or only digits by digits
// ("GMT-6" is not "GMT-0", "WX9999" not "WX1099"). Suggesting it would mislead.
bool another_code(std::string_view s, std::string_view c) {
  if (s.size() != c.size()) return false;
  std::size_t differ = 0, first = 0;
  bool digits = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (to_lower(s[i]) == to_lower(c[i])) continue;
    if (differ++ == 0) first = i;
    digits = digits && is_digit(s[i]) && is_digit(c[i]);
  }
  const bool swapped = differ == 2 && first + 1 < s.size() && to_lower(s[first]) == to_lower(c[first + 1]) &&
                       to_lower(s[first + 1]) == to_lower(c[first]);  // "e614" for "e164": a typo
  return differ != 0 && !swapped && (digits || (differ == 1 && s.size() <= 3));
}

}  // namespace

std::optional<std::string> did_you_mean(std::string_view s, const std::vector<std::string>& candidates) {
  for (const std::string& c : candidates)
    if (c == s) return c;
  for (const std::string& c : candidates)
    if (ascii::equals_nocase(c, s)) return c;
  if (s.empty()) return std::nullopt;  // any one-letter candidate would be "close"

  const std::string_view head = s.substr(0, kMaxCompared);
  const std::size_t excess = s.size() - head.size();
  const std::size_t limit = std::max<std::size_t>(1, head.size() / 3);
  if (excess > limit) return std::nullopt;

  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    // The distance is at least the length difference: skip, without building the table, what
    // cannot match the best so far. Distance 0 was the case-blind match above.
    const std::size_t diff = c.size() > head.size() ? c.size() - head.size() : head.size() - c.size();
    if (diff > best_distance || c.empty() || another_code(head, c)) continue;
    const std::size_t dist = osa_distance(head, c) + excess;
    // Ties go to the longer common start ("USA": "US", not "SA"), then to the first candidate.
    if (dist < best_distance ||
        (dist == best_distance && best && common_start(head, c) > common_start(head, *best))) {
      best_distance = dist;
      best = &c;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace wxlint::formats
