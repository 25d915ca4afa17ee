#include "document/sax_handler.hpp"

#include <cctype>
#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>
#include <system_error>

#include "document/json_pointer.hpp"
#include "document/key_table.hpp"

namespace wxlint::detail {
namespace {

constexpr std::size_t kNpos = static_cast<std::size_t>(-1);
// Past this many keys an object switches from linear search to a hash set,
// so duplicate detection stays linear for huge objects.
constexpr std::size_t kLinearKeys = 16;
// Rough fixed cost of one duplicate record, for the memory budget.
constexpr std::size_t kRecordOverhead = 192;
constexpr std::size_t kDisplayBytes = 64;

// The key as it would be written in JSON, shortened so messages stay small.
std::string display_key(std::string_view key) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    auto c = static_cast<unsigned char>(key[i]);
    if (out.size() >= kDisplayBytes && (c & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0xF]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// The value of an unsigned JSON number that is all digits; false for one with a
// fraction or an exponent, or past 64 bits.
bool integer_magnitude(const char* p, const char* end, std::uint64_t& out) {
  std::uint64_t v = 0;
  for (; p != end; ++p) {
    if (*p < '0' || *p > '9') return false;
    const auto d = static_cast<unsigned>(*p - '0');
    if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return false;
    v = v * 10 + d;
  }
  out = v;
  return true;
}

// Power of ten of the leading nonzero digit of a nonzero number, the exponent
// saturated far past double's range: only its sign is needed, to tell an
// overflow from an underflow.
std::int64_t leading_power(const char* p, const char* end) {
  constexpr std::int64_t kSaturated = 1'000'000'000'000;
  const char* e = std::find_if(p, end, [](char c) { return c == 'e' || c == 'E'; });
  const char* dot = std::find(p, e, '.');
  const char* lead = std::find_if(p, e, [](char c) { return c >= '1' && c <= '9'; });
  std::int64_t power = lead < dot ? dot - lead - 1 : dot - lead;
  if (e == end) return power;
  const char* q = e + 1;
  const bool negative = *q == '-';
  if (*q == '-' || *q == '+') ++q;
  std::int64_t exp = 0;
  for (; q != end; ++q)
    if (exp < kSaturated) exp = exp * 10 + (*q - '0');
  return negative ? power - exp : power + exp;
}

// The correctly rounded double of an unsigned JSON number (from_chars: exact and
// locale-independent); false past DBL_MAX. Values too small for a subnormal are 0,
// as RapidJSON had them.
bool decimal_to_double(const char* p, const char* end, double& out) {
  double d = 0.0;
  if (std::from_chars(p, end, d).ec == std::errc::result_out_of_range) {
    if (leading_power(p, end) >= 0) return false;
    d = 0.0;
  }
  out = d;
  return true;
}

// -magnitude, for magnitudes up to 2^63.
std::int64_t negated(std::uint64_t magnitude) {
  return magnitude == 0 ? 0 : -static_cast<std::int64_t>(magnitude - 1) - 1;
}

}  // namespace

struct SaxHandler::Extra {
  KeyTable keys;     // first occurrences, once an object is large
  bool hashed = false;
  std::string path;  // cached pointer of the container
  bool has_path = false;
};

SaxHandler::SaxHandler(rapidjson::Document& dom, const rapidjson::MemoryStream& stream,
                       std::string_view text, unsigned max_depth, std::size_t issue_budget,
                       bool reference_strings)
    : dom_(dom),
      builder_(dom.GetAllocator()),
      stream_(stream),
      text_(text),
      max_depth_(max_depth),
      budget_(issue_budget),
      last_end_(stream.Tell()),
      reference_strings_(reference_strings) {
  frames_.reserve(64);
}

SaxHandler::~SaxHandler() = default;

std::string_view SaxHandler::key_at(std::size_t index) const {
  const KeyRec& k = keys_[index];
  if (k.arena_off == kInText) return text_.substr(k.quote + std::size_t{1}, k.len);
  return std::string_view(arena_).substr(k.arena_off, k.len);
}

void SaxHandler::value_done() {
  if (!frames_.empty()) ++frames_.back().count;
}

bool SaxHandler::scalar(rapidjson::Value&& v) {
  builder_.push(std::move(v));
  return scalar_done();
}

bool SaxHandler::scalar_done() {
  value_done();
  last_end_ = stream_.Tell();
  return true;
}

void SaxHandler::string(const char* s, SizeType n, bool copy) {
  rapidjson::Value& v = builder_.push();
  if (!copy) {
    v.SetString(rapidjson::StringRef(s, n));
  } else if (n + 2 < sizeof(rapidjson::Value)) {
    v.SetString(s, n, dom_.GetAllocator());  // held in the value itself
  } else {
    // RapidJSON's copy takes its bytes from the pool unchecked: out of memory, it would write
    // through null. So it copies into a block of the pool taken and checked here, as a pool of
    // its own (its copy, not ours: a copied string stays one when the DOM is deep-copied).
    constexpr std::size_t kHeader = 2 * sizeof(std::size_t) + sizeof(void*);  // RapidJSON 1.1's chunk header
    const std::size_t size = kHeader + RAPIDJSON_ALIGN(std::size_t{n} + 1);
    auto* block = static_cast<char*>(dom_.GetAllocator().Malloc(size));
    if (!block) throw std::bad_alloc();
    rapidjson::MemoryPoolAllocator<> in_block(block, size);
    v.SetString(s, n, in_block);
    // Had it not fitted, the copy would be in a chunk freed with in_block.
    if (v.GetString() < block || v.GetString() + n >= block + size)
      throw std::logic_error("a DOM string outside its block");
  }
}

bool SaxHandler::start(bool object) {
  // Called with the stream on the opening bracket (before it is taken).
  if (frames_.size() >= max_depth_) {
    too_deep_ = true;
    too_deep_offset_ = stream_.Tell();
    too_deep_pointer_ = error_pointer(true);
    return false;
  }
  std::size_t path_len = 0;
  if (!frames_.empty()) {
    const Frame& parent = frames_.back();
    path_len = parent.path_len + 21;
    if (parent.object && parent.keys_read > 0) path_len = parent.path_len + 1 + 2 * keys_[parent.current_key].len;
  }
  Frame& f = frames_.emplace_back();
  f.object = object;
  f.open_offset = stream_.Tell();
  f.key_first = keys_.size();
  f.arena_first = arena_.size();
  f.path_len = path_len;
  last_end_ = stream_.Tell() + 1;
  return true;
}

bool SaxHandler::end() {
  // Called with the stream on the closing bracket.
  Frame& f = frames_.back();
  if (f.object && f.distinct > 0) {
    arena_.resize(f.arena_first);
    keys_.resize(f.key_first);
  }
  frames_.pop_back();
  value_done();
  last_end_ = stream_.Tell() + 1;
  return true;
}

bool SaxHandler::Key(const char* s, SizeType n, bool copy) {
  // The stream is past the closing quote; the opening quote is the first
  // '"' after the previous token, with only whitespace and ',' between.
  std::size_t quote = last_end_;
  const std::size_t stop = stream_.Tell();
  while (quote < stop && text_[quote] != '"') ++quote;
  if (found_lone_surrogate(quote, s, n)) return false;
  return key(quote, s, n, copy, false);
}

bool SaxHandler::found_lone_surrogate(std::size_t quote, const char* s, SizeType n) {
  // Decoded, a low surrogate is ED B0-BF; the text itself is valid UTF-8, so it came from an escape.
  bool any = false;
  for (SizeType i = 0; i + 1 < n && !any; ++i)
    any = static_cast<unsigned char>(s[i]) == 0xED && (static_cast<unsigned char>(s[i + 1]) & 0xF0) == 0xB0;
  if (!any) return false;
  const auto hex = [&](std::size_t at) {
    unsigned v = 0;
    for (std::size_t k = at; k < at + 4 && k < text_.size(); ++k)
      v = v << 4 | static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(text_[k])) ? text_[k] - '0' : (text_[k] | 0x20) - 'a' + 10);
    return v;
  };
  bool after_high = false;
  for (std::size_t p = quote + 1; p + 1 < stream_.Tell(); ++p) {
    if (text_[p] != '\\') {
      after_high = false;
      continue;
    }
    const bool u = text_[p + 1] == 'u';
    const unsigned cp = u ? hex(p + 2) : 0;
    if (u && cp >= 0xDC00 && cp <= 0xDFFF && !after_high) {
      lone_surrogate_ = true;
      lone_surrogate_offset_ = p;
      return true;
    }
    after_high = u && cp >= 0xD800 && cp <= 0xDBFF;
    p += u ? 5 : 1;
  }
  return false;
}

