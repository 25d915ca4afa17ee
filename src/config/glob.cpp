// Glob matching for ignore entries, as a set of pattern positions advanced one text
// character at a time: time O(pattern x text) and memory O(pattern) whatever the pattern,
// because the text (file paths, JSON Pointers with payload keys) is input data.
//   *  any run without '/'     **  any run, '/' included ("**/" also matches nothing)
//   ?  one character but '/'   [abc] [a-z] [!a]  one of / none of   \x  x itself
#include "config/glob.hpp"

#include "formats/formats.hpp"

#include <wxlint/config.hpp>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace wxlint {
namespace {

struct Token {
  enum class Kind : std::uint8_t { literal, one, set, star, globstar } kind = Kind::literal;
  char c = 0;
  bool negate = false;
  bool zero_segments = false;  // "**/": the globstar may also skip the '/' after it
  std::string_view set;        // class body, without the brackets and the negation mark
  std::size_t end = 0;         // where the next token starts
};
using Kind = Token::Kind;

// The first ']' at or after a position of p. The last answer is kept: it also holds for any
// later position up to it, so positions asked in increasing order (compiling) cost one scan
// of p in all, not one scan to the end per unclosed '['.
class CloseFinder {
 public:
  explicit CloseFinder(std::string_view p) : p_(p) {}
  std::size_t at_or_after(std::size_t from) {
    if (from < from_ || from > found_) from_ = from, found_ = p_.find(']', from);
    return found_;
  }

 private:
  std::string_view p_;
  std::size_t from_ = std::string_view::npos, found_ = std::string_view::npos;
};

// The token at p[i], i < p.size(), with close_of a CloseFinder of p. Parsed again where it is
// needed, so that a compiled pattern costs its bytes and not a token structure per byte.
Token token_at(std::string_view p, std::size_t i, CloseFinder& close_of) {
  Token t;
  if (p.substr(i, 2) == "**") {
    t.kind = Kind::globstar;
    t.zero_segments = i + 2 < p.size() && p[i + 2] == '/';
    t.end = i + 2;
  } else if (p[i] == '*') {
    t.kind = Kind::star;
    t.end = i + 1;
  } else if (p[i] == '?') {
    t.kind = Kind::one;
    t.end = i + 1;
  } else if (p[i] == '[') {
    std::size_t j = i + 1;
    t.negate = j < p.size() && (p[j] == '!' || p[j] == '^');
    if (t.negate) ++j;
    const std::size_t close = j < p.size() ? close_of.at_or_after(j + 1) : std::string_view::npos;  // "[]a]": ']' first is literal
    if (close == std::string_view::npos) {
      t.c = '[';  // unclosed: a literal '['
      t.end = i + 1;
    } else {
      t.kind = Kind::set;
      t.set = p.substr(j, close - j);
      t.end = close + 1;
    }
  } else {
    if (p[i] == '\\' && i + 1 < p.size()) ++i;
    t.c = p[i];
    t.end = i + 1;
  }
  return t;
}

// The character at s[i] (i < s.size()): its code point and its length in bytes. A byte
// outside UTF-8 is a character of its own, above every code point.
std::pair<std::uint32_t, std::size_t> char_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  const std::size_t n = formats::detail::utf8_sequence_length(s, i);
  if (n == 0) return {0x110000u + c, 1};
  return {formats::detail::decode_at(s, i, n), n};
}

// f(lo, hi) for each range of a class body ("a-c" or one character "x"), in code points.
template <class F>
void each_range(std::string_view set, const F& f) {
  for (std::size_t i = 0; i < set.size();) {
    const auto [lo, n] = char_at(set, i);
    std::uint32_t hi = lo;
    i += n;
    if (i + 1 < set.size() && set[i] == '-') {
      const auto [last, m] = char_at(set, i + 1);
      hi = last;
      i += 1 + m;
    }
    f(lo, hi);
  }
}

bool in_set(const Token& t, std::uint32_t c) {
  bool hit = false;
  each_range(t.set, [&](std::uint32_t lo, std::uint32_t hi) { hit = hit || (lo <= c && c <= hi); });
  return hit != t.negate;
}

// A position is entered, or looped on when a star stayed on it by matching a character.
constexpr char kEntered = 1, kLooped = 2;

}  // namespace

