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

namespace wxlint::checks {
namespace {

constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

bool parse(rapidjson::Document& d, std::string_view s) {
  d.Parse<kFlags>(s.data(), s.size());
  return !d.HasParseError();
}

// "Invalid value." -> "is not JSON: invalid value at character 3"; plain text is named as such.
std::string parse_error(const rapidjson::Document& d, std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && std::string_view("{[\"").find(s[first]) == std::string_view::npos)
    return "is plain text, not JSON";
  std::string m = rapidjson::GetParseError_En(d.GetParseError());
  if (!m.empty() && m.back() == '.') m.pop_back();
  if (!m.empty() && m[0] >= 'A' && m[0] <= 'Z') m[0] = static_cast<char>(m[0] - 'A' + 'a');
  const std::size_t at = std::min(d.GetErrorOffset(), s.size());
  return "is not JSON: " + m + " at character " + std::to_string(formats::utf8_length(s.substr(0, at)) + 1);
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
    rapidjson::Document d;
    bool twice = false;
    std::string once_text;
    if (!parse(d, s)) {
      // Escaped twice: the text is the body of a JSON string whose content is JSON.
      rapidjson::Document once, inner;
      std::string quoted = "\"" + std::string(s) + "\"";
      if (parse(once, quoted) && once.IsString() && parse(inner, {once.GetString(), once.GetStringLength()}) &&
          root_ok(inner)) {
        twice = true;
        once_text.assign(once.GetString(), once.GetStringLength());
        d.Swap(inner);
      } else {
        if (outcome_ == "invalid") out.emit(path).arg("problem", parse_error(d, s));
        return;
      }
    }
    if (!root_ok(d)) {
      if (outcome_ == "invalid")
        out.emit(path).arg("problem", "holds " + json_type_words(json_type_name(d)) + ", not " + json_type_words(root_));
      return;
    }
    if (twice && outcome_ == "double-escaped") {
      Finding& f = out.emit(path);
      // Unescaped once, the text is the JSON it was meant to be; as a JSON string again.
      if (out.fixes("unescape"))
        out.fix(f, "unescape", {true, "Unescape the text once.", {{f.pointer, FixEdit::Target::value, json_string(once_text)}}, {}});
    }
    if (!d.IsObject()) return;
    for (const auto& m : d.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      const std::string shown = formats::detail::excerpt(key, 40);
      if (outcome_ == "unknown-key" && std::find(keys_->begin(), keys_->end(), key) == keys_->end()) {
        auto near = formats::did_you_mean(key, *keys_);
        out.emit(path)
            .arg("key", shown)
            .arg("hint", near ? " Did you mean \"" + *near + "\"?" : "")
            .arg("keys", key_list());
      } else if (outcome_ == "value-type" && !type_ok(m.value)) {
        out.emit(path)
            .arg("key", shown)
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