bool SaxHandler::TextKey(std::size_t begin, SizeType n) {
  return key(begin - 1, text_.data() + begin, n, !referable(), true);
}

bool SaxHandler::key(std::size_t quote, const char* s, SizeType n, bool copy, bool in_text) {
  Frame& f = frames_.back();
  const std::size_t index = keys_.size();
  const auto where = in_text ? kInText : static_cast<std::uint32_t>(arena_.size());
  keys_.push_back(KeyRec{where, n, static_cast<std::uint32_t>(quote)});
  if (!in_text) arena_.append(s, n);
  ++f.keys_read;
  const std::size_t first = find_first(f, key_at(index), index);
  if (first == kNpos) {
    ++f.distinct;
    f.current_key = index;
  } else {
    // Only distinct keys are kept: a duplicate's text is its first's.
    record_duplicate(quote, keys_[first].quote, key_at(index));
    keys_.pop_back();
    if (!in_text) arena_.resize(arena_.size() - n);
    f.current_key = first;
  }
  last_end_ = stream_.Tell();
  string(s, n, copy);
  return true;
}

bool SaxHandler::String(const char* s, SizeType n, bool copy) {
  // The stream is past the closing quote. The n bytes before it are the value iff they
  // hold no backslash and a quote precedes them: that quote is then the opening one
  // (an escaped \" before them would make the decoded value longer than n), and an
  // escape cut in two would end in a backslash or start the n bytes with something
  // other than the byte after a quote.
  const std::size_t end = stream_.Tell() - 1;
  if (referable() && end > n && text_[end] == '"' && text_[end - n - 1] == '"' &&
      std::memchr(text_.data() + end - n, '\\', n) == nullptr)
    return TextString(end - n, n);
  std::size_t quote = last_end_;
  while (quote < end && text_[quote] != '"') ++quote;
  if (found_lone_surrogate(quote, s, n)) return false;
  string(s, n, copy);
  return scalar_done();
}

