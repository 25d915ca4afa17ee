// A JSON text parsed once into a RapidJSON DOM, with its parse issues and a
// way back from JSON Pointers to byte offsets and line:column positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace wxlint {

// 1-based; column counts UTF-8 code points, not bytes; 0 = unknown.
struct Position {
  std::uint32_t line = 0, column = 0;
};

struct ParseIssue {
  enum class Kind { syntax, invalid_utf8, too_deep, empty, duplicate_key };
  Kind kind;
  std::size_t offset;   // byte offset of the problem (duplicate_key: the key's opening quote)
  std::string pointer;  // where it happened (syntax: innermost open container or member, best effort)
  std::string message;
  // Not 0: the issues of this kind the parser did not list (too many), and this one sums them up.
  std::size_t unlisted = 0;
};

// A JSON value as compact JSON text (for settings, examples and messages).
std::string to_json_text(const rapidjson::Value& v);

// Where a JSON value is in the text; found=false if the pointer does not resolve.
struct Span {
  bool found = false;
  std::size_t begin = 0, end = 0;    // byte offsets of the value: [begin, end)
  std::size_t key_begin = SIZE_MAX;  // object member: offset of its key's opening quote
};

class Document {
 public:
  static constexpr unsigned kMaxDepth = 512;

  // Parses immediately; never throws for bad input. With reference_strings, escape-free
  // strings of 16 bytes or more point into the text instead of being copied (a big
  // payload's DOM is then about half the size): they are not NUL-terminated, and no
  // value may be copied out of this Document without copying its strings. Without
  // fast_reader, RapidJSON's reader reads every text (tests compare the two).
  explicit Document(std::string text, bool reference_strings = false, bool fast_reader = true);
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();

  bool parsed() const;                   // a DOM is available (duplicate keys are not fatal)
  const rapidjson::Value& root() const;  // only when parsed()
  const std::vector<ParseIssue>& issues() const;  // in text order
  std::string_view text() const;
  // The text, moved out (its buffer, which DOM strings may point into, stays where it is):
  // for a caller done with the DOM that needs the text again.
  std::string take_text() { return std::move(text_); }

  // result[i] for pointers[i]; one forward scan of the text for the whole batch.
  // Malformed pointers and pointers into an unparsed document are not found.
  std::vector<Span> locate(const std::vector<std::string>& pointers) const;
  // Where a value of this DOM is, read off the value itself: for a pointer that names two
  // values (under a duplicated key). Not found when the value cannot tell (a number, a
  // string with escapes, an empty container).
  Span locate_value(const rapidjson::Value& v) const;

  // result[i] for offsets[i]; one sweep over the sorted offsets.
  // Offsets past the end of the text give {0, 0}.
  std::vector<Position> positions(const std::vector<std::size_t>& offsets) const;
  Position position(std::size_t offset) const;

 private:
  std::string text_;
  std::unique_ptr<rapidjson::Document> dom_;
  std::vector<ParseIssue> issues_;
  bool parsed_ = false;
};

namespace detail {
// Whether all of t is well-formed UTF-8 (RFC 3629); Document uses it to let
// RapidJSON skip its own per-character validation. Exposed for tests.
bool valid_utf8(std::string_view t);
}  // namespace detail

}  // namespace wxlint
