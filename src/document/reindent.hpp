// Internal: JSON text laid out again, one member or element per line, for payloads that a
// program wrote on one line (wxlint_lint_reindented).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace wxlint::detail {

// The layout of Python's json.dumps(indent=2): a line per member or element, `width` spaces
// per level, ", " and ": " as "," and ": ", empty containers as {} and []. Tokens (strings,
// numbers, anything else) are copied unchanged, so invalid text stays invalid where it was.
// nullopt when the result would pass 3x the input plus 1 MB (deep nesting): linear, bounded.
std::optional<std::string> reindent(std::string_view text, std::size_t width = 2);

}  // namespace wxlint::detail
