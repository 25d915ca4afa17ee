// Glob matching for ignore entries, as a set of pattern positions advanced one text
// character at a time: time O(pattern x text) and memory O(pattern) whatever the pattern,
// because the text (file paths, JSON Pointers with payload keys) is input data.
//   *  any run without '/'     **  any run, '/' included ("**/" also matches nothing)
//   ?  one character but '/'   [abc] [a-z] [!a]  one of / none of   \x  x itself
#include <wxlint/config.hpp>

#include <vector>

namespace wxlint {
namespace {

struct Token {
  enum class Kind { literal, one, set, star, globstar } kind = Kind::literal;
  char c = 0;
  std::string_view set;       // class body, without the brackets and the negation mark
  bool negate = false;
  bool zero_segments = false;  // "**/": the globstar may also skip the '/' after it
};

bool in_set(const Token& t, char c) {
  bool hit = false;
  for (std::size_t i = 0; i < t.set.size();) {
    char lo = t.set[i], hi = lo;
    if (i + 2 < t.set.size() && t.set[i + 1] == '-') {
      hi = t.set[i + 2];
      i += 3;
    } else {
      i += 1;
    }
    if (lo <= c && c <= hi) hit = true;
  }
  return hit != t.negate;
}

std::vector<Token> tokenize(std::string_view p) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < p.size();) {
    Token t;
    t.kind = Token::Kind::literal;
    if (p.substr(i, 2) == "**") {
      t.kind = Token::Kind::globstar;
      t.zero_segments = i + 2 < p.size() && p[i + 2] == '/';
      i += 2;
    } else if (p[i] == '*') {
      t.kind = Token::Kind::star;
      i += 1;
    } else if (p[i] == '?') {
      t.kind = Token::Kind::one;
      i += 1;
    } else if (p[i] == '[') {
      std::size_t j = i + 1;
      t.negate = j < p.size() && (p[j] == '!' || p[j] == '^');
      if (t.negate) ++j;
      std::size_t close = j < p.size() ? p.find(']', j + 1) : std::string_view::npos;  // "[]a]": ']' first is literal
      if (close == std::string_view::npos) {
        t.c = '[';  // unclosed: a literal '['
        i += 1;
      } else {
        t.kind = Token::Kind::set;
        t.set = p.substr(j, close - j);
        i = close + 1;
      }
    } else {
      if (p[i] == '\\' && i + 1 < p.size()) ++i;
      t.c = p[i];
      i += 1;
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
  const std::vector<Token> tokens = tokenize(pattern);
  const std::size_t n = tokens.size();
  std::vector<char> cur(n + 1), next(n + 1);
  // Stars may match nothing: positions after them are reachable too (forward only, so one pass).
  auto close = [&](std::vector<char>& s) {
    for (std::size_t i = 0; i < n; ++i) {
      if (!s[i]) continue;
      const Token& t = tokens[i];
      if (t.kind == Token::Kind::star || t.kind == Token::Kind::globstar) s[i + 1] = 1;
      if (t.zero_segments && i + 2 <= n) s[i + 2] = 1;
    }
  };
  cur[0] = 1;
  close(cur);
  for (char c : text) {
    std::fill(next.begin(), next.end(), 0);
    bool any = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!cur[i]) continue;
      const Token& t = tokens[i];
      switch (t.kind) {
        case Token::Kind::star:
          if (c != '/') next[i] = any = 1;
          break;
        case Token::Kind::globstar:
          next[i] = any = 1;
          break;
        case Token::Kind::one:
          if (c != '/') next[i + 1] = any = 1;
          break;
        case Token::Kind::set:
          if (c != '/' && in_set(t, c)) next[i + 1] = any = 1;
          break;
        case Token::Kind::literal:
          if (c == t.c) next[i + 1] = any = 1;
          break;
      }
    }
    if (!any) return false;
    close(next);
    cur.swap(next);
  }
  return cur[n] != 0;
}

}  // namespace wxlint
