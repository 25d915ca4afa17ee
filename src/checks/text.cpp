// text: free text such as a name. Outcomes, one per rule so that each has its own code:
// "blank" (only whitespace; "" is left alone, it clears a field), "untrimmed" (leading or
// trailing whitespace, invisible Unicode spaces included) and "too-long" (more than "max"
// characters; with "upTo", not more than that: a longer one is another rule's, the API's own
// limit, and one finding says it; an upTo below max leaves every length to the other rule). "members" limits a rule bound to "/x/*" to the named members.
#include "checks/kinds.hpp"
#include "formats/formats.hpp"

#include <algorithm>
#include <cstdio>

namespace wxlint::checks {
namespace {

using formats::detail::unicode_space_length;

// Length of the whitespace character at s[i], else 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  return unicode_space_length(s, i);
}

// Start of the last code point of a non-empty s.
std::size_t last_char_start(std::string_view s) {
  std::size_t i = s.size() - 1;
  for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++k) --i;
  return i;
}

std::string describe(std::string_view s, std::size_t i) {
  if (s[i] == ' ') return "a space";
  if (s[i] == '\t') return "a tab";
  if (s[i] == '\n' || s[i] == '\r') return "a line break";
  // A Unicode space (2 to 3 bytes in UTF-8): name its code point.
  const std::size_t n = unicode_space_length(s, i);
  unsigned cp = static_cast<unsigned char>(s[i]) & (n == 2 ? 0x1Fu : 0x0Fu);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return std::string("an invisible space (") + buf + ")";
}

// trim: the string without its leading and trailing whitespace (it is not blank).
FixSpec trim_fix(std::string pointer, std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && space_at(s, b)) b += space_at(s, b);
  while (e > b && space_at(s, last_char_start(s.substr(0, e)))) e = last_char_start(s.substr(0, e));
  return {true, "Remove the leading and trailing whitespace.",
          {{std::move(pointer), FixEdit::Target::value, json_string(s.substr(b, e - b))}}, {}};
}

class Text final : public Check {
 public:
  explicit Text(Params& p)
      : outcome_(p.str("outcome")),
        max_(p.opt_int("max", {1, kMaxSize})),
        up_to_(p.opt_int("upTo", {1, kMaxSize})),
        members_(p.opt_strings("members")) {
    if (outcome_ != "blank" && outcome_ != "untrimmed" && outcome_ != "too-long")
      p.fail("outcome", "must be \"blank\", \"untrimmed\" or \"too-long\"");
    if (outcome_ == "too-long" && !max_) p.fail("max", "is required for the \"too-long\" outcome");
    if (up_to_ && outcome_ != "too-long") p.fail("upTo", "applies to the \"too-long\" outcome only");
  }

  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    if (outcome_ != "untrimmed") out.emplace_back("problem", "it is filled for the \"untrimmed\" outcome");
    if (outcome_ != "too-long") {
      out.emplace_back("length", "it is filled for the \"too-long\" outcome");
      out.emplace_back("max", "it is filled for the \"too-long\" outcome");
    }
    return out;
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const auto& v = path.node();
    if (!v.IsString() || v.GetStringLength() == 0) return;
    const Step& step = path.step(path.depth());
    if (members_ && (!step.is_key || std::find(members_->begin(), members_->end(), step.key) == members_->end())) return;
    const std::string field = path.last_token();
    const std::string_view s(v.GetString(), v.GetStringLength());
    if (outcome_ == "too-long") {
      const auto n = static_cast<long long>(formats::utf8_length(s));
      if (n > *max_ && (!up_to_ || n <= *up_to_)) out.emit(path).arg("field", field).arg("length", std::to_string(n)).arg("max", std::to_string(*max_));
      return;
    }
    bool blank = true;
    for (std::size_t i = 0; i < s.size() && blank;) {
      const std::size_t n = space_at(s, i);
      if (n == 0) blank = false;
      i += n;
    }
    if (outcome_ == "blank") {
      if (blank) out.emit(path).arg("field", field);
      return;
    }
    if (blank) return;
    std::string problem;
    if (space_at(s, 0)) problem = "starts with " + describe(s, 0);
    else if (std::size_t e = last_char_start(s); space_at(s, e)) problem = "ends with " + describe(s, e);
    if (problem.empty()) return;
    Finding& f = out.emit(path).arg("field", field).arg("problem", problem);
    if (out.fixes("trim")) out.fix(f, "trim", trim_fix(f.pointer, s));
  }

 private:
  std::string outcome_;
  std::optional<long long> max_, up_to_;
  std::optional<std::vector<std::string>> members_;
};

}  // namespace

std::unique_ptr<Check> make_text(Params& p) { return std::make_unique<Text>(p); }

}  // namespace wxlint::checks
