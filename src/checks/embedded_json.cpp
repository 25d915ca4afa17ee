// embedded-json: a string that holds JSON text (the contacts API's address is a JSON object
// serialized into a string). Outcomes, one per rule so that each has its own code:
// "invalid" (not JSON, or JSON of another type than "root"), "double-escaped" (JSON only
// after unescaping once more: {\"city\": ...}), "unknown-key" (a member not in "keys"),
// "value-type" (a member whose value is not of "valueType"). Key and value checks also
// apply to the content of a value escaped twice. Parsing is iterative, validates UTF-8
// and stops at "maxBytes" (default 65536) so that no input can make it expensive.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

#include <rapidjson/error/en.h>

#include <algorithm>
#include <cstddef>
#include <optional>

namespace wxlint::checks {
namespace {

constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

using Pool = rapidjson::MemoryPoolAllocator<>;
using Doc = rapidjson::GenericDocument<rapidjson::UTF8<>, Pool, Pool>;

bool parse(Doc& d, std::string_view s) {
  d.Parse<kFlags>(s.data(), s.size());
  return !d.HasParseError();
}

// "Invalid value." -> "is not JSON: invalid value at character 3"; plain text is named as such.
std::string parse_error(const Doc& d, std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && std::string_view("{[\"").find(s[first]) == std::string_view::npos)
    return "is plain text, not JSON";
  std::string m = rapidjson::GetParseError_En(d.GetParseError());
  if (!m.empty() && m.back() == '.') m.pop_back();
  if (!m.empty() && m[0] >= 'A' && m[0] <= 'Z') m[0] = static_cast<char>(m[0] - 'A' + 'a');
  const std::size_t at = std::min(d.GetErrorOffset(), s.size());
  return "is not JSON: " + m + " at character " + std::to_string(formats::utf8_length(s.substr(0, at)) + 1);
}

// The rules of one value (invalid, double-escaped, unknown-key, value-type) visit it one after
// the other: parse it once. As in webex-id, the value is known by where its bytes are (the DOM
// stays put during a lint; start() forgets it, as the next DOM may reuse the addresses). The
// documents take their nodes and parse stacks from a pool that starts in a buffer of this
// thread and is cleared for the next value, so a usual address allocates nothing.
struct LastParse {
  const char* data = nullptr;
  std::size_t size = 0;
  alignas(std::max_align_t) char buffer[16384];
  Pool pool{buffer, sizeof buffer};
  std::optional<Doc> first;  // the text parsed as it is
  std::optional<Doc> inner;  // escaped twice or more: the text unescaped until it parses
  std::string once;          // the text unescaped once (the fix's text: a pass of --fix takes one level)
  bool inner_ok = false;

  // Also gives back what a long text took beyond the buffer.
  void forget() {
    inner.reset();
    first.reset();
    pool.Clear();
    data = nullptr;
    size = 0;
  }

  void parse_value(std::string_view s) {
    forget();
    data = s.data();
    size = s.size();
    first.emplace(&pool, 256, &pool);
    inner_ok = false;
    if (parse(*first, s)) return;
    // Unescaped as a JSON string's body, level after level while a backslash is left (an
    // address escaped three times is JSON after two), until the text parses.
    std::string text(s);
    for (int level = 0; level < kMaxLevels && text.find('\\') != std::string::npos; ++level) {
      Doc body(&pool, 256, &pool);
      if (!parse(body, "\"" + text + "\"") || !body.IsString()) return;
      text.assign(body.GetString(), body.GetStringLength());
      if (level == 0) once = text;
      inner.emplace(&pool, 256, &pool);
      if ((inner_ok = parse(*inner, text))) return;
    }
  }
  static constexpr int kMaxLevels = 8;
};

LastParse& last_parse() {
  thread_local LastParse last;
  return last;
}

const LastParse& parse_cached(std::string_view s) {
  LastParse& last = last_parse();
  if (!last.first || s.data() != last.data || s.size() != last.size) last.parse_value(s);
  return last;
}

class EmbeddedJson final : public Check {
 public:
  explicit EmbeddedJson(Params& p)
      : outcome_(p.str("outcome")),
        root_(p.opt_str("root").value_or("object")),
        keys_(p.opt_strings("keys")),
        value_type_(p.opt_str("valueType")),
        max_bytes_(p.opt_int("maxBytes", {1, kMaxSize}).value_or(65536)),
        skip_empty_(p.flag("skipEmpty", false)) {
    static const std::string_view outcomes[] = {"invalid", "double-escaped", "unknown-key", "value-type"};
    if (std::find(std::begin(outcomes), std::end(outcomes), outcome_) == std::end(outcomes))
      p.fail("outcome", "must be \"invalid\", \"double-escaped\", \"unknown-key\" or \"value-type\"");
    if (root_ != "object" && root_ != "array" && root_ != "any") p.fail("root", "must be \"object\", \"array\" or \"any\"");
    if (outcome_ == "unknown-key" && !keys_) p.fail("keys", "is required for the \"unknown-key\" outcome");
    if (outcome_ == "value-type" && !value_type_) p.fail("valueType", "is required for the \"value-type\" outcome");
    if (value_type_)
      if (const std::string problem = json_type_problem(*value_type_); !problem.empty()) p.fail("valueType", problem);
  }

