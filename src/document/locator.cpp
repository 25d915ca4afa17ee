// Document::locate: values the DOM can place (dom_spans.hpp) are placed from it;
// for the rest, one forward skim of the (already validated) text, guided
// by a trie of the requested pointers. Containers are entered only when an
// unresolved pointer goes through them; everything else is skipped by
// tracking just string state and bracket depth.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "document/document.hpp"
#include "document/dom_spans.hpp"
#include "document/json_pointer.hpp"
#include "document/json_text.hpp"
#include "document/locator_trie.hpp"

namespace wxlint {
namespace {

using detail::is_json_ws;
using detail::LocatorTrie;
using detail::put_utf8;
using detail::prefetch;
constexpr std::uint32_t kNone = LocatorTrie::kNone;
constexpr std::size_t kNoKey = SIZE_MAX;

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

// 64 bytes of text classified at once: bit i of a mask is set iff byte i is
// that character. Brackets of either kind share a mask: bit 1 of the byte
// itself tells opening ('{' 0x7B, '[' 0x5B) from closing ('}' 0x7D, ']' 0x5D).
struct Block {
  std::uint64_t quote = 0, backslash = 0, bracket = 0, comma = 0;
};

#if defined(__SSE2__)
Block classify(const char* p) {
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  const __m128i open = _mm_set1_epi8('{'), close = _mm_set1_epi8('}'), fold = _mm_set1_epi8(0x20);
  const __m128i comma = _mm_set1_epi8(',');
  __m128i v[4], any_backslash = _mm_setzero_si128();
  Block b;
  for (int k = 0; k < 4; ++k) {
    v[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i folded = _mm_or_si128(v[k], fold);  // '[' -> '{', ']' -> '}'; nothing else maps there
    const __m128i bracket = _mm_or_si128(_mm_cmpeq_epi8(folded, open), _mm_cmpeq_epi8(folded, close));
    const auto shift = static_cast<unsigned>(16 * k);
    b.quote |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v[k], quote)))} << shift;
    b.bracket |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(bracket))} << shift;
    b.comma |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v[k], comma)))} << shift;
    any_backslash = _mm_or_si128(any_backslash, _mm_cmpeq_epi8(v[k], backslash));
  }
  if (_mm_movemask_epi8(any_backslash)) {  // rare: payloads seldom escape anything
    for (int k = 0; k < 4; ++k) {
      const auto bits = static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v[k], backslash)));
      b.backslash |= std::uint64_t{bits} << (16 * k);
    }
  }
  return b;
}
#else
Block classify(const char* p) {
  Block b;
  for (int i = 0; i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    const char c = p[i];
    if (c == '"') b.quote |= bit;
    else if (c == '\\') b.backslash |= bit;
    else if (c == '{' || c == '[' || c == '}' || c == ']') b.bracket |= bit;
    else if (c == ',') b.comma |= bit;
  }
  return b;
}
#endif

// Skims go through hundreds of megabytes with little work per byte; asking
// for the text well ahead keeps them from waiting on memory at every line.
constexpr std::size_t kPrefetchAhead = 2048;

// The bytes of a block that an odd run of backslashes precedes. `carry` says
// the previous block ended in such a run, and is set for the next one.
std::uint64_t escaped(std::uint64_t backslash, bool& carry) {
  std::uint64_t out = 0;
  if (carry) {
    out = 1;
    backslash &= ~std::uint64_t{1};  // an escaped backslash escapes nothing
  }
  carry = false;
  while (backslash) {
    const int i = std::countr_zero(backslash);
    if (i == 63) {
      carry = true;
      break;
    }
    out |= std::uint64_t{2} << i;
    backslash &= ~(std::uint64_t{3} << i);
  }
  return out;
}

