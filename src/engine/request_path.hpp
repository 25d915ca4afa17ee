// An example envelope's request path, read segment by segment: matched against operations'
// path templates (detection, the path-param check).
#pragma once

#include <string_view>
#include <vector>

namespace wxlint {

// The path's segments: without a scheme and host ("https://webexapis.com"), a query string or
// a fragment, and without empty segments.
std::vector<std::string_view> request_path_segments(std::string_view path);

// A template's "{parameter}" segment.
inline bool is_path_placeholder(std::string_view s) { return s.size() >= 2 && s.front() == '{' && s.back() == '}'; }

}  // namespace wxlint
