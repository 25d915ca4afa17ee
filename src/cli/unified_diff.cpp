#include "cli/unified_diff.hpp"

#include "formats/display.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>

namespace wxlint::cli {
namespace {

constexpr std::size_t kContext = 3;

// The changed ranges widened to whole lines: [old_begin, old_end) of `before` became
// [new_begin, new_end) of `after`, and the rest of those lines is the same on both sides.
struct Block {
  std::size_t old_begin, old_end, new_begin, new_end;
};

std::size_t line_start(std::string_view t, std::size_t at) {
  const std::size_t nl = at == 0 ? std::string_view::npos : t.rfind('\n', at - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view t, std::size_t at) {
  const std::size_t nl = t.find('\n', at);
  return nl == std::string_view::npos ? t.size() : nl + 1;
}

// Where the lines of a text start and end, found by binary search in its line breaks: a
// minified payload is one line, and scanning it for each of its changes was quadratic.
class LineIndex {
 public:
  explicit LineIndex(std::string_view t) : size_(t.size()) {
    for (std::size_t i = t.find('\n'); i != std::string_view::npos; i = t.find('\n', i + 1)) breaks_.push_back(i);
  }
  std::size_t start(std::size_t at) const {  // line_start()
    const auto it = std::lower_bound(breaks_.begin(), breaks_.end(), at);  // breaks before `at` end earlier lines
    return it == breaks_.begin() ? 0 : *std::prev(it) + 1;
  }
  std::size_t end(std::size_t at) const {  // line_end()
    const auto it = std::lower_bound(breaks_.begin(), breaks_.end(), at);
    return it == breaks_.end() ? size_ : *it + 1;
  }

 private:
  std::size_t size_;
  std::vector<std::size_t> breaks_;
};

std::size_t count_lines(std::string_view t) {
  return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n')) + (!t.empty() && t.back() != '\n');
}

// Each line of t prefixed with `mark`; a last line without '\n' says so, as diff does.
void put_lines(std::string& out, char mark, std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t e = line_end(t, i);
    out += mark;
    out.append(t.substr(i, e - i));
    if (t[e - 1] != '\n') out += "\n\\ No newline at end of file\n";
    i = e;
  }
}

// `n` whole lines of t before `at` (a line start), as an offset.
std::size_t lines_before(std::string_view t, std::size_t at, std::size_t n) {
  for (; n > 0 && at > 0; --n) at = line_start(t, at - 1);
  return at;
}

std::size_t lines_after(std::string_view t, std::size_t at, std::size_t n) {
  for (; n > 0 && at < t.size(); --n) at = line_end(t, at);
  return at;
}

// The "--- a/NAME" and "+++ b/NAME" lines. A name that a terminal would act on (controls,
// C1, bidirectional controls, bytes outside UTF-8), or that holds '"' or '\\', is C-quoted as
// git writes it ("a/x\033[2J.json"; git apply and GNU patch read it back): raw, a line break
// would end the header and an ESC would reach the terminal. A tab ends a name that holds a
// space, as git writes it, or GNU patch cuts it there. An absolute name loses its leading '/'
// after "a/", as in `git diff --no-index` ("a//tmp/x.json" named no file for patch -p1), and
// "." steps are dropped ("a/./x.json" is a path git apply refuses).
std::string header(std::string_view path) {
  const std::string normal = std::filesystem::path(path).lexically_normal().string();
  std::string_view name = normal;
  while (name.starts_with('/')) name.remove_prefix(1);
  std::string scratch;
  const bool quote = name.find_first_of("\"\\") != std::string_view::npos ||
                     display::shown(name, display::Mode::terminal, scratch) != name;
  if (!quote) {
    const std::string end = name.find(' ') == std::string_view::npos ? "\n" : "\t\n";
    return "--- a/" + std::string(name) + end + "+++ b/" + std::string(name) + end;
  }
  std::string q;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    static constexpr std::string_view kFrom = "\a\b\t\n\v\f\r\"\\", kTo = "abtnvfr\"\\";
    if (const std::size_t k = kFrom.find(ch); k != std::string_view::npos) {
      q += '\\', q += kTo[k];
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      q += buf;
    } else {
      q += ch;
    }
  }
  return "--- \"a/" + q + "\"\n+++ \"b/" + q + "\"\n";
}

}  // namespace

std::string unified_diff(std::string_view name, std::string_view before, std::string_view after,
                         const std::vector<Change>& changes) {
  std::vector<Block> blocks;
  const LineIndex lines(before);
  for (const Change& c : changes) {
    const std::size_t ob = lines.start(c.old_offset);
    const std::size_t oe = std::max(lines.end(c.old_offset + c.old_length), ob);
    const Block b{ob, oe, c.new_offset - (c.old_offset - ob), c.new_offset + c.new_length + (oe - c.old_offset - c.old_length)};
    if (!blocks.empty() && b.old_begin < blocks.back().old_end) {
      blocks.back().old_end = b.old_end;  // two changes on one line
      blocks.back().new_end = b.new_end;
    } else {
      blocks.push_back(b);
    }
  }
  std::string out;
  std::size_t line = 0, at = 0;  // `before`'s line number (0-based) at offset `at`
  long long shift = 0;           // lines `after` has more than `before` up to here
  for (std::size_t i = 0; i < blocks.size();) {
    // A hunk: blocks whose context lines meet.
    std::size_t k = i + 1;
    while (k < blocks.size() &&
           count_lines(before.substr(blocks[k - 1].old_end, blocks[k].old_begin - blocks[k - 1].old_end)) <= 2 * kContext)
      ++k;
    const std::size_t from = lines_before(before, blocks[i].old_begin, kContext);
    const std::size_t to = lines_after(before, blocks[k - 1].old_end, kContext);
    line += count_lines(before.substr(at, from - at));
    at = from;
    std::string body;
    std::size_t old_n = 0, new_n = 0, pos = from;
    for (std::size_t b = i; b < k; ++b) {
      const std::string_view same = before.substr(pos, blocks[b].old_begin - pos);
      put_lines(body, ' ', same);
      const std::string_view gone = before.substr(blocks[b].old_begin, blocks[b].old_end - blocks[b].old_begin);
      const std::string_view come = after.substr(blocks[b].new_begin, blocks[b].new_end - blocks[b].new_begin);
      put_lines(body, '-', gone);
      put_lines(body, '+', come);
      old_n += count_lines(same) + count_lines(gone);
      new_n += count_lines(same) + count_lines(come);
      pos = blocks[b].old_end;
    }
    const std::string_view tail = before.substr(pos, to - pos);
    put_lines(body, ' ', tail);
    old_n += count_lines(tail);
    new_n += count_lines(tail);
    const long long new_line = static_cast<long long>(line) + shift;
    // A range of no lines starts at the line before it (diff's convention).
    const auto start = [](long long l, std::size_t n) { return std::to_string(n ? l + 1 : l); };
    if (out.empty()) out = header(name);
    out += "@@ -" + start(static_cast<long long>(line), old_n) + "," + std::to_string(old_n) + " +" + start(new_line, new_n) +
           "," + std::to_string(new_n) + " @@\n" + body;
    line += old_n;
    at = to;
    shift += static_cast<long long>(new_n) - static_cast<long long>(old_n);
    i = k;
  }
  return out;
}

}  // namespace wxlint::cli