// Bit i = XOR of bits 0..i: with quote bits in, the bytes inside strings
// (opening quote included, closing quote not).
std::uint64_t prefix_xor(std::uint64_t x) {
  for (int s = 1; s < 64; s *= 2) x ^= x << s;
  return x;
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
      if (trie_.pending(f.node) == 0 || (!f.object && f.want_pos >= f.want_end)) {
        p_ = skip_rest(p_);  // nothing more wanted in here
        continue;
      }
      if (f.object) {
        if (!member(f)) return;
      } else if (const std::size_t gap = wanted_[f.want_pos].first - f.index) {
        p_ = scan(p_, gap);  // the elements before the next wanted one, in one go
        f.index += gap;
      } else {
        ++f.index;
        enter_value(wanted_[f.want_pos++].second, kNoKey);
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
    std::size_t index = 0;  // array: next element
    // Array: wanted_[want_begin, want_end) are its wanted elements, sorted;
    // want_pos is the next one. Frames nest, so their ranges stack up.
    std::size_t want_begin = 0, want_pos = 0, want_end = 0;
  };

  std::size_t skip_ws(std::size_t p) const {
    while (p < n_ && is_json_ws(t_[p])) ++p;
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
  std::size_t skip_rest(std::size_t p) const { return scan(p, 0); }

  // Inside a container at depth 1: returns the offset of the `commas`-th
  // comma at that depth (0: none is wanted), or of the closing bracket if
  // that comes first. Goes 64 bytes at a time; the last, short block is
  // copied into padding.
  std::size_t scan(std::size_t p, std::size_t commas) const {
    std::ptrdiff_t depth = 1;
    bool in_string = false, carry = false;
    char tail[64];
    for (; p < n_; p += 64) {
      const char* at = t_.data() + p;
      if (n_ - p < 64) {
        std::memset(tail, ' ', sizeof tail);
        std::memcpy(tail, at, n_ - p);
        at = tail;
      }
      if (n_ - p > kPrefetchAhead) prefetch(at + kPrefetchAhead);
      const Block b = classify(at);
      const std::uint64_t quotes = b.quote & ~escaped(b.backslash, carry);
      const std::uint64_t inside = prefix_xor(quotes) ^ (in_string ? ~std::uint64_t{0} : 0);
      in_string = inside >> 63;
      for (std::uint64_t m = (b.bracket | (commas ? b.comma : 0)) & ~inside; m; m &= m - 1) {
        const int i = std::countr_zero(m);
        if (at[i] == ',') {
          if (depth == 1 && --commas == 0) return p + static_cast<std::size_t>(i);
          continue;
        }
        depth += 2 * ((at[i] >> 1) & 1) - 1;  // +1 opens, -1 closes; no branch to mispredict
        if (depth == 0) return p + static_cast<std::size_t>(i);
      }
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
    while (p < n_ && !is_json_ws(t_[p]) && t_[p] != ',' && t_[p] != ']' && t_[p] != '}') ++p;
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
      f.want_begin = f.want_pos = wanted_.size();
      if (!f.object) wanted_indices(f.node);
      f.want_end = wanted_.size();
      ++p_;
      return;
    }
    p_ = skip_value(p_);
    trie_.resolve(node, Span{true, begin, p_, key_begin});
    trie_.finish(node);
  }

  // Appends the node's children that can be array elements, sorted by index.
  void wanted_indices(std::uint32_t node) {
    const std::size_t begin = wanted_.size();
    for (std::uint32_t kid = trie_.first_child(node); kid != kNone; kid = trie_.next_sibling(kid)) {
      std::size_t index;
      if (pointer::parse_index(trie_.token(kid), index)) wanted_.emplace_back(index, kid);
    }
    std::sort(wanted_.begin() + static_cast<std::ptrdiff_t>(begin), wanted_.end());
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
    wanted_.resize(f.want_begin);
    stack_.pop_back();
  }

  std::string_view t_;
  std::size_t n_;
  LocatorTrie& trie_;
  std::size_t p_ = 0;
  std::vector<Frame> stack_;
  std::vector<std::pair<std::size_t, std::uint32_t>> wanted_;
  std::string key_buf_;
};

}  // namespace

Span Document::locate_value(const rapidjson::Value& v) const {
  Span out;
  if (parsed()) detail::DomSpans(text_, *dom_).span_of(v, out);
  return out;
}

std::vector<Span> Document::locate(const std::vector<std::string>& pointers) const {
  std::vector<Span> spans(pointers.size());
  if (!parsed()) return spans;
  // Most values are placed from the DOM's strings (dom_spans.hpp); one skim of the
  // text finds the rest.
  std::vector<std::string> rest;
  std::vector<std::size_t> rest_at;
  detail::DomSpans dom(text_, *dom_);
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    if (dom.span(pointers[i], spans[i])) continue;
    rest.push_back(pointers[i]);
    rest_at.push_back(i);
  }
  if (rest.empty()) return spans;
  detail::LocatorTrie trie(rest);
  if (trie.remaining() > 0) {
    const std::string_view t = text_;
    const std::size_t start = t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    Skimmer(t, trie).run(start);
  }
  std::vector<Span> found = trie.results();
  for (std::size_t k = 0; k < rest_at.size(); ++k) spans[rest_at[k]] = found[k];
  return spans;
}

}  // namespace wxlint