Glob::Glob(std::string_view p) {
  // Runs of stars collapse (the tokenizer never puts '*' right after '*' or "**"):
  // "**" then "*" or "**" is "**" (a dropped "**/" takes its '/' along); "**/" then
  // "**/" is "**/", and "**/" then "**" is "**" (anything/ or nothing, then anything).
  enum class Tail { other, globstar, globstar_slash } tail = Tail::other;  // how pattern_ ends
  bool drop_slash = false, slash_of_globstar = false;
  CloseFinder close_of(p);
  for (std::size_t i = 0; i < p.size();) {
    const Token t = token_at(p, i, close_of);
    i = t.end;
    if (drop_slash) {
      drop_slash = false;
      continue;
    }
    const bool wild = t.kind == Kind::star || t.kind == Kind::globstar;
    if (wild && tail == Tail::globstar) {
      drop_slash = t.zero_segments;
      continue;
    }
    if (t.kind == Kind::globstar && tail == Tail::globstar_slash) {
      if (t.zero_segments) {
        drop_slash = true;
      } else {
        pattern_.pop_back();
        tail = Tail::globstar;
      }
      continue;
    }
    // Written back so that it reads as the same token.
    switch (t.kind) {
      case Kind::star: pattern_ += '*'; break;
      case Kind::globstar: pattern_ += "**"; break;
      case Kind::one: pattern_ += '?'; break;
      case Kind::set: pattern_.append(t.negate ? "[!" : "[").append(t.set) += ']'; break;
      case Kind::literal:
        if (t.c == '*' || t.c == '?' || t.c == '[' || t.c == '\\' || (t.c == '/' && tail == Tail::globstar))
          pattern_ += '\\';
        pattern_ += t.c;
        break;
    }
    if (t.kind != Kind::star && t.kind != Kind::globstar && !slash_of_globstar) ++min_length_;
    if (t.kind != Kind::literal) literal_ = false;
    if (literal_) prefix_ += t.c;
    tail = t.kind == Kind::globstar && !t.zero_segments ? Tail::globstar
           : slash_of_globstar                           ? Tail::globstar_slash
                                                         : Tail::other;
    slash_of_globstar = t.zero_segments;
  }
  if (literal_) pattern_.clear();  // matched by prefix_ alone
}

std::vector<std::string> Glob::whole_segments() const {
  if (literal_) return {};  // matched by the prefix alone
  std::vector<std::string> out;
  std::string segment;
  bool literal = true, after_slash = true;  // the segment so far; whether a '/' (or the start) is before it
  bool globstar_after_slash = false;        // the "**" of a "**/" began a segment
  bool slash_of_globstar = false;           // the token is the '/' of a "**/", which may be skipped
  CloseFinder close_of(pattern_);
  for (std::size_t i = 0; i < pattern_.size();) {
    const Token t = token_at(pattern_, i, close_of);
    i = t.end;
    if (t.kind == Kind::literal && t.c == '/') {
      if (literal && after_slash && !segment.empty()) out.push_back(segment);
      // A skipped "**/" leaves what was before the "**" in front of the next segment.
      after_slash = !slash_of_globstar || globstar_after_slash;
      segment.clear();
      literal = true;
    } else if (t.kind == Kind::literal) {
      segment += t.c;
    } else {
      if (t.kind == Kind::globstar) globstar_after_slash = literal && after_slash && segment.empty();
      literal = false;
    }
    slash_of_globstar = t.zero_segments;
  }
  if (literal && after_slash && !segment.empty()) out.push_back(segment);
  return out;
}

namespace {

// A code point as an RE2 class member: \x{...}, so no character is special.
void append_code_point(std::string& out, std::uint32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(c));
  out += buf;
}

// A class's ranges without '/', which no glob class matches: [lo, hi] split around it.
void append_ranges_but_slash(std::string& out, std::uint32_t lo, std::uint32_t hi) {
  if (lo <= '/' && '/' <= hi) {
    if (lo < '/') append_ranges_but_slash(out, lo, '/' - 1);
    if (hi > '/') append_ranges_but_slash(out, '/' + 1, hi);
    return;
  }
  append_code_point(out, lo);
  if (hi != lo) out += '-', append_code_point(out, hi);
}

}  // namespace