bool SaxHandler::TextString(std::size_t begin, SizeType n) {
  // Referenced rather than copied: on id-heavy payloads that is most of the DOM's bytes.
  string(text_.data() + begin, n, !referable());
  return scalar_done();
}

bool SaxHandler::RawNumber(const char* s, SizeType n, bool) {
  // RapidJSON has checked the syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  // The handler call is the one its ParseNumber would make: the narrowest of
  // Uint/Int, Uint64/Int64 for an integer ("-0" is Int(0)), else Double.
  const char* const end = s + n;
  const bool minus = n > 0 && s[0] == '-';
  const char* const digits = s + (minus ? 1 : 0);
  std::uint64_t mag = 0;
  if (integer_magnitude(digits, end, mag)) {
    if (!minus) {
      if (mag <= std::numeric_limits<unsigned>::max()) return Uint(static_cast<unsigned>(mag));
      return Uint64(mag);
    }
    if (mag <= std::uint64_t{1} << 31) return Int(static_cast<int>(negated(mag)));
    if (mag <= std::uint64_t{1} << 63) return Int64(negated(mag));
  }
  double d = 0.0;
  if (!decimal_to_double(digits, end, d)) {
    // Stops the parse; Document reports it as RapidJSON reports 1e400.
    number_too_big_ = true;
    number_too_big_offset_ = stream_.Tell() - n;  // the stream is just past the number
    return false;
  }
  return Double(minus ? -d : d);
}

SaxHandler::Extra& SaxHandler::extra(Frame& f) {
  if (!f.extra) f.extra = std::make_unique<Extra>();
  return *f.extra;
}

std::size_t SaxHandler::find_first(Frame& f, std::string_view key, std::size_t index) {
  if (f.distinct < kLinearKeys) {
    for (std::size_t i = f.key_first; i < index; ++i) {
      if (keys_[i].len == key.size() && key_at(i) == key) return i;
    }
    return kNpos;
  }
  Extra& x = extra(f);
  auto text_of = [this](std::size_t i) { return key_at(i); };
  if (!x.hashed) {
    x.hashed = true;
    for (std::size_t i = f.key_first; i < index; ++i) x.keys.find_or_insert(key_at(i), static_cast<std::uint32_t>(i), text_of);
  }
  return x.keys.find_or_insert(key, static_cast<std::uint32_t>(index), text_of);
}

void SaxHandler::child_token(std::size_t depth, std::string& out) const {
  const Frame& f = frames_[depth];
  if (f.object) {
    if (f.keys_read > 0) pointer::append_key(out, key_at(f.current_key));
  } else {
    pointer::append_index(out, f.count);
  }
}

const std::string& SaxHandler::frame_path(std::size_t depth) {
  Extra& x = extra(frames_[depth]);
  if (!x.has_path) {
    for (std::size_t d = 0; d < depth; ++d) child_token(d, x.path);
    x.has_path = true;
  }
  return x.path;
}

void SaxHandler::record_duplicate(std::size_t quote, std::size_t first, std::string_view key) {
  const Frame& f = frames_.back();
  std::size_t cost = kRecordOverhead + f.path_len + 1 + 2 * key.size();
  if (suppressed_ > 0 || cost > budget_) {
    if (suppressed_++ == 0) first_suppressed_offset_ = quote;
    return;
  }
  budget_ -= cost;
  DuplicateKey d{quote, first, frame_path(frames_.size() - 1), display_key(key)};
  pointer::append_key(d.pointer, key);
  duplicates_.push_back(std::move(d));
}

std::string SaxHandler::error_pointer(bool in_value) const {
  std::string p;
  if (frames_.empty()) return p;
  const std::size_t top = frames_.size() - 1;
  for (std::size_t d = 0; d < top; ++d) child_token(d, p);
  const Frame& f = frames_[top];
  if (f.object ? f.keys_read > f.count : in_value) child_token(top, p);
  return p;
}

}  // namespace wxlint::detail
