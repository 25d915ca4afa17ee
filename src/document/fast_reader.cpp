#include "document/fast_reader.hpp"

#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "document/json_text.hpp"
#include "document/sax_handler.hpp"
#include "formats/formats.hpp"

namespace wxlint::detail {
namespace {

// The handler stops the parse far sooner (Document::kMaxDepth); this only bounds the
// recursion should it not.
constexpr unsigned kMaxNesting = 4096;
// Past this many integer digits RapidJSON may refuse the number as too big: let it.
constexpr std::size_t kMaxIntegerDigits = 300;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The first '"', '\\', byte below 0x20 or byte above 0x7F from p on, or end.
const char* scan_string(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), limit = _mm_set1_epi8(0x1F);
  for (; end - p >= 16; p += 16) {
    const __m128i s = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // s <= 0x1F (unsigned) <=> max(s, 0x1F) == 0x1F; the high bit is its own mask
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(s, quote), _mm_cmpeq_epi8(s, backslash)),
                                     _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(s, limit), limit), s));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  for (; p != end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20 || c > 0x7F) return p;
  }
  return end;
}

class Reader {
 public:
  Reader(std::string_view text, std::size_t start, rapidjson::MemoryStream& stream, SaxHandler& handler)
      : text_(text.data()), p_(text.data() + start), end_(text.data() + text.size()), stream_(stream), h_(handler) {}

  bool run() {
    skip_ws();
    if (!value()) return false;
    skip_ws();
    return p_ == end_;
  }

 private:
  // The handler reads positions from the stream: put it where RapidJSON's would be.
  void at(const char* p) { stream_.src_ = p; }

  void skip_ws() {
    while (p_ != end_ && is_json_ws(*p_)) ++p_;
  }

