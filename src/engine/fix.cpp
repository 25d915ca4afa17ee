#include "engine/fix.hpp"

#include "document/document.hpp"
#include "document/json_pointer.hpp"
#include "document/json_text.hpp"
#include "engine/check.hpp"
#include "engine/duplicated_keys.hpp"
#include "engine/pattern.hpp"
#include "formats/ascii.hpp"
#include "formats/formats.hpp"
#include "engine/data_file.hpp"
#include "engine/rule.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <wxlint/diagnostic.hpp>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace wxlint {

std::string json_string(std::string_view s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  return std::string(buf.GetString(), buf.GetSize());
}

std::vector<std::string_view> fixes_offered(std::string_view check_kind, std::string_view rule_id) {
  // Each name is documented in docs/fixes.md. A kind offers a fix only for the outcome it
  // fits (text: "trim" for untrimmed); other outcomes never attach one.
  static const std::pair<std::string_view, std::vector<std::string_view>> by_kind[] = {
      {"enum", {"did-you-mean"}},
      {"text", {"trim"}},
      {"embedded-json", {"unescape"}},
      {"uuid", {"decode-webex-id"}},
      {"unique", {"remove-duplicate-entry"}},
      {"format", {"to-e164"}},
  };
  static const std::pair<std::string_view, std::vector<std::string_view>> by_builtin[] = {
      {"schema/enum", {"did-you-mean"}},
      {"schema/unknown-property", {"did-you-mean"}},
      {"schema/type", {"convert-type"}},
  };
  if (check_kind == "builtin") {
    for (const auto& [id, names] : by_builtin)
      if (id == rule_id) return names;
    return {};
  }
  for (const auto& [kind, names] : by_kind)
    if (kind == check_kind) return names;
  return {};
}

std::string rule_fix(const DataFile& file, const std::string& pointer, const rapidjson::Value& value,
                     std::string_view check_kind, std::string_view rule_id) {
  if (!value.IsString()) file.fail(pointer, "must be a string naming a fix, not " + json_type_words(json_type_name(value)));
  const std::string name(value.GetString(), value.GetStringLength());
  const auto offered = fixes_offered(check_kind, rule_id);
  for (std::string_view o : offered)
    if (o == name) return name;
  std::string known;
  for (std::string_view o : offered) known += (known.empty() ? "\"" : ", \"") + std::string(o) + "\"";
  const std::string of = check_kind == "builtin" ? "the builtin rule " + std::string(rule_id) : "check kind " + std::string(check_kind);
  file.fail(pointer, "unknown fix \"" + name + "\": " + of +
                         (known.empty() ? " offers no fix" : " offers " + known));
}

namespace {

std::string quoted(std::string_view s) { return "\"" + formats::detail::excerpt(s, 40) + "\""; }

}  // namespace

bool allows(const rapidjson::Value* type, std::string_view name) {
  if (!type) return false;
  if (type->IsString()) return name == std::string_view(type->GetString(), type->GetStringLength());
  if (type->IsArray())
    for (const auto& t : type->GetArray())
      if (allows(&t, name)) return true;
  return false;
}

FixSpec value_fix(std::string pointer, std::string_view from, std::string_view to) {
  return {ascii::equals_nocase(from, to), "Replace " + quoted(from) + " with " + quoted(to) + ".",
          {{std::move(pointer), FixEdit::Target::value, json_string(to)}}, {}};
}

FixSpec rename_fix(std::string pointer, std::string_view from, std::string_view to) {
  return {true, "Rename " + quoted(from) + " to " + quoted(to) + ".", {{std::move(pointer), FixEdit::Target::key, json_string(to)}}, {}};
}

std::optional<FixSpec> convert_type_fix(std::string pointer, const rapidjson::Value& node, const rapidjson::Value* type) {
  std::string text, message;
  if (node.IsString() && allows(type, "boolean") && !allows(type, "string")) {
    const std::string_view s(node.GetString(), node.GetStringLength());
    if (s != "true" && s != "false") return std::nullopt;
    text = std::string(s);
    message = "Write the boolean " + text + ", not the string \"" + text + "\".";
  } else if ((node.IsInt64() || node.IsUint64()) && allows(type, "string") && !allows(type, "integer") &&
             !allows(type, "number")) {
    const std::string digits = node.IsInt64() ? std::to_string(node.GetInt64()) : std::to_string(node.GetUint64());
    text = json_string(digits);
    message = "Write the number as the string " + text + ".";
  } else {
    return std::nullopt;
  }
  return FixSpec{true, std::move(message), {{std::move(pointer), FixEdit::Target::value, std::move(text)}}, {}};
}

