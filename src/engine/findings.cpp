#include "engine/findings.hpp"

#include "engine/catalogue.hpp"

#include <algorithm>
#include <tuple>

namespace wxlint {

std::string_view schema_rule_id(std::string_view keyword) {
  static const std::pair<std::string_view, std::string_view> ids[] = {
      {"required", "schema/required"},   {"additionalProperties", "schema/unknown-property"},
      {"type", "schema/type"},           {"enum", "schema/enum"},
      {"const", "schema/const"},         {"minItems", "schema/min-items"},
      {"maxItems", "schema/max-items"},  {"length", "schema/length"},
      {"range", "schema/range"}};
  for (auto [k, id] : ids)
    if (k == keyword) return id;
  return "schema/other";
}

void FindingList::add(Finding f, const std::string& prefix) {
  if (!prefix.empty()) {
    f.pointer.insert(0, prefix);
    for (auto& r : f.related) r.insert(0, prefix);
  }
  items_.push_back({std::move(f)});
}

void FindingList::add_builtin(std::string_view rule_id, std::string pointer,
                              std::vector<std::pair<std::string, std::string>> args) {
  const Rule* rule = catalogue_.builtin_if_enabled(rule_id);
  if (!rule) return;
  Finding f;
  f.rule = rule;
  f.pointer = std::move(pointer);
  f.args = std::move(args);
  items_.push_back({std::move(f)});
}

void FindingList::add_issue(const ParseIssue& issue) {
  static const std::pair<ParseIssue::Kind, std::string_view> ids[] = {
      {ParseIssue::Kind::syntax, "json/syntax"},           {ParseIssue::Kind::invalid_utf8, "json/invalid-utf8"},
      {ParseIssue::Kind::too_deep, "json/too-deep"},       {ParseIssue::Kind::empty, "json/empty"},
      {ParseIssue::Kind::duplicate_key, "json/duplicate-key"}};
  std::string_view id = "json/syntax";
  for (auto [k, name] : ids)
    if (k == issue.kind) id = name;
  const Rule* rule = catalogue_.builtin_if_enabled(id);
  if (!rule) return;
  Finding f;
  f.rule = rule;
  f.pointer = issue.pointer;
  std::string detail = issue.message;  // the parser's sentence starts a message
  if (!detail.empty() && detail[0] >= 'a' && detail[0] <= 'z') detail[0] = static_cast<char>(detail[0] - 'a' + 'A');
  f.args = {{"detail", std::move(detail)}};
  items_.push_back({std::move(f), issue.offset});
}

std::string render(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] == '{') {
      auto close = tmpl.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = tmpl.substr(i + 1, close - i - 1);
        auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += tmpl[i++];
  }
  return out;
}

std::vector<Diagnostic> FindingList::finish(const Document& doc) {
  // One locate() for every pointer, one positions() for every offset.
  std::vector<std::string> pointers;
  for (const auto& it : items_) {
    if (it.offset == SIZE_MAX) pointers.push_back(it.finding.pointer);
    for (const auto& r : it.finding.related) pointers.push_back(r);
  }
  std::vector<Span> spans = doc.parsed() ? doc.locate(pointers) : std::vector<Span>(pointers.size());
  std::vector<std::size_t> offsets;
  std::size_t s = 0;
  struct Where {
    std::size_t begin, end;
  };
  std::vector<Where> main_at, related_at;
  for (const auto& it : items_) {
    if (it.offset != SIZE_MAX) {
      main_at.push_back({it.offset, it.offset + 1});
    } else {
      const Span& sp = spans[s++];
      std::size_t b = !sp.found ? 0 : it.finding.anchor == Anchor::key && sp.key_begin != SIZE_MAX ? sp.key_begin : sp.begin;
      main_at.push_back({b, sp.found ? sp.end : 1});
    }
    for (std::size_t k = 0; k < it.finding.related.size(); ++k) {
      const Span& sp = spans[s++];
      related_at.push_back({sp.found ? sp.begin : 0, sp.found ? sp.end : 1});
    }
  }
  for (const auto& w : main_at) offsets.push_back(w.begin), offsets.push_back(w.end);
  for (const auto& w : related_at) offsets.push_back(w.begin), offsets.push_back(w.end);
  std::vector<Position> pos = doc.positions(offsets);

  std::vector<Diagnostic> out;
  out.reserve(items_.size());
  std::size_t p = 0, rp = main_at.size() * 2;
  for (auto& it : items_) {
    Finding& f = it.finding;
    Diagnostic d;
    d.code = f.rule->doc.code;
    d.severity = f.rule->doc.severity;
    d.rule = f.rule->doc.id;
    d.location = {f.pointer, pos[p].line, pos[p].column, pos[p + 1].line, pos[p + 1].column};
    p += 2;
    std::string other;
    for (auto& r : f.related) {
      Location l{r, pos[rp].line, pos[rp].column, pos[rp + 1].line, pos[rp + 1].column};
      rp += 2;
      other += (other.empty() ? "" : ", ") + (r.empty() ? std::string("the root") : r) + " (line " +
               std::to_string(l.line) + ")";
      d.related.push_back(std::move(l));
    }
    f.args.emplace_back("other", other);
    f.args.emplace_back("pointer", f.pointer.empty() ? "the root" : f.pointer);
    d.message = render(f.rule->message, f.args);
    out.push_back(std::move(d));
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.line, a.location.column, a.code, a.rule) <
           std::tie(b.location.line, b.location.column, b.code, b.rule);
  });
  return out;
}

}  // namespace wxlint