  bool value() {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return object();
      case '[': return array();
      case '"': return string(false);
      case 't': return literal("true", 4) && h_.Bool(true);
      case 'f': return literal("false", 5) && h_.Bool(false);
      case 'n': return literal("null", 4) && h_.Null();
      default: return number();
    }
  }

  bool literal(const char* word, std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, word, n) != 0) return false;
    p_ += n;
    at(p_);
    return true;
  }

  // Brackets: the handler is called with the stream on the bracket.
  bool object() {
    if (++depth_ > kMaxNesting) return false;
    at(p_);
    if (!h_.StartObject()) return false;
    ++p_;
    skip_ws();
    rapidjson::SizeType members = 0;
    if (p_ != end_ && *p_ == '}') return close_object(members);
    for (;;) {
      if (p_ == end_ || *p_ != '"' || !string(true)) return false;
      skip_ws();
      if (p_ == end_ || *p_ != ':') return false;
      ++p_;
      skip_ws();
      if (!value()) return false;
      ++members;
      skip_ws();
      if (p_ == end_) return false;
      if (*p_ == '}') return close_object(members);
      if (*p_ != ',') return false;
      ++p_;
      skip_ws();
    }
  }

  bool close_object(rapidjson::SizeType members) {
    at(p_);
    if (!h_.EndObject(members)) return false;
    ++p_;
    --depth_;
    return true;
  }

  bool array() {
    if (++depth_ > kMaxNesting) return false;
    at(p_);
    if (!h_.StartArray()) return false;
    ++p_;
    skip_ws();
    rapidjson::SizeType elements = 0;
    if (p_ != end_ && *p_ == ']') return close_array(elements);
    for (;;) {
      if (!value()) return false;
      ++elements;
      skip_ws();
      if (p_ == end_) return false;
      if (*p_ == ']') return close_array(elements);
      if (*p_ != ',') return false;
      ++p_;
      skip_ws();
    }
  }

  bool close_array(rapidjson::SizeType elements) {
    at(p_);
    if (!h_.EndArray(elements)) return false;
    ++p_;
    --depth_;
    return true;
  }

  // The handler is called with the stream past the closing quote. Lengths fit SizeType:
  // texts are under 4 GiB.
  bool string(bool key) {
    const char* const first = p_ + 1;
    const char* const stop = scan_text(first);
    if (!stop) return false;
    if (stop != end_ && *stop == '"') {
      p_ = stop + 1;
      at(p_);
      const std::size_t begin = static_cast<std::size_t>(first - text_);
      const auto n = static_cast<rapidjson::SizeType>(stop - first);
      return key ? h_.TextKey(begin, n) : h_.TextString(begin, n);
    }
    if (!unescape(first, stop)) return false;
    ++p_;  // unescape() left it on the closing quote
    at(p_);
    const auto n = static_cast<rapidjson::SizeType>(scratch_.size());
    return key ? h_.Key(scratch_.data(), n, true) : h_.String(scratch_.data(), n, true);
  }

  // The first '"', '\\', byte below 0x20 or end from p on, past well-formed UTF-8;
  // nullptr at ill-formed UTF-8. Bytes above 0x7F are only valid in strings, so a text
  // read to the end has been checked whole.
  const char* scan_text(const char* p) const {
    p = scan_string(p, end_);
    if (p != end_ && static_cast<unsigned char>(*p) > 0x7F) [[unlikely]]
      return scan_past_utf8(p);
    return p;
  }

  // Kept out of line: payloads are nearly all ASCII, and the common path stays small.
  [[gnu::noinline]] const char* scan_past_utf8(const char* p) const {
    for (; p != end_ && static_cast<unsigned char>(*p) > 0x7F; p = scan_string(p, end_)) {
      const std::size_t n = formats::detail::utf8_sequence_length({p, static_cast<std::size_t>(end_ - p)}, 0);
      if (n == 0) return nullptr;
      p += n;
    }
    return p;
  }

  // Decodes a string with escapes into scratch_ as RapidJSON does, from first (past the
  // opening quote; the text up to stop needs no decoding). Leaves p_ on the closing quote.
  bool unescape(const char* first, const char* stop) {
    scratch_.assign(first, stop);
    const char* p = stop;
    for (;;) {
      if (p == end_) return false;
      const char c = *p;
      if (c == '"') break;
      if (c != '\\') return false;  // a control byte
      if (end_ - p < 2) return false;
      const char e = p[1];
      p += 2;
      switch (e) {
        case '"': case '\\': case '/': scratch_.push_back(e); break;
        case 'b': scratch_.push_back('\b'); break;
        case 'f': scratch_.push_back('\f'); break;
        case 'n': scratch_.push_back('\n'); break;
        case 'r': scratch_.push_back('\r'); break;
        case 't': scratch_.push_back('\t'); break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(p, cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate needs its low one next
            unsigned low = 0;
            if (end_ - p < 2 || p[0] != '\\' || p[1] != 'u') return false;
            p += 2;
            if (!hex4(p, low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;  // a low surrogate alone: no character, and not UTF-8 when written out
          }
          put_utf8(scratch_, cp);
          break;
        }
        default: return false;
      }
      const char* next = scan_text(p);
      if (!next) return false;
      scratch_.append(p, next);
      p = next;
    }
    p_ = p;
    return true;
  }

  bool hex4(const char*& p, unsigned& out) {
    if (end_ - p < 4) return false;
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_value(p[i]);
      if (d < 0) return false;
      v = v << 4 | static_cast<unsigned>(d);
    }
    p += 4;
    out = v;
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?, handed over as text; the handler is called with the
  // stream just past it. Exponents (the 'e' then fails the parse here) and very long
  // integers go to RapidJSON, whose scan refuses some of them as too big.
  bool number() {
    const char* const first = p_;
    const char* p = p_;
    if (p != end_ && *p == '-') ++p;
    if (p == end_ || !is_digit(*p)) return false;
    const char* const digits = p;
    if (*p == '0') {
      ++p;
    } else {
      while (p != end_ && is_digit(*p)) ++p;
    }
    if (static_cast<std::size_t>(p - digits) > kMaxIntegerDigits) return false;
    if (p != end_ && *p == '.') {
      ++p;
      if (p == end_ || !is_digit(*p)) return false;
      while (p != end_ && is_digit(*p)) ++p;
    }
    p_ = p;
    at(p_);
    return h_.RawNumber(first, static_cast<rapidjson::SizeType>(p - first), true);
  }

  const char* const text_;
  const char* p_;
  const char* const end_;
  rapidjson::MemoryStream& stream_;
  SaxHandler& h_;
  unsigned depth_ = 0;
  std::string scratch_;
};

}  // namespace

bool fast_read(std::string_view text, std::size_t start, rapidjson::MemoryStream& stream, SaxHandler& handler) {
  return Reader(text, start, stream, handler).run();
}

}  // namespace wxlint::detail
