// Internal: the display form of text that reports and messages print. A Linux file name is
// any bytes but '/' and NUL, and payload values and rule files may hold control characters,
// so no format may pass either through raw. The forms are documented in docs/output-formats.md.
#pragma once

#include <string>
#include <string_view>

namespace wxlint::display {

enum class Mode {
  utf8,      // each byte outside a valid UTF-8 sequence as \xNN; all else unchanged
  terminal,  // also C0 controls (\n \r \t, else \xNN), DEL (\x7f) and C1 controls (\u0080..\u009f)
};

// s itself when it needs no change (the usual case: nothing is copied), else its display
// form, built in scratch.
std::string_view shown(std::string_view s, Mode mode, std::string& scratch);

inline std::string shown(std::string_view s, Mode mode) {
  std::string scratch;
  return std::string(shown(s, mode, scratch));
}

// Writes s as a JSON string with a RapidJSON writer: values keep their controls (the writer
// escapes them); text that is not UTF-8 gets its display form, so the report stays UTF-8.
template <class Writer>
void write_string(Writer& w, std::string_view s, std::string& scratch) {
  s = shown(s, Mode::utf8, scratch);
  w.String(s.data(), static_cast<unsigned>(s.size()));
}

}  // namespace wxlint::display
