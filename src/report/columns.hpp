// Internal: how many terminal columns text takes, so that the text report can put carets
// under a character and pad a table. Not for the machine formats: their columns are code
// points (docs/output-formats.md).
#pragma once

#include <cstddef>
#include <string_view>

namespace wxlint::display {

// Columns of one printable code point: 2 for East Asian Wide and Fullwidth (CJK, most emoji),
// 0 for nonspacing and enclosing marks and format characters (U+0301, ZWJ, variation
// selectors), else 1.
int columns(char32_t cp);

// Columns of s as the text report shows it: its display::shown(s, Mode::terminal) form, where
// an escape (\t, \xff for a byte outside UTF-8, \u202e) takes as many columns as it has characters.
std::size_t columns(std::string_view s);

}  // namespace wxlint::display