std::optional<std::string> Glob::pointer_regex() const {
  if (!formats::is_valid_utf8(literal_ ? prefix_ : pattern_)) return std::nullopt;
  std::string out = "(?:";
  const auto literal = [&out](std::string_view bytes) {
    for (const char c : bytes) {
      // RE2's metacharacters are ASCII: escape those, copy the rest (UTF-8 included).
      if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  };
  if (literal_) {
    literal(prefix_);
  } else {
    CloseFinder close_of(pattern_);
    for (std::size_t i = 0; i < pattern_.size();) {
      const Token t = token_at(pattern_, i, close_of);
      i = t.end;
      switch (t.kind) {
        case Kind::literal: literal(std::string_view(&t.c, 1)); break;
        case Kind::one: out += "[^/]"; break;
        case Kind::star: out += "[^/]*"; break;
        case Kind::globstar:
          if (t.zero_segments) {  // "**/": anything up to a '/', or nothing at all
            out += "(?:.*/)?";
            i = t.end + 1;
          } else {
            out += ".*";
          }
          break;
        case Kind::set: {
          std::string ranges;
          each_range(t.set, [&](std::uint32_t lo, std::uint32_t hi) {
            if (lo <= hi) append_ranges_but_slash(ranges, lo, std::min<std::uint32_t>(hi, 0x10FFFF));  // else empty
          });
          if (t.negate) out += "[^/" + ranges + "]";
          else out += !ranges.empty() ? "[" + ranges + "]" : "[^\\x{0}-\\x{10FFFF}]";  // matches nothing
          break;
        }
      }
    }
  }
  return out + ")(?:/.*)?";
}

template <class Accept>
bool Glob::run(std::string_view text, Accept accept) const {
  const std::string_view p = pattern_;
  const std::size_t n = p.size();
  std::vector<char> cur(n + 1), next(n + 1);
  CloseFinder close_of(p);
  std::size_t lo = 0, hi = 0;  // the active positions lie in [lo, hi]; they only move forward
  // Stars may match nothing: positions after them are reachable too (forward only, so one
  // pass). "**/" skips its '/' only when the globstar matched nothing.
  const auto close = [&](std::vector<char>& s) {
    for (std::size_t i = lo; i <= hi && i < n; ++i) {
      if (!s[i]) continue;
      const Token t = token_at(p, i, close_of);
      if (t.kind == Kind::star || t.kind == Kind::globstar) s[t.end] |= kEntered, hi = std::max(hi, t.end);
      if (t.zero_segments && (s[i] & kEntered)) s[t.end + 1] |= kEntered, hi = std::max(hi, t.end + 1);
    }
  };
  cur[0] = kEntered;
  close(cur);
  // A character at a time, not a byte: "?" and "[é]" match "é" (two bytes in UTF-8).
  for (std::size_t k = 0;;) {
    if (cur[n] && accept(k)) return true;
    if (k == text.size()) return false;
    const auto [c, len] = char_at(text, k);
    std::size_t next_lo = n + 1, next_hi = 0;
    const auto reach = [&](std::size_t i, char how) {
      next[i] |= how;
      next_lo = std::min(next_lo, i);
      next_hi = std::max(next_hi, i);
    };
    for (std::size_t i = lo; i <= hi && i < n; ++i) {
      if (!cur[i]) continue;
      const Token t = token_at(p, i, close_of);
      switch (t.kind) {
        case Kind::star:
          if (c != '/') reach(i, kLooped);
          break;
        case Kind::globstar:
          reach(i, kLooped);
          break;
        case Kind::one:
          if (c != '/') reach(t.end, kEntered);
          break;
        case Kind::set:
          if (c != '/' && in_set(t, c)) reach(t.end, kEntered);
          break;
        case Kind::literal: {
          // The character's bytes, one literal token each.
          std::size_t at = t.end;
          bool same = t.c == text[k];
          for (std::size_t b = 1; same && b < len; ++b) {
            const Token u = at < n ? token_at(p, at, close_of) : Token{};
            same = at < n && u.kind == Kind::literal && u.c == text[k + b];
            at = u.end;
          }
          if (same) reach(at, kEntered);
          break;
        }
      }
    }
    k += len;
    std::fill(cur.begin() + static_cast<std::ptrdiff_t>(lo), cur.begin() + static_cast<std::ptrdiff_t>(hi) + 1, 0);
    if (next_lo > next_hi) return false;
    lo = next_lo;
    hi = next_hi;
    close(next);
    cur.swap(next);
  }
}

bool Glob::matches(std::string_view text) const {
  if (text.size() < min_length_ || !text.starts_with(prefix_)) return false;
  if (literal_) return text.size() == prefix_.size();
  return run(text, [&](std::size_t k) { return k == text.size(); });
}

bool Glob::matches_pointer_or_ancestor(std::string_view p) const {
  // Every text it could match starts like p (an ancestor is a prefix of p).
  if (p.size() < min_length_ || !p.starts_with(prefix_)) return false;
  const auto ends_ancestor = [&](std::size_t k) { return k == p.size() || p[k] == '/'; };
  if (literal_) return ends_ancestor(prefix_.size());
  return run(p, ends_ancestor);
}

bool glob_match(std::string_view pattern, std::string_view text) { return Glob(pattern).matches(text); }

}  // namespace wxlint
