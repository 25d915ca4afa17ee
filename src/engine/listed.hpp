// A list of allowed values in a message: the first 20, then how many more. An enum of
// thousands (a setting of allowed locations) is no message.
#pragma once

#include <cstddef>
#include <string>

namespace wxlint {

inline constexpr std::size_t kListedValues = 20;

// "a, b, c" or "a, b, ... and 5 more", of `total` items, item(i) giving the i-th's text.
template <typename Item>
std::string listed(std::size_t total, const Item& item) {
  std::string out;
  for (std::size_t i = 0; i < total && i < kListedValues; ++i) out += (i ? ", " : "") + item(i);
  if (total > kListedValues) out += ", ... and " + std::to_string(total - kListedValues) + " more";
  return out;
}

}  // namespace wxlint
