#include "engine/findings.hpp"

#include "engine/catalogue.hpp"
#include "engine/duplicated_keys.hpp"
#include "engine/identity.hpp"

#include <algorithm>
#include <tuple>

namespace wxlint {

std::string_view schema_rule_id(std::string_view keyword) {
  static const std::pair<std::string_view, std::string_view> ids[] = {
      {"required", "schema/required"},   {"additionalProperties", "schema/unknown-property"},
      {"type", "schema/type"},           {"enum", "schema/enum"},
      {"const", "schema/const"},         {"minItems", "schema/min-items"},
      {"maxItems", "schema/max-items"},  {"length", "schema/length"},
      {"range", "schema/range"},         {"pattern", "schema/pattern"}};
  for (auto [k, id] : ids)
    if (k == keyword) return id;
  return "schema/other";
}

namespace {

// The fix with `prefix` before each of its pointers.
std::shared_ptr<const FixSpec> with_prefix(const FixSpec& spec, const std::string& prefix) {
  auto out = std::make_shared<FixSpec>(spec);
  for (auto& e : out->edits) e.pointer.insert(0, prefix);
  const bool duplicate = !spec.edits.empty() && spec.edits[0].target == FixEdit::Target::duplicate_item;
  if (duplicate) out->same_as.insert(0, prefix);
  return out;
}

}  // namespace

bool FindingList::lists(const Rule* rule) const {
  if (fixable_past_max_ && rule && !rule->fix.empty()) return true;  // made, to see whether it has one
  const auto it = tallies_.find(rule);
  return (it == tallies_.end() ? 0 : it->second.listed) < max_;
}

void FindingList::take(Placed p) {
  Tally& t = tallies_[p.finding.rule];
  const std::size_t n = p.finding.unlisted;
  if (n == 0 && (t.listed < max_ || (fixable_past_max_ && p.finding.fix))) {
    ++t.listed;
    items_.push_back(std::move(p));
    return;
  }
  if (t.unlisted == 0) {
    Finding& first = t.first_unlisted.finding;
    first.rule = p.finding.rule;
    first.pointer = std::move(p.finding.pointer);
    first.anchor = p.finding.anchor;
    t.first_unlisted.offset = p.offset;
  }
  t.unlisted += n ? n : 1;
}

void FindingList::add(Finding f, const std::string& prefix) {
  if (f.rule && f.rule->fix == "remove-duplicate-entry" && !f.fix && !f.related.empty())
    f.fix = std::make_shared<const FixSpec>(
        FixSpec{false, "Remove this entry: it repeats the one at " + f.related.front() + " exactly.",
                {{f.pointer, FixEdit::Target::duplicate_item, ""}}, f.related.front()});
  if (!prefix.empty()) {
    f.pointer.insert(0, prefix);
    for (auto& r : f.related) r.insert(0, prefix);
    if (f.fix) f.fix = with_prefix(*f.fix, prefix);
  }
  take({std::move(f)});
}

void FindingList::add_builtin(std::string_view rule_id, std::string pointer,
                              std::vector<std::pair<std::string, std::string>> args) {
  const Rule* rule = catalogue_.builtin_if_enabled(rule_id);
  if (!rule) return;
  Finding f;
  f.rule = rule;
  f.pointer = std::move(pointer);
  f.args = std::move(args);
  take({std::move(f)});
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
  f.unlisted = issue.unlisted;  // the parser's own summary joins this list's
  if (!f.unlisted) {
    std::string detail = issue.message;  // the parser's sentence starts a message
    if (!detail.empty() && detail[0] >= 'a' && detail[0] <= 'z') detail[0] = static_cast<char>(detail[0] - 'a' + 'A');
    f.args = {{"detail", std::move(detail)}};
  }
  take({std::move(f), issue.offset});
}

std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string unlisted_message(std::size_t unlisted, std::size_t listed) {
  return "... and " + grouped(unlisted) + (unlisted == 1 ? " more finding" : " more findings") +
         " of this rule in this file; only the first " +
         (listed == 1 ? std::string("is listed") : grouped(listed) + " are listed") + " (setting maxFindingsPerRule).";
}

std::string render(std::string_view tmpl, const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  // The first '}' at or after a '{' is kept for the '{'s before it: each '{' looked for it
  // anew, a rescan of the rest of the message per unclosed '{' (quadratic).
  std::size_t close = 0;
  bool close_known = false;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    out.append(tmpl.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (open == std::string_view::npos) break;
    if (!close_known || close < open) close = tmpl.find('}', open), close_known = true;
    if (close != std::string_view::npos) {
      std::string_view name = tmpl.substr(open + 1, close - open - 1);
      auto it = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
      if (it != args.end()) {
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out += '{';  // not a placeholder: a later '{' may still start one
    i = open + 1;
  }
  return out;
}

void FindingList::place_under_duplicates(const Document& doc, const DuplicatedKeys& duplicated) {
  for (Placed& it : items_) {
    const rapidjson::Value* v = it.finding.node;
    if (it.offset != SIZE_MAX || !v || it.finding.anchor != Anchor::value || !duplicated.under(it.finding.pointer))
      continue;
    if (const Span sp = doc.locate_value(*v); sp.found) {  // else the place its pointer gives
      it.offset = sp.begin;
      it.end = sp.end;
    }
  }
}

std::vector<Diagnostic> FindingList::finish(const Document& doc) {
  for (auto& [rule, t] : tallies_) {
    if (t.unlisted == 0) continue;
    t.first_unlisted.finding.unlisted = t.unlisted;
    items_.push_back(std::move(t.first_unlisted));
  }
  std::vector<const FixSpec*> fix_specs;
  std::vector<std::size_t> fix_of(items_.size());
  for (std::size_t i = 0; i < items_.size(); ++i)
    if (const auto& fx = items_[i].finding.fix) fix_of[i] = fix_specs.size(), fix_specs.push_back(fx.get());
  const DuplicatedKeys duplicated(doc);
  std::vector<std::optional<Fix>> fixes = resolve_fixes(doc, duplicated, fix_specs);
  place_under_duplicates(doc, duplicated);
  // One locate() for every pointer, one positions() for every offset. The
  // findings are used up: their pointers are lent to locate() and then move
  // into the diagnostics, never copied (a big payload has tens of thousands).
  std::vector<std::string> pointers;
  for (auto& it : items_) {
    if (it.offset == SIZE_MAX) pointers.push_back(std::move(it.finding.pointer));
    for (auto& r : it.finding.related) pointers.push_back(std::move(r));
  }
  std::vector<Span> spans = doc.parsed() ? doc.locate(pointers) : std::vector<Span>(pointers.size());
  std::size_t s = 0;
  for (auto& it : items_) {
    if (it.offset == SIZE_MAX) it.finding.pointer = std::move(pointers[s++]);
    for (auto& r : it.finding.related) r = std::move(pointers[s++]);
  }

  std::vector<std::size_t> offsets;
  s = 0;
  struct Where {
    std::size_t begin, end;
  };
  std::vector<Where> main_at, related_at;
  std::vector<std::size_t> related_begin;  // per item: its first entry in related_at
  main_at.reserve(items_.size());
  related_begin.reserve(items_.size());
  for (const auto& it : items_) {
    if (it.offset != SIZE_MAX) {
      // One character, or none at the end of the text (an empty file, JSON cut short).
      main_at.push_back({it.offset, it.end ? it.end : std::max(it.offset, std::min(it.offset + 1, doc.text().size()))});
    } else {
      const Span& sp = spans[s++];
      std::size_t b = !sp.found ? 0 : it.finding.anchor == Anchor::key && sp.key_begin != SIZE_MAX ? sp.key_begin : sp.begin;
      main_at.push_back({b, sp.found ? sp.end : 1});
    }
    related_begin.push_back(related_at.size());
    for (std::size_t k = 0; k < it.finding.related.size(); ++k) {
      const Span& sp = spans[s++];
      related_at.push_back({sp.found ? sp.begin : 0, sp.found ? sp.end : 1});
    }
  }
  offsets.reserve(2 * (main_at.size() + related_at.size()));
  for (const auto& w : main_at) offsets.push_back(w.begin), offsets.push_back(w.end);
  for (const auto& w : related_at) offsets.push_back(w.begin), offsets.push_back(w.end);
  const std::vector<Position> pos = doc.positions(offsets);
  const std::size_t related_pos = main_at.size() * 2;

  // Sorted by place, code and rule, stably; sorting indices moves no
  // diagnostic around.
  std::vector<std::size_t> order(items_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const RuleDoc& ra = items_[a].finding.rule->doc;
    const RuleDoc& rb = items_[b].finding.rule->doc;
    return std::tie(pos[2 * a].line, pos[2 * a].column, ra.code, ra.id) <
           std::tie(pos[2 * b].line, pos[2 * b].column, rb.code, rb.id);
  });

  std::vector<Diagnostic> out;
  out.reserve(items_.size());
  for (const std::size_t i : order) {
    Finding& f = items_[i].finding;
    Diagnostic& d = out.emplace_back();
    d.code = f.rule->doc.code;
    d.severity = f.rule->doc.severity;
    d.rule = f.rule->doc.id;
    if (f.unlisted) {
      d.unlisted = f.unlisted;
      d.message = unlisted_message(f.unlisted, tallies_[f.rule].listed);
      d.location = {std::move(f.pointer), pos[2 * i].line, pos[2 * i].column, pos[2 * i + 1].line, pos[2 * i + 1].column};
      continue;
    }
    std::string other;
    std::size_t rp = related_pos + 2 * related_begin[i];
    d.related.reserve(f.related.size());
    for (auto& r : f.related) {
      Location& l = d.related.emplace_back(
          Location{std::move(r), pos[rp].line, pos[rp].column, pos[rp + 1].line, pos[rp + 1].column});
      rp += 2;
      if (!other.empty()) other += ", ";
      other += l.pointer.empty() ? std::string_view("the root") : std::string_view(l.pointer);
      other += " (line ";
      other += std::to_string(l.line);
      other += ')';
    }
    f.args.emplace_back("other", std::move(other));
    // The pointer is lent to the message's arguments, then kept by the location.
    const bool root = f.pointer.empty();
    f.args.emplace_back("pointer", root ? std::string("the root") : std::move(f.pointer));
    d.message = render(f.rule->message, f.args);
    if (f.fix) d.fix = std::move(fixes[fix_of[i]]);
    d.location = {root ? std::string() : std::move(f.args.back().second), pos[2 * i].line, pos[2 * i].column,
                  pos[2 * i + 1].line, pos[2 * i + 1].column};
  }
  assign_identity_keys(doc, out);
  return out;
}

}  // namespace wxlint
