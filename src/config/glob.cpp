// A small glob matcher for ignore entries (no backtracking regex: patterns are short and a
// backtracking match is enough).
#include <wxlint/config.hpp>

namespace wxlint {
namespace {

// [abc], [a-z], [!a]; `p` starts after '['. Returns false in `ok` for an unclosed class.
bool match_class(std::string_view& p, char c, bool& ok) {
  bool negate = !p.empty() && (p[0] == '!' || p[0] == '^');
  if (negate) p.remove_prefix(1);
  bool hit = false, first = true;
  while (!p.empty() && (p[0] != ']' || first)) {
    first = false;
    char lo = p[0], hi = lo;
    if (p.size() > 2 && p[1] == '-' && p[2] != ']') {
      hi = p[2];
      p.remove_prefix(3);
    } else {
      p.remove_prefix(1);
    }
    if (lo <= c && c <= hi) hit = true;
  }
  ok = !p.empty();
  if (ok) p.remove_prefix(1);
  return hit != negate;
}

bool match(std::string_view p, std::string_view t) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      p.remove_prefix(2);
      if (!p.empty() && p[0] == '/' && match(p.substr(1), t)) return true;  // zero segments
      for (std::size_t i = 0; i <= t.size(); ++i)
        if (match(p, t.substr(i))) return true;
      return false;
    }
    if (p[0] == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0; i <= t.size(); ++i) {
        if (match(p, t.substr(i))) return true;
        if (i < t.size() && t[i] == '/') break;
      }
      return false;
    }
    if (t.empty()) return false;
    if (p[0] == '?') {
      if (t[0] == '/') return false;
    } else if (p[0] == '[') {
      std::string_view rest = p.substr(1);
      bool ok = true;
      bool hit = t[0] != '/' && match_class(rest, t[0], ok);
      if (ok) {
        if (!hit) return false;
        p = rest;
        t.remove_prefix(1);
        continue;
      }
      if (t[0] != '[') return false;  // unclosed: a literal '['
    } else {
      if (p[0] == '\\' && p.size() > 1) p.remove_prefix(1);
      if (p[0] != t[0]) return false;
    }
    p.remove_prefix(1);
    t.remove_prefix(1);
  }
  return t.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) { return match(pattern, text); }

}  // namespace wxlint
