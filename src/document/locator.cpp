// Document::locate: one forward skim of the (already validated) text, guided
// by a trie of the requested pointers. Containers are entered only when an
// unresolved pointer goes through them; everything else is skipped by
// tracking just string state and bracket depth.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "document/document.hpp"
#include "document/locator_trie.hpp"

namespace wxlint {
namespace {

using detail::LocatorTrie;
constexpr std::uint32_t kNone = LocatorTrie::kNone;
constexpr std::size_t kNoKey = SIZE_MAX;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// "0" or [1-9][0-9]*: the only tokens that address array elements.
bool parse_index(std::string_view tok, std::size_t& out) {
  if (tok.empty() || tok.size() > 19 || (tok.size() > 1 && tok[0] == '0')) return false;
  std::size_t v = 0;
  for (char c : tok) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  out = v;
  return true;
}

unsigned hex4(std::string_view s, std::size_t i) {
  unsigned v = 0;
  for (std::size_t k = i; k < i + 4 && k < s.size(); ++k) {
    char c = s[k];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
  }
  return v;
}

void put_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the body of a JSON string the way RapidJSON does, so keys compare
// equal to the DOM's.
void decode(std::string_view raw, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out.push_back(c);
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'u': {
        unsigned cp = hex4(raw, i + 1);
        i += 4;
        // i is on the last hex digit; a low surrogate would be at i+1..i+6.
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() && raw.substr(i + 1, 2) == "\\u") {
          unsigned lo = hex4(raw, i + 3);
          cp = (((cp - 0xD800) << 10) | (lo - 0xDC00)) + 0x10000;
          i += 6;
        }
        put_utf8(out, cp);
        break;
      }
      default: out.push_back(e); break;  // '"', '\\', '/'
    }
  }
}

class Skimmer {
 public:
  Skimmer(std::string_view text, LocatorTrie& trie) : t_(text), n_(text.size()), trie_(trie) {}

  void run(std::size_t start) {
    p_ = start;
    enter_value(0, kNoKey);
    while (!stack_.empty() && trie_.remaining() > 0) {
      p_ = skip_ws(p_);
      if (p_ >= n_) return;  // cannot happen on validated text
      Frame& f = stack_.back();
      const char c = t_[p_];
      if (c == '}' || c == ']') {
        ++p_;
        close_frame();
        continue;
      }
      if (f.started) {
        if (c != ',') return;
        p_ = skip_ws(p_ + 1);
      }
      f.started = true;
      if (trie_.pending(f.node) == 0 || (!f.object && f.want_pos >= f.wanted.size())) {
        p_ = skip_rest(p_);  // nothing more wanted in here
        continue;
      }
      if (f.object) {
        if (!member(f)) return;
      } else {
        const std::size_t index = f.index++;
        std::uint32_t child = kNone;
        if (f.wanted[f.want_pos].first == index) child = f.wanted[f.want_pos++].second;
        enter_value(child, kNoKey);
      }
    }
  }

 private:
  struct Frame {
    std::uint32_t node;
    bool object;
    bool started = false;
    std::size_t begin;
    std::size_t key_begin;
    std::size_t index = 0;                                   // array: next element
    std::vector<std::pair<std::size_t, std::uint32_t>> wanted;  // array: sorted (index, node)
    std::size_t want_pos = 0;
  };

  std::size_t skip_ws(std::size_t p) const {
    while (p < n_ && is_ws(t_[p])) ++p;
    return p;
  }

  // p on the opening quote; returns just past the closing quote. A quote is
  // escaped iff an odd run of backslashes precedes it.
  std::size_t skip_string(std::size_t p) const {
    ++p;
    while (p < n_) {
      const void* q = std::memchr(t_.data() + p, '"', n_ - p);
      if (!q) return n_;
      std::size_t qi = static_cast<std::size_t>(static_cast<const char*>(q) - t_.data());
      std::size_t b = qi;
      while (b > p && t_[b - 1] == '\\') --b;
      if ((qi - b) % 2 == 0) return qi + 1;
      p = qi + 1;
    }
    return n_;
  }

  // Inside a container at depth 1: returns the offset of its closing bracket.
  std::size_t skip_rest(std::size_t p) const {
    std::size_t depth = 1;
    while (p < n_) {
      const char c = t_[p];
      if (c == '"') {
        p = skip_string(p);
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return p;
      }
      ++p;
    }
    return n_;
  }

  std::size_t skip_value(std::size_t p) const {
    if (p >= n_) return n_;
    const char c = t_[p];
    if (c == '"') return skip_string(p);
    if (c == '{' || c == '[') {
      p = skip_rest(p + 1);
      return p < n_ ? p + 1 : n_;
    }
    while (p < n_ && !is_ws(t_[p]) && t_[p] != ',' && t_[p] != ']' && t_[p] != '}') ++p;
    return p;
  }

  void enter_value(std::uint32_t node, std::size_t key_begin) {
    p_ = skip_ws(p_);
    const std::size_t begin = p_;
    if (node == kNone || trie_.pending(node) == 0) {
      p_ = skip_value(p_);
      return;
    }
    const char c = p_ < n_ ? t_[p_] : '\0';
    if (c == '{' || c == '[') {
      Frame& f = stack_.emplace_back();
      f.node = node;
      f.object = c == '{';
      f.begin = begin;
      f.key_begin = key_begin;
      if (!f.object) wanted_indices(f);
      ++p_;
      return;
    }
    p_ = skip_value(p_);
    trie_.resolve(node, Span{true, begin, p_, key_begin});
    trie_.finish(node);
  }

  void wanted_indices(Frame& f) const {
    for (const auto& [token, child] : trie_.children(f.node)) {
      std::size_t index;
      if (parse_index(token, index)) f.wanted.emplace_back(index, child);
    }
    std::sort(f.wanted.begin(), f.wanted.end());
  }

  bool member(Frame& f) {
    if (t_[p_] != '"') return false;
    const std::size_t key_begin = p_;
    const std::size_t key_end = skip_string(p_);
    if (key_end > n_ || key_end < key_begin + 2) return false;
    std::string_view raw = t_.substr(key_begin + 1, key_end - key_begin - 2);
    if (raw.find('\\') != std::string_view::npos) {
      decode(raw, key_buf_);
      raw = key_buf_;
    }
    const std::uint32_t child = trie_.find_child(f.node, raw);
    p_ = skip_ws(key_end);
    if (p_ >= n_ || t_[p_] != ':') return false;
    ++p_;
    // A repeated key finds its node already finished (pending 0) and is
    // skipped: the first occurrence wins, as in the DOM.
    enter_value(child, key_begin);
    return true;
  }

  void close_frame() {
    const Frame& f = stack_.back();
    trie_.resolve(f.node, Span{true, f.begin, p_, f.key_begin});
    trie_.finish(f.node);
    stack_.pop_back();
  }

  std::string_view t_;
  std::size_t n_;
  LocatorTrie& trie_;
  std::size_t p_ = 0;
  std::vector<Frame> stack_;
  std::string key_buf_;
};

}  // namespace

std::vector<Span> Document::locate(const std::vector<std::string>& pointers) const {
  detail::LocatorTrie trie(pointers);
  if (parsed() && trie.remaining() > 0) {
    const std::string_view t = text_;
    const std::size_t start = t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    Skimmer(t, trie).run(start);
  }
  return trie.results();
}

}  // namespace wxlint
