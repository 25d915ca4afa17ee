// Internal: the SAX handler that sits between rapidjson::Reader and the DOM.
// It builds the rapidjson::Document (through DomBuilder) and, on the way, keeps a
// frame stack so it can name where a problem is, catches duplicate keys and
// stops the parse when nesting goes too deep. Numbers arrive as text
// (kParseNumbersAsStringsFlag) and are converted here: RapidJSON 1.1.0's own
// conversion has undefined behaviour on hostile numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>

#include "document/dom_builder.hpp"

namespace wxlint::detail {

struct DuplicateKey {
  std::size_t offset;        // opening quote of the duplicate
  std::size_t first_offset;  // opening quote of the first occurrence
  std::string pointer;       // pointer of the duplicate member
  std::string key_display;   // escaped, possibly shortened key for messages
};

class SaxHandler {
 public:
  using SizeType = rapidjson::SizeType;

  // issue_budget: bytes the duplicate records may take before further
  // duplicates are only counted (hostile input must not blow up memory).
  SaxHandler(rapidjson::Document& dom, const rapidjson::MemoryStream& stream,
             std::string_view text, unsigned max_depth, std::size_t issue_budget, bool reference_strings);
  ~SaxHandler();
  SaxHandler(const SaxHandler&) = delete;
  SaxHandler& operator=(const SaxHandler&) = delete;

  // rapidjson Handler concept.
  bool Null() { return scalar(rapidjson::Value()); }
  bool Bool(bool b) { return scalar(rapidjson::Value(b)); }
  bool Int(int i) { return scalar(rapidjson::Value(i)); }
  bool Uint(unsigned u) { return scalar(rapidjson::Value(u)); }
  bool Int64(std::int64_t i) { return scalar(rapidjson::Value(i)); }
  bool Uint64(std::uint64_t u) { return scalar(rapidjson::Value(u)); }
  bool Double(double d) { return scalar(rapidjson::Value(d)); }
  bool RawNumber(const char* s, SizeType n, bool copy);
  bool String(const char* s, SizeType n, bool copy);
  bool StartObject() { return start(true); }
  bool StartArray() { return start(false); }
  bool Key(const char* s, SizeType n, bool copy);
  // For the fast reader: a string or key that needs no decoding, text[begin, begin + n)
  // (so its opening quote is at begin - 1); the stream is past the closing quote.
  bool TextString(std::size_t begin, SizeType n);
  bool TextKey(std::size_t begin, SizeType n);
  bool EndObject(SizeType members) {
    builder_.end_object(members);
    return end();
  }
  bool EndArray(SizeType elements) {
    builder_.end_array(elements);
    return end();
  }

  // After a parse that read the whole text: moves the value into the Document.
  void finish() { builder_.finish(dom_); }

  bool too_deep() const { return too_deep_; }
  std::size_t too_deep_offset() const { return too_deep_offset_; }
  const std::string& too_deep_pointer() const { return too_deep_pointer_; }

  // A number past DBL_MAX stopped the parse; the offset is its first byte.
  bool number_too_big() const { return number_too_big_; }
  std::size_t number_too_big_offset() const { return number_too_big_offset_; }
  // A \uDC00-\uDFFF escape with no high surrogate before it stopped the parse (RapidJSON
  // takes it, and writes bytes that are not UTF-8); the offset is its backslash.
  bool lone_surrogate() const { return lone_surrogate_; }
  std::size_t lone_surrogate_offset() const { return lone_surrogate_offset_; }

  // Pointer for a parse error: the value being parsed when in_value is true
  // (element of the innermost array, or the member whose key was read),
  // otherwise the innermost open container or pending member.
  std::string error_pointer(bool in_value) const;
  // Where the innermost object or array still open when the parse stopped begins (its
  // bracket's offset), and whether it is an object; nullopt when none is open.
  struct Open {
    std::size_t offset;
    bool object;
  };
  std::optional<Open> innermost_open() const {
    if (frames_.empty()) return std::nullopt;
    return Open{frames_.back().open_offset, frames_.back().object};
  }

  std::vector<DuplicateKey>& duplicates() { return duplicates_; }
  std::size_t suppressed_duplicates() const { return suppressed_; }
  std::size_t first_suppressed_offset() const { return first_suppressed_offset_; }

 private:
  // 32 bits suffice: Document refuses texts of 4 GiB or more.
  struct KeyRec {
    std::uint32_t arena_off;  // kInText: the key is text_[quote + 1, quote + 1 + len)
    std::uint32_t len;
    std::uint32_t quote;
  };
  static constexpr std::uint32_t kInText = 0xFFFFFFFFu;
  struct Extra;  // rarely needed per-frame state, allocated on demand
  struct Frame {
    bool object;
    std::size_t open_offset = 0;   // its opening bracket
    std::size_t count = 0;         // finished elements / members
    std::size_t key_first = 0;     // object: index of its first key in keys_
    std::size_t arena_first = 0;   // object: arena_'s size when it opened
    std::size_t distinct = 0;      // object: distinct keys, stored from key_first
    std::size_t keys_read = 0;     // object: keys read, duplicates included
    std::size_t current_key = 0;   // object: keys_ index of the latest key's text
    std::size_t path_len = 0;      // upper bound of the pointer's length
    std::unique_ptr<Extra> extra;  // key hash set, cached pointer
  };

  // Whether DOM strings may point into the text: only once the text is longer than any
  // in-object string buffer, so that it stays put when the Document is moved.
  bool referable() const { return reference_strings_ && text_.size() > sizeof(std::string); }
  bool key(std::size_t quote, const char* s, SizeType n, bool copy, bool in_text);
  bool scalar(rapidjson::Value&& v);
  bool scalar_done();
  void string(const char* s, SizeType n, bool copy);
  bool start(bool object);
  bool end();
  void value_done();
  std::string_view key_at(std::size_t index) const;
  std::size_t find_first(Frame& f, std::string_view key, std::size_t index);
  Extra& extra(Frame& f);
  const std::string& frame_path(std::size_t depth);
  void child_token(std::size_t depth, std::string& out) const;
  void record_duplicate(std::size_t quote, std::size_t first, std::string_view key);

  rapidjson::Document& dom_;
  DomBuilder builder_;
  const rapidjson::MemoryStream& stream_;
  std::string_view text_;
  unsigned max_depth_;
  std::size_t budget_;
  std::size_t last_end_;  // offset just past the last token an event reported
  bool reference_strings_;

  std::vector<Frame> frames_;
  std::vector<KeyRec> keys_;  // distinct keys of all open objects, innermost last
  std::string arena_;         // the decoded bytes of those not in the text

  bool too_deep_ = false;
  std::size_t too_deep_offset_ = 0;
  std::string too_deep_pointer_;

  bool number_too_big_ = false;
  std::size_t number_too_big_offset_ = 0;
  bool lone_surrogate_ = false;
  std::size_t lone_surrogate_offset_ = 0;
  // Whether RapidJSON's decoded string s holds a lone low surrogate; if so notes where its
  // escape is in the text between the quote at `quote` and the stream.
  bool found_lone_surrogate(std::size_t quote, const char* s, SizeType n);

  std::vector<DuplicateKey> duplicates_;
  std::size_t suppressed_ = 0;
  std::size_t first_suppressed_offset_ = 0;
};

}  // namespace wxlint::detail
