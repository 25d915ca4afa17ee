// JSON Pointer (RFC 6901) helpers: build, split and join pointer strings.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::pointer {

// Appends "/" + key, escaping '~' as "~0" and '/' as "~1".
void append_key(std::string& ptr, std::string_view key);

// Appends "/" + the decimal index.
void append_index(std::string& ptr, std::size_t index);

// "" -> {}; "/a~1b/0" -> {"a/b", "0"}. nullopt if the pointer does not start
// with '/' or has a '~' not followed by '0' or '1'.
std::optional<std::vector<std::string>> split(std::string_view ptr);

// Inverse of split().
std::string join(const std::vector<std::string>& tokens);

}  // namespace wxlint::pointer