bool Emitter::fixes(std::string_view name) const { return !rule_.fix.empty() && rule_.fix == name; }

void Emitter::fix(Finding& f, std::string_view name, FixSpec spec) const {
  if (&f == &spare_ || !fixes(name)) return;  // spare_: a finding only counted
  f.fix = std::make_shared<const FixSpec>(std::move(spec));
}

}  // namespace wxlint

namespace wxlint {
namespace {

using detail::is_json_ws;

// Just past the JSON string starting at its opening quote `at`.
std::size_t string_end(std::string_view t, std::size_t at) {
  std::size_t i = at + 1;
  while (i < t.size() && t[i] != '"') i += t[i] == '\\' ? 2 : 1;
  return std::min(i + 1, t.size());
}

// [b, e) of an array item or object member, widened to take one comma with it.
std::pair<std::size_t, std::size_t> with_comma(std::string_view t, std::size_t b, std::size_t e) {
  std::size_t p = b;
  while (p > 0 && is_json_ws(t[p - 1])) --p;
  if (p > 0 && t[p - 1] == ',') return {p - 1, e};  // not the first: the comma before it
  std::size_t q = e;
  while (q < t.size() && is_json_ws(t[q])) ++q;
  if (q < t.size() && t[q] == ',') {  // the first of several: the comma after it, and the space up to the next
    ++q;
    while (q < t.size() && is_json_ws(t[q])) ++q;
    return {b, q};
  }
  return {b, e};
}

// For Target::duplicate_item: the item's pointer, or "" when it is no exact duplicate.
std::string duplicate_item(const rapidjson::Value& root, const std::string& ptr, const std::string& same_as) {
  auto a = pointer::split(ptr), b = pointer::split(same_as);
  if (!a || !b || a->size() != b->size()) return {};
  const rapidjson::Value *na = &root, *nb = &root, *item_a = nullptr, *item_b = nullptr;
  std::size_t depth = 0;
  for (std::size_t i = 0; i < a->size() && na && nb; ++i) {
    const bool array = na->IsArray();
    na = child(*na, (*a)[i]);
    nb = child(*nb, (*b)[i]);
    if (array && na && nb) item_a = na, item_b = nb, depth = i + 1;
  }
  if (!na || !nb || !item_a || item_a == item_b || !(*item_a == *item_b)) return {};
  a->resize(depth);
  return pointer::join(*a);
}

}  // namespace

std::vector<std::optional<Fix>> resolve_fixes(const Document& doc, const DuplicatedKeys& duplicated,
                                              const std::vector<const FixSpec*>& specs) {
  std::vector<std::optional<Fix>> out(specs.size());
  if (specs.empty() || !doc.parsed()) return out;
  std::vector<std::string> pointers;
  std::vector<std::size_t> first(specs.size() + 1);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    first[i] = pointers.size();
    for (const FixEdit& e : specs[i]->edits)
      pointers.push_back(e.target == FixEdit::Target::duplicate_item ? duplicate_item(doc.root(), e.pointer, specs[i]->same_as)
                                                                     : e.pointer);
  }
  first[specs.size()] = pointers.size();
  const std::vector<Span> spans = doc.locate(pointers);
  const std::string_view t = doc.text();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    Fix fix{specs[i]->safe, specs[i]->message, {}};
    bool ok = true;
    for (std::size_t k = first[i]; k < first[i + 1] && ok; ++k) {
      const FixEdit& e = specs[i]->edits[k - first[i]];
      const Span& sp = spans[k];
      ok = sp.found && !(e.target == FixEdit::Target::duplicate_item && pointers[k].empty()) &&
           !duplicated.under(pointers[k]);
      if (!ok) break;
      std::size_t b = sp.begin, end = sp.end;
      if (e.target == FixEdit::Target::key) {
        ok = sp.key_begin != SIZE_MAX;
        if (ok) b = sp.key_begin, end = string_end(t, b);
      } else if (e.target != FixEdit::Target::value) {
        ok = !pointers[k].empty();  // the root is no entry
        std::tie(b, end) = with_comma(t, sp.key_begin != SIZE_MAX ? sp.key_begin : sp.begin, sp.end);
      }
      ok = ok && (fix.edits.empty() || fix.edits.back().offset + fix.edits.back().length <= b);
      if (ok) fix.edits.push_back({b, end - b, e.text});
    }
    if (ok && !fix.edits.empty()) out[i] = std::move(fix);
  }
  return out;
}

}  // namespace wxlint