  // Each outcome fills its own: invalid {problem}; unknown-key {key} {hint} {keys};
  // value-type {key} {actual} {expected}; double-escaped none of them.
  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    static constexpr struct {
      std::string_view name, outcome, other_outcome;  // the outcomes that fill it
    } kFilled[] = {{"problem", "invalid", ""},  {"key", "unknown-key", "value-type"}, {"hint", "unknown-key", ""},
                   {"keys", "unknown-key", ""}, {"actual", "value-type", ""},         {"expected", "value-type", ""}};
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (const auto& f : kFilled)
      if (outcome_ != f.outcome && outcome_ != f.other_outcome)
        out.emplace_back(f.name, "this outcome does not fill it (see the embedded-json kind's outcomes)");
    return out;
  }

  std::unique_ptr<CheckState> start() const override {
    last_parse().forget();
    return nullptr;
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || (skip_empty_ && v.GetStringLength() == 0)) return;
    const std::string_view s(v.GetString(), v.GetStringLength());
    if (static_cast<long long>(s.size()) > max_bytes_) {
      if (outcome_ == "invalid")
        out.emit(path).arg("problem", "is " + std::to_string(s.size()) + " bytes long, more than the " +
                                          std::to_string(max_bytes_) + " wxlint parses");
      return;
    }
    // Escaped twice needs a backslash (\" around keys): without one, the outcome has nothing to find.
    if (outcome_ == "double-escaped" && s.find('\\') == std::string_view::npos) return;
    const LastParse& parsed = parse_cached(s);
    const Doc* doc = &*parsed.first;
    bool twice = false;
    if (doc->HasParseError()) {
      if (parsed.inner_ok && root_ok(*parsed.inner)) {
        twice = true;
        doc = &*parsed.inner;
      } else {
        if (outcome_ == "invalid") out.emit(path).arg("problem", parse_error(*parsed.first, s));
        return;
      }
    }
    const Doc& d = *doc;
    if (!root_ok(d)) {
      if (outcome_ == "invalid")
        out.emit(path).arg("problem", "holds " + json_type_words(json_type_name(d)) + ", not " + json_type_words(root_));
      return;
    }
    if (twice && outcome_ == "double-escaped") {
      Finding& f = out.emit(path);
      // Unescaped once, the text is the JSON it was meant to be; as a JSON string again.
      if (out.fixes("unescape"))
        out.fix(f, "unescape", {true, "Unescape the text once.", {{f.pointer, FixEdit::Target::value, json_string(parsed.once)}}, {}});
    }
    if (!d.IsObject()) return;
    for (const auto& m : d.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if (outcome_ == "unknown-key" && std::find(keys_->begin(), keys_->end(), key) == keys_->end()) {
        auto near = formats::did_you_mean(key, *keys_);
        out.emit(path)
            .arg("key", formats::detail::excerpt(key, 40))
            .arg("hint", near ? " Did you mean \"" + *near + "\"?" : "")
            .arg("keys", key_list());
      } else if (outcome_ == "value-type" && !type_ok(m.value)) {
        out.emit(path)
            .arg("key", formats::detail::excerpt(key, 40))
            .arg("actual", json_type_words(json_type_name(m.value)))
            .arg("expected", json_type_words(*value_type_));
      }
    }
  }

 private:
  bool root_ok(const rapidjson::Value& d) const {
    return root_ == "any" || (root_ == "object" ? d.IsObject() : d.IsArray());
  }
  bool type_ok(const rapidjson::Value& v) const {
    const std::string_view t = json_type_name(v);
    return t == *value_type_ || (*value_type_ == "number" && t == "integer");
  }
  std::string key_list() const {
    std::string s;
    for (const auto& k : *keys_) s += (s.empty() ? "" : ", ") + k;
    return s;
  }

  std::string outcome_, root_;
  std::optional<std::vector<std::string>> keys_;
  std::optional<std::string> value_type_;
  long long max_bytes_;
  bool skip_empty_;
};

}  // namespace

std::unique_ptr<Check> make_embedded_json(Params& p) { return std::make_unique<EmbeddedJson>(p); }

}  // namespace wxlint::checks
