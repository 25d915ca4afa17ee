#include "report/terminal.hpp"

#include "formats/formats.hpp"
#include "report/columns.hpp"
#include "formats/display.hpp"

#include <wxlint/report.hpp>

#include <algorithm>
#include <cstring>
#include <ostream>

namespace wxlint::report {
namespace {

constexpr std::string_view kReset = "\x1b[0m", kBold = "\x1b[1m", kDim = "\x1b[2m";

std::string_view colour(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: break;
  }
  return "\x1b[1;36m";
}

std::size_t sequence(std::string_view t, std::size_t i) {
  const std::size_t n = static_cast<unsigned char>(t[i]) < 0x80 ? 1 : formats::detail::utf8_sequence_length(t, i);
  return n == 0 ? 1 : n;  // a byte outside valid UTF-8 counts as one
}

bool line_end(std::string_view t, std::size_t i) {
  return t[i] == '\n' || (t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n');
}

// Walks the text forward to (line, column) places: the findings of a file come sorted,
// so the whole file is crossed once, however many findings a (minified) line has.
class Cursor {
 public:
  // A byte order mark is no character of line 1: columns do not count it.
  explicit Cursor(std::string_view text) : t_(text), first_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {
    pos_ = start_ = first_;
  }

  // The byte offset of (line, column), or the line's end when it is shorter; npos past the end.
  std::size_t seek(std::uint32_t line, std::uint32_t column) {
    if (line < line_ || (line == line_ && column < column_)) line_ = 1, column_ = 1, pos_ = start_ = first_;
    while (line_ < line) {
      const void* nl = std::memchr(t_.data() + pos_, '\n', t_.size() - pos_);
      if (!nl) return std::string_view::npos;
      pos_ = start_ = static_cast<std::size_t>(static_cast<const char*>(nl) - t_.data()) + 1;
      ++line_, column_ = 1;
    }
    while (column_ < column && pos_ < t_.size() && !line_end(t_, pos_)) pos_ += sequence(t_, pos_), ++column_;
    return pos_;
  }
  std::size_t line_start() const { return start_; }

 private:
  std::string_view t_;
  std::size_t first_;
  std::uint32_t line_ = 1, column_ = 1;
  std::size_t pos_ = 0, start_ = 0;
};

// Whether the line from `start` fits in `width` columns (and 4 characters a column, as the
// window below): then it is shown whole.
bool fits(std::string_view t, std::size_t start, std::size_t width) {
  std::size_t columns = 0, chars = 0;
  for (std::size_t i = start; i < t.size() && !line_end(t, i); i += sequence(t, i))
    if ((columns += display::columns(t.substr(i, sequence(t, i)))) > width || ++chars > 4 * width) return false;
  return true;
}

std::string excerpt(std::string_view t, Cursor& cursor, const Diagnostic& d, const TerminalStyle& style) {
  const Location& l = d.location;
  if (l.line == 0) return {};
  const std::size_t at = cursor.seek(l.line, std::max<std::uint32_t>(l.column, 1));
  if (at == std::string_view::npos) return {};
  // The window: a third of the width before the column, the rest after, within the line.
  // Widths in terminal columns: a CJK character takes two, a combining mark none; and at most
  // 4 characters a column, so a value of a million combining marks is not shown whole.
  const std::size_t max_chars = 4 * style.width;
  std::size_t begin = fits(t, cursor.line_start(), style.width) ? cursor.line_start() : at;
  for (std::size_t before = 0, chars = 0; begin > cursor.line_start() && ++chars <= max_chars / 3;) {
    std::size_t prev = begin - 1;
    while (prev > cursor.line_start() && begin - prev < 4 && (static_cast<unsigned char>(t[prev]) & 0xC0) == 0x80) --prev;
    before += display::columns(t.substr(prev, begin - prev));
    if (before > style.width / 3) break;
    begin = prev;
  }
  // The span counts characters (code points), as columns do.
  const std::size_t span = l.end_line == l.line && l.end_column > l.column ? l.end_column - l.column : 1;
  std::string source, carets, scratch;
  std::size_t i = begin, shown_columns = 0, shown_chars = 0, chars = 0;
  bool cut_after = false;
  while (i < t.size() && !line_end(t, i)) {
    const std::size_t n = sequence(t, i);
    const std::size_t w = display::columns(t.substr(i, n));
    if (shown_columns + w > style.width || shown_chars == max_chars) {
      cut_after = true;
      break;
    }
    if (i >= at && chars < span) carets.append(w, '^'), ++chars;
    else if (i < at) carets.append(w, ' ');
    source += display::shown(t.substr(i, n), display::Mode::terminal, scratch);
    shown_columns += w, ++shown_chars;
    i += n;
  }
  if (carets.find('^') == std::string::npos) carets += '^';  // a value at the line's end
  const bool cut_before = begin > cursor.line_start();
  if (cut_before) source.insert(0, "..."), carets.insert(0, "   ");
  if (cut_after) source += "...";
  const std::string number = std::to_string(l.line);
  const std::string gutter(number.size(), ' ');
  std::string out = " " + number + " | " + source + "\n " + gutter + " | ";
  const std::size_t lead = carets.find('^');
  if (style.color) out += carets.substr(0, lead) + std::string(colour(d.severity)) + carets.substr(lead) + std::string(kReset);
  else out += carets;
  return out + "\n";
}

void append_line(std::string& out, std::string_view path, const Diagnostic& d, bool color) {
  std::string scratch;
  auto shown = [&](std::string_view s) { return std::string(display::shown(s, display::Mode::terminal, scratch)); };
  const std::string place = std::string(path) + ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ":";
  const std::string severity = std::string(to_string(d.severity)) + "[" + shown(d.code) + "]";
  if (!color) {
    out += place + " " + severity + ": " + shown(d.message) + " (" + shown(d.rule) + ")\n";
    return;
  }
  out += std::string(kBold) + place + std::string(kReset) + " " + std::string(colour(d.severity)) + severity +
         std::string(kReset) + ": " + shown(d.message) + " " + std::string(kDim) + "(" + shown(d.rule) + ")" +
         std::string(kReset) + "\n";
}

}  // namespace

std::vector<std::string> excerpts(std::string_view text, const std::vector<Diagnostic>& diagnostics,
                                  const TerminalStyle& style) {
  Cursor cursor(text);
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  for (const auto& d : diagnostics) out.push_back(excerpt(text, cursor, d, style));
  return out;
}

void write_terminal(std::ostream& out, const std::vector<FileReport>& files, bool summary, const TerminalStyle& style,
                    const SourceOf& source) {
  std::string buf, scratch;
  for (const auto& f : files) {
    const std::string_view path = display::shown(f.path, display::Mode::terminal, scratch);
    std::vector<std::string> shown;
    if (style.excerpts && !f.diagnostics.empty())
      if (const auto text = source(f.path)) shown = excerpts(*text, f.diagnostics, style);
    for (std::size_t i = 0; i < f.diagnostics.size(); ++i) {
      append_line(buf, path, f.diagnostics[i], style.color);
      if (i < shown.size()) buf += shown[i];
    }
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  }
  if (!summary) return;
  const std::string line = summary_line(files);
  if (style.color) out << kBold << line.substr(0, line.size() - 1) << kReset << "\n";
  else out << line;
}

}  // namespace wxlint::report
