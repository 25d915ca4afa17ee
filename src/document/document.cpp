// Document: parse once into a DOM (the fast reader, or rapidjson::Reader when it gives
// up), and turn reader errors, depth overruns and duplicate keys into ParseIssues.
#include "document/document.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "document/fast_reader.hpp"
#include "document/json_text.hpp"
#include "document/sax_handler.hpp"
#include "formats/formats.hpp"

namespace wxlint {
namespace {

// Numbers as text: the handler converts them, as RapidJSON 1.1.0's conversion has
// undefined behaviour on hostile numbers (0E112).
constexpr unsigned kParseFlags =
    rapidjson::kParseNumbersAsStringsFlag | rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
// For text already known to be valid UTF-8: RapidJSON's per-character validation
// (a transcode of every string byte) is then redundant.
constexpr unsigned kParseFlagsValidated = kParseFlags & ~unsigned{rapidjson::kParseValidateEncodingFlag};

// RapidJSON sizes strings with 32 bits; refuse rather than truncate.
constexpr std::size_t kMaxText = 0xFFFFFFF0u;

bool has_bom(std::string_view t) { return t.size() >= 3 && t.compare(0, 3, "\xEF\xBB\xBF") == 0; }

// Errors raised while reading a value (as opposed to structure between values).
bool is_value_error(rapidjson::ParseErrorCode code) {
  using namespace rapidjson;
  switch (code) {
    case kParseErrorValueInvalid:
    case kParseErrorStringUnicodeEscapeInvalidHex:
    case kParseErrorStringUnicodeSurrogateInvalid:
    case kParseErrorStringEscapeInvalid:
    case kParseErrorStringMissQuotationMark:
    case kParseErrorStringInvalidEncoding:
    case kParseErrorNumberTooBig:
    case kParseErrorNumberMissFraction:
    case kParseErrorNumberMissExponent:
      return true;
    default:
      return false;
  }
}

// RapidJSON calls a raw control character in a string an invalid escape: say what it is.
std::string unescaped_control(unsigned char c) {
  static const char* const hex = "0123456789ABCDEF";
  const std::string escape = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                                                  : std::string("\\u00") + hex[c >> 4] + hex[c & 15];
  const std::string name = c == '\t' ? "tab" : c == '\n' ? "line break" : c == '\r' ? "carriage return" : "control character";
  return "unescaped " + name + " in string: write it as " + escape + ".";
}

// RapidJSON's words for a syntax error, with the usual mistakes of a hand-edited file named:
// a text cut short, a bracket that closes the wrong thing, a comma after the last member,
// single quotes, a bare word.
std::string syntax_message(rapidjson::ParseErrorCode code, std::string_view t, std::size_t off,
                           const detail::SaxHandler& handler, const Document& doc) {
  if (code == rapidjson::kParseErrorStringMissQuotationMark) return rapidjson::GetParseError_En(code);
  // Valid grammar, but past what any reader holds: say so, not "too big to be stored in double".
  if (code == rapidjson::kParseErrorNumberTooBig)
    return "the number is too big: past about 1.8e308, the most a JSON reader (the API's too) can hold";
  const std::size_t next = t.find_first_not_of(" \t\r\n", off);
  if (next == std::string_view::npos) {
    if (const auto open = handler.innermost_open()) {
      const Position p = doc.position(open->offset);
      return std::string("the text ends inside the ") + (open->object ? "object" : "array") + " that opens at line " +
             std::to_string(p.line) + ", column " + std::to_string(p.column) + ": it lacks its closing " +
             (open->object ? "}" : "]") + " (a file cut short?)";
    }
    return rapidjson::GetParseError_En(code);
  }
  const char c = t[next];
  const std::size_t before = next == 0 ? std::string_view::npos : t.find_last_not_of(" \t\r\n", next - 1);
  const auto open = handler.innermost_open();
  if ((c == '}' || c == ']') && open && open->object != (c == '}')) {
    const Position p = doc.position(open->offset);
    return std::string(1, c) + " does not close the " + (open->object ? "object" : "array") + " that opens at line " +
           std::to_string(p.line) + ", column " + std::to_string(p.column) + ": close it with " +
           (open->object ? "}" : "]") + " first";
  }
  if ((c == '}' || c == ']') && open && before != std::string_view::npos && t[before] == ',')
    return std::string("a comma before ") + c + ": JSON allows none after the last " + (c == '}' ? "member" : "element");
  if (c == '\'') return "text and member names are written in double quotes (\"), not single quotes";
  if (c == '#' || (c == '/' && next + 1 < t.size() && (t[next + 1] == '/' || t[next + 1] == '*')))
    return "JSON has no comments: remove this one (or give the text in a member, such as \"description\")";
  if (code == rapidjson::kParseErrorDocumentRootNotSingular)
    return "more text after the JSON value: a file holds one value (a comma or bracket missing before it?)";
  if (code == rapidjson::kParseErrorObjectMissColon) return "a member name is followed by \":\" and its value";
  if (code == rapidjson::kParseErrorObjectMissCommaOrCurlyBracket)
    return "missing a comma before this, or the } that closes the object";
  if (code == rapidjson::kParseErrorArrayMissCommaOrSquareBracket)
    return "missing a comma before this, or the ] that closes the array";
  if (code == rapidjson::kParseErrorValueInvalid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
    return "not a JSON value: text is written in double quotes, and the only bare words are true, false and null";
  return rapidjson::GetParseError_En(code);
}

// A text in UTF-16 or UTF-32, by its byte order mark or, without one, by where the NULs of
// its first (ASCII) characters fall (RFC 4627, 3). Windows PowerShell 5.1 writes UTF-16 LE
// with a BOM when its Out-File or > saves JSON, and admins script Webex with it.
std::optional<std::string> wide_encoding(std::string_view t) {
  const auto at = [&t](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100u; };
  const char* name = nullptr;
  if (at(0) == 0xFF && at(1) == 0xFE) name = at(2) == 0 && at(3) == 0 ? "UTF-32 (little-endian)" : "UTF-16 (little-endian)";
  else if (at(0) == 0xFE && at(1) == 0xFF) name = "UTF-16 (big-endian)";
  else if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) name = "UTF-32 (big-endian)";
  else if (t.size() >= 4) {
    const bool z0 = at(0) == 0, z1 = at(1) == 0, z2 = at(2) == 0, z3 = at(3) == 0;
    if (z0 && z1 && z2 && !z3) name = "UTF-32 (big-endian)";
    else if (!z0 && z1 && z2 && z3) name = "UTF-32 (little-endian)";
    else if (z0 && !z1 && z2 && !z3) name = "UTF-16 (big-endian)";
    else if (!z0 && z1 && !z2 && z3) name = "UTF-16 (little-endian)";
  }
  if (!name) return std::nullopt;
  std::string out = std::string("the file is ") + name + ", not UTF-8";
  if (std::string_view(name) == "UTF-16 (little-endian)")
    out += ", as Windows PowerShell 5.1 saves it by default (Out-File -Encoding utf8 writes UTF-8)";
  return out;
}

// The error that ended the parse, if any (duplicate keys are not fatal).
std::optional<ParseIssue> fatal_issue(std::string_view t, const rapidjson::Reader& reader,
                                      const rapidjson::MemoryStream& stream, const detail::SaxHandler& handler,
                                      const Document& doc) {
  using Kind = ParseIssue::Kind;
  if (auto wide = wide_encoding(t); wide && (reader.HasParseError() || stream.Tell() < t.size()))
    return ParseIssue{Kind::invalid_utf8, 0, "", std::move(*wide)};
  if (handler.too_deep()) {
    return ParseIssue{Kind::too_deep, handler.too_deep_offset(), handler.too_deep_pointer(),
                      "nesting deeper than " + std::to_string(Document::kMaxDepth) + " levels"};
  }
  if (!reader.HasParseError()) {
    // A clean stop before the end means the reader took a NUL byte for the end.
    if (stream.Tell() < t.size()) return ParseIssue{Kind::syntax, stream.Tell(), "", "unexpected NUL byte"};
    return std::nullopt;
  }
  auto code = reader.GetParseErrorCode();
  std::size_t off = std::min(reader.GetErrorOffset(), t.size());
  if (handler.number_too_big()) {  // the handler stopped the parse: report RapidJSON's own error
    code = rapidjson::kParseErrorNumberTooBig;
    off = handler.number_too_big_offset();
  } else if (handler.lone_surrogate()) {  // ...as RapidJSON reports a lone high one
    code = rapidjson::kParseErrorStringUnicodeSurrogateInvalid;
    off = handler.lone_surrogate_offset();
  }
  // RapidJSON flags a bad literal ("tru]") where it stopped; point at its start.
  if (code == rapidjson::kParseErrorValueInvalid) {
    const std::size_t floor = off >= 5 ? off - 5 : 0;
    while (off > floor && t[off - 1] >= 'a' && t[off - 1] <= 'z') --off;
  }
  std::string ptr = handler.error_pointer(is_value_error(code));
  if (code == rapidjson::kParseErrorStringInvalidEncoding) {
    return ParseIssue{Kind::invalid_utf8, off, std::move(ptr), "invalid UTF-8 in string"};
  }
  if (off < t.size() && t[off] == '\0') return ParseIssue{Kind::syntax, off, std::move(ptr), "unexpected NUL byte"};
  if (code == rapidjson::kParseErrorStringEscapeInvalid && off < t.size() && static_cast<unsigned char>(t[off]) < 0x20)
    return ParseIssue{Kind::syntax, off, std::move(ptr), unescaped_control(static_cast<unsigned char>(t[off]))};
  if (off < t.size() && formats::detail::utf8_sequence_length(t, off) == 0) return ParseIssue{Kind::invalid_utf8, off, std::move(ptr), "invalid UTF-8"};
  return ParseIssue{Kind::syntax, off, std::move(ptr), syntax_message(code, t, off, handler, doc)};
}

// The parse's issues in text order: duplicate keys (placed by one batched sweep,
// however many there are), then the error that ended it, if any.
std::vector<ParseIssue> parse_issues(const Document& doc, detail::SaxHandler& handler, std::optional<ParseIssue> fatal) {
  using Kind = ParseIssue::Kind;
  std::vector<ParseIssue> issues;
  auto& dups = handler.duplicates();
  issues.reserve(dups.size() + 2);
  if (!dups.empty()) {
    std::vector<std::size_t> firsts;
    firsts.reserve(dups.size());
    for (const auto& d : dups) firsts.push_back(d.first_offset);
    const std::vector<Position> pos = doc.positions(firsts);
    for (std::size_t i = 0; i < dups.size(); ++i) {
      std::string msg = "duplicate key \"" + dups[i].key_display + "\"; first defined at line " +
                        std::to_string(pos[i].line) + ", column " + std::to_string(pos[i].column);
      issues.push_back({Kind::duplicate_key, dups[i].offset, std::move(dups[i].pointer), std::move(msg)});
    }
    dups = {};
  }
  if (handler.suppressed_duplicates() > 0) {
    issues.push_back({Kind::duplicate_key, handler.first_suppressed_offset(), "",
                       std::to_string(handler.suppressed_duplicates()) +
                           " more duplicate keys from here on are not listed (too many issues)",
                       handler.suppressed_duplicates()});
  }
  if (fatal) issues.push_back(std::move(*fatal));
  auto by_offset = [](const ParseIssue& a, const ParseIssue& b) { return a.offset < b.offset; };
  if (!std::is_sorted(issues.begin(), issues.end(), by_offset)) {
    std::stable_sort(issues.begin(), issues.end(), by_offset);  // defensive
  }
  return issues;
}

}  // namespace

namespace detail {

// Whether all of t is well-formed UTF-8. ASCII, nearly all of a JSON payload, goes
// 16 bytes at a time.
bool valid_utf8(std::string_view t) {
  const char* p = t.data();
  const std::size_t n = t.size();
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  while (i < n) {
    while (i + 16 <= n) {
      std::uint64_t a, b;
      std::memcpy(&a, p + i, 8);
      std::memcpy(&b, p + i + 8, 8);
      if ((a | b) & kHigh) break;
      i += 16;
    }
    while (i + 8 <= n) {
      std::uint64_t a;
      std::memcpy(&a, p + i, 8);
      if (a & kHigh) break;
      i += 8;
    }
    // Byte by byte up to the next 8-byte stretch of ASCII (or the end).
    const std::size_t stop = std::min(n, i + 8);
    while (i < stop) {
      if (static_cast<unsigned char>(p[i]) < 0x80) {
        ++i;
        continue;
      }
      const std::size_t len = formats::detail::utf8_sequence_length(t, i);
      if (len == 0) return false;
      i += len;
    }
  }
  return true;
}

}  // namespace detail

Document::Document(std::string text, bool reference_strings, bool fast_reader) : text_(std::move(text)), dom_(std::make_unique<rapidjson::Document>()) {
  const std::string_view t = text_;
  using Kind = ParseIssue::Kind;
  if (t.size() > kMaxText) {
    issues_.push_back({Kind::syntax, 0, "", "the file is too large (4 GiB or more)"});
    return;
  }
  const std::size_t start = has_bom(t) ? 3 : 0;
  std::size_t first = start;
  while (first < t.size() && detail::is_json_ws(t[first])) ++first;
  if (first == t.size()) {
    issues_.push_back({Kind::empty, 0, "", "the file is empty"});
    return;
  }

  // A listed duplicate later costs ~2 KB as finding and message: bound them by the
  // input's size, so 100,000 repeated keys cannot take memory out of proportion.
  const std::size_t budget = (std::size_t{1} << 20) + t.size() / 4;
  if (fast_reader) {  // it checks the UTF-8 itself
    rapidjson::MemoryStream stream(t.data(), t.size());
    stream.src_ += start;
    detail::SaxHandler handler(*dom_, stream, t, kMaxDepth, budget, reference_strings);
    if (detail::fast_read(t, start, stream, handler)) {
      handler.finish();
      issues_ = parse_issues(*this, handler, std::nullopt);
      parsed_ = true;
      return;
    }
    dom_ = std::make_unique<rapidjson::Document>();  // start over: RapidJSON names the problem
  }
  const bool utf8 = detail::valid_utf8(t);
  // An explicit length: a NUL byte reads as end of input, caught below.
  rapidjson::MemoryStream stream(t.data(), t.size());
  stream.src_ += start;
  detail::SaxHandler handler(*dom_, stream, t, kMaxDepth, budget, reference_strings);
  rapidjson::Reader reader;
  const bool read = utf8 ? !reader.Parse<kParseFlagsValidated>(stream, handler).IsError()
                        : !reader.Parse<kParseFlags>(stream, handler).IsError();
  if (read) handler.finish();
  std::optional<ParseIssue> fatal = fatal_issue(t, reader, stream, handler, *this);
  parsed_ = !fatal;
  issues_ = parse_issues(*this, handler, std::move(fatal));
  if (!parsed_) dom_.reset();  // frees what the failed parse allocated
}

Document::Document(Document&& other) noexcept
    : text_(std::move(other.text_)),
      dom_(std::move(other.dom_)),
      issues_(std::move(other.issues_)),
      parsed_(std::exchange(other.parsed_, false)) {}

Document& Document::operator=(Document&& other) noexcept {
  text_ = std::move(other.text_);
  dom_ = std::move(other.dom_);
  issues_ = std::move(other.issues_);
  parsed_ = std::exchange(other.parsed_, false);
  return *this;
}

Document::~Document() = default;

bool Document::parsed() const { return parsed_ && dom_; }

const rapidjson::Value& Document::root() const {
  static const rapidjson::Value null_value;  // for misuse: never a dangling reference
  return parsed() ? static_cast<const rapidjson::Value&>(*dom_) : null_value;
}

const std::vector<ParseIssue>& Document::issues() const { return issues_; }
std::string_view Document::text() const { return text_; }

Position Document::position(std::size_t offset) const { return positions({offset})[0]; }

std::string to_json_text(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  v.Accept(w);
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace wxlint
