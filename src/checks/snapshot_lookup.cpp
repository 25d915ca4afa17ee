// snapshot-lookup: the value here must (or must not) be found in a table of the org
// snapshot, keyed by one column, optionally within the scope of another payload value (the
// target location) and filtered on the found row (held by someone else, not ACTIVE). The
// found row's columns fill the message ({ownerName}, {ownerType}). Without a snapshot, or
// without a file of the table's kind, it finds nothing: it cannot judge.
#include "checks/key_index.hpp"
#include "checks/kinds.hpp"
#include "checks/path_template.hpp"
#include "checks/snapshot_params.hpp"
#include "checks/snapshot_probe.hpp"
#include "document/document.hpp"
#include "formats/formats.hpp"
#include "snapshot/store.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace wxlint::checks {
namespace {

using snapshot::Table;
namespace probe = snapshot_probe;

// The text of a scalar payload value, where it stays put during the lint (snapshot_probe.hpp):
// the DOM's string, or a kept copy of a number's text; nullopt when there is none (absent, an
// object or array, blank).
std::optional<std::string_view> scalar(const rapidjson::Value* v) {
  if (!v) return std::nullopt;
  std::string_view s;
  if (v->IsString()) s = {v->GetString(), v->GetStringLength()};
  else if (v->IsNumber()) s = probe::keep(to_json_text(*v));
  else return std::nullopt;  // null, a boolean, an object or an array
  for (const char c : s)
    if (c != ' ' && c != '\t') return s;
  return std::nullopt;  // blank
}

// A request path's parameter as the server reads it (a padded id's "=" sent as "%3D"), kept
// until the next lint; nullopt for a bad %-escape, which names nothing.
std::optional<std::string_view> path_value(std::string_view segment) {
  if (segment.find('%') == std::string_view::npos) return segment;
  if (std::optional<std::string> decoded = formats::percent_decoded(segment)) return probe::keep(*decoded);
  return std::nullopt;
}

// A payload value a pointer names: its text, and its normal form as the one key type the
// pointer is read as (its parameter's column); of "" when there is no text.
struct Named {
  std::optional<std::string_view> text;
  probe::Normal normal;  // of text, or of "" when there is none
};

Named read_named(const rapidjson::Value* v, snapshot::KeyType type) {
  Named n{scalar(v), {}};
  n.normal = probe::normal_form(type, n.text.value_or(""));
  return n;
}

// What a pointer names from one place: the value, read as its one key type when asked, and
// for a scope its part of the scoped index. A pointer that starts above the node names one
// value for all the nodes below where it starts (the target location, for each user a file
// moves): read once per place it starts from, as the walker's conditions are, until the
// next lint.
struct Resolved {
  const rapidjson::Value* value = nullptr;
  std::optional<Named> named;
  std::optional<probe::Scope> scope;
};
Resolved& memo_of(const RelPointer& p, const Path& path) {
  thread_local probe::SharedAnswers<Resolved> memo;
  // Past the root it names nothing, whatever the node.
  const rapidjson::Value* from = p.up > path.depth() ? nullptr : path.step(path.depth() - p.up).value;
  const std::uint64_t hash = reinterpret_cast<std::uintptr_t>(&p) / alignof(RelPointer);
  if (Resolved* m = memo.find(hash, &p, from)) return *m;
  Resolved& m = memo.put(hash, &p, from);
  m.value = from ? p.resolve(path) : nullptr;
  return m;
}
const rapidjson::Value* resolve(const RelPointer& p, const Path& path) { return memo_of(p, path).value; }
const Named& named_of(Resolved& m, snapshot::KeyType type) {
  if (!m.named) m.named = read_named(m.value, type);
  return *m.named;
}
// Valid until the next pointer is read.
const Named& named(const RelPointer& p, const Path& path, snapshot::KeyType type) {
  return named_of(memo_of(p, path), type);
}

// stripPrefix: the prefix taken off the value, its row and its length.
struct Stripped {
  const Table* table = nullptr;
  std::uint32_t row = 0;
  std::size_t length = 0;
};

// What a node's value keys: the value looked up (the payload's, or "via"'s), the scope, and
// the rows found. The rules asking the same question of a node share it (SharedAnswers).
struct Key {
  bool judgeable = false;      // false: nothing to judge (no value, no target, not in onlyIfIn)
  std::string_view raw;        // as the payload (or "via"'s row) has it
  probe::Scope scope;          // with "scope": the target
  std::string_view full;       // with stripPrefix: the value before the prefix was taken off
  Stripped stripped;
  probe::Scoped found;
};

probe::SharedAnswers<Key>& keys() {
  thread_local probe::SharedAnswers<Key> k;
  return k;
}

// Per filter, what the row's column is compared with: the rule's text, or a normal form kept
// by the probe until the next lint. Kept per thread so that a visit allocates nothing.
std::vector<std::string_view>& wants() {
  thread_local std::vector<std::string_view> w;
  return w;
}

class SnapshotLookup final : public Check {
 public:
  explicit SnapshotLookup(Params& p) {
    const std::string expect = p.opt_str("expect").value_or("missing");
    if (expect != "found" && expect != "missing") p.fail("expect", "must be \"found\" or \"missing\"");
    report_found_ = expect == "found";
    key_ = resolve_column(p, "key", p.str("table"), p.str("key"), true, "table");
    row_columns_ = column_names(key_);
    value_ = p.opt_rel("value");
    unless_ = p.rels("unless");
    if_present_ = p.rels("ifPresent");
    if (const auto* t = object_param(p, "pathParam")) path_param_ = path_template(p, "pathParam", *t);
    if (const auto* t = object_param(p, "unlessPathParam")) unless_path_ = path_template(p, "unlessPathParam", *t);
    if (const auto* via = object_param(p, "via")) {
      const std::string table = member_str(p, "via", *via, "table");
      via_key_ = resolve_column(p, "via", table, member_str(p, "via", *via, "key"), true);
      via_column_ = resolve_column(p, "via", table, member_str(p, "via", *via, "column"), false);
    }
    if (const auto* scope = object_param(p, "scope")) {
      scope_column_ = resolve_column(p, "scope", key_.table, member_str(p, "scope", *scope, "column"), false);
      scope_at_ = member_rel(p, "scope", member_str(p, "scope", *scope, "at"));
    }
    if (const auto* strip = object_param(p, "stripPrefix")) {
      const std::string table = member_str(p, "stripPrefix", *strip, "table");
      strip_ = StripPrefix{resolve_column(p, "stripPrefix", table, member_str(p, "stripPrefix", *strip, "key"), true),
                           resolve_column(p, "stripPrefix", table, member_str(p, "stripPrefix", *strip, "column"), false),
                           member_rel(p, "stripPrefix", member_str(p, "stripPrefix", *strip, "at"))};
    }
    if (const auto* only = object_param(p, "onlyIfIn")) {
      const std::string table = member_str(p, "onlyIfIn", *only, "table");
      only_if_in_ = resolve_column(p, "onlyIfIn", table, member_str(p, "onlyIfIn", *only, "key"), true);
    }
    region_from_ = p.rels("regionFromLocation");
    if (!region_from_.empty() && key_.type != snapshot::KeyType::number)
      p.fail("regionFromLocation", "applies to a key column of phone numbers only");
    where_ = read_filters(p, key_.table);
    question_ = &params_text(p, {"table", "key", "value", "pathParam", "stripPrefix", "onlyIfIn", "via", "scope",
                                 "regionFromLocation"});
    question_hash_ = hash_key(*question_);
  }

  std::unique_ptr<CheckState> start() const override {
    probe::forget();  // this lint's DOM may reuse the last one's addresses
    return nullptr;
  }

  // The found row's columns, and with stripPrefix {prefix} and the prefix row's as {prefix.COLUMN}.
  std::vector<std::string> placeholders() const override {
    std::vector<std::string> names = row_columns_;
    if (strip_) {
      names.emplace_back("prefix");
      for (std::string& n : column_names(strip_->key, "prefix.")) names.push_back(std::move(n));
    }
    return names;
  }

  // Expecting the value missing, a rule finds no row to fill its columns from.
  std::vector<std::pair<std::string_view, std::string_view>> unfilled() const override {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    if (!report_found_)
      for (const std::string& c : row_columns_) out.emplace_back(c, "it is a found row's column, and the rule expects the value missing");
    return out;
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const snapshot::Store* store = out.context().snapshot;
    const Table* table = store ? loaded(*store, key_) : nullptr;
    if (!table || any_present(unless_, path) ||
        (!if_present_.empty() && !any_present(if_present_, path)))
      return;
    // The envelope's path names the resource: a rule that reads it judges instead.
    if (unless_path_ && unless_path_->param_of(out.context().request_path)) return;
    const Key& k = key_here(*store, *table, path, out.context());
    if (!k.judgeable) return;  // no value, or no target to judge against
    if (k.found.rows.empty() && report_found_) return;  // whatever the filters say
    std::vector<std::string_view>& want = wants();
    if (!filter_values(path, want)) return;
    const std::optional<std::uint32_t> row = first_row(*table, k, want);
    if (row.has_value() != report_found_) return;
    // A value not found may be on a page the snapshot lacks, or a number it could not read
    // there: nothing to judge.
    if (!row && (table->incomplete() ||
                 (key_.type == snapshot::KeyType::number &&
                  table->may_hold_unread_numbers(scope_at_ ? std::optional(k.scope.normal.text) : std::nullopt))))
      return;
    report(path, *table, k, row, out);
  }

 private:
  // Out of the way of the lookups: most visits find nothing to report.
  [[gnu::cold, gnu::noinline]] void report(const Path& path, const Table& table, const Key& k,
                                           std::optional<std::uint32_t> row, Emitter& out) const {
    // Clipped: a snapshot's name of a megabyte would be copied into every finding it makes.
    const auto shown = [](std::string_view text) { return formats::clipped(text, kMaxShown); };
    Finding& f = out.emit(path);
    f.arg("key", shown(k.raw));
    if (const Stripped& st = k.stripped; st.table) {
      f.arg("prefix", shown(k.full.substr(0, st.length)));
      for (std::size_t c = 0; c < st.table->columns().size(); ++c)
        f.arg("prefix." + st.table->columns()[c].name, shown(st.table->cell(st.row, c)));
    }
    if (row)
      for (std::size_t c = 0; c < table.columns().size(); ++c) f.arg(table.columns()[c].name, shown(table.cell(*row, c)));
  }
  static constexpr std::size_t kMaxShown = 256;  // characters: a Webex id is ~90

  struct StripPrefix {
    TableRef key, column;
    RelPointer at;
  };

  // stripPrefix: the value must start with the prefix in the row keyed by the payload value
  // at `at` (a location's routing prefix) and go on past it; else nothing to judge.
  std::optional<Stripped> strip(const snapshot::Store& store, const Path& path, std::string_view value) const {
    const Table* t = loaded(store, strip_->key);
    const Named at = named(strip_->at, path, strip_->key.type);
    if (!t || !at.text || !at.normal.comparable) return std::nullopt;
    const auto rows = probe::rows(*t, strip_->key.column, at.normal);
    if (rows.empty()) return std::nullopt;
    const std::string_view prefix = t->cell(rows.front(), strip_->column.column);
    if (prefix.empty() || value.size() <= prefix.size() || !value.starts_with(prefix)) return std::nullopt;
    return Stripped{t, rows.front(), prefix.size()};
  }

  static const Table* loaded(const snapshot::Store& store, const TableRef& ref) {
    const Table& t = store.tables()[ref.index];
    return t.loaded() ? &t : nullptr;
  }

  // What this node keys, found once for all the rules asking the same question of it.
  const Key& key_here(const snapshot::Store& store, const Table& table, const Path& path, const LintContext& context) const {
    if (const Key* k = keys().find(question_hash_, question_, &path.node())) return *k;
    Key& k = keys().put(question_hash_, question_, &path.node());
    // The scope first: reading it may decode an id, and the key's form is valid only until then.
    if (scope_at_ && !scope_at(table, path, k)) return k;
    const std::optional<probe::Normal> key = key_at(store, path, k, context);
    if (!key) return k;
    k.judgeable = true;
    k.found = scope_at_ ? probe::rows_in_scope(table, key_.column, *key, k.scope)
                        : probe::Scoped{probe::rows(table, key_.column, *key), false};
    return k;
  }

  // The value looked up: the payload's (or, with "via", what it maps to), when it can be
  // judged ("onlyIfIn": when that table holds it). Its form is for one lookup (key_form()).
  std::optional<probe::Normal> key_at(const snapshot::Store& store, const Path& path, Key& k, const LintContext& context) const {
    std::optional<std::string_view> raw = scalar(value_ ? value_->resolve(path) : &path.node());
    if (raw && path_param_) {
      raw = path_param_->param_of(*raw);
      if (raw) raw = path_value(*raw);
    }
    if (raw && strip_) {
      const std::optional<Stripped> st = strip(store, path, *raw);
      if (!st) return std::nullopt;
      k.stripped = *st;
      k.full = *raw;
      raw = raw->substr(st->length);  // still the DOM's bytes: the probe may remember it
    }
    if (!raw) return std::nullopt;
    k.raw = *raw;
    probe::Normal key = key_.type == snapshot::KeyType::number && !snapshot::as_is(key_.type, k.raw)
                            ? probe::national_number_form(k.raw, number_region(store, path, context))
                            : probe::key_form(key_.type, k.raw);
    if (!key.comparable) return std::nullopt;
    if (only_if_in_) {  // the same text: an id is not decoded again, and `key` stays valid
      const Table* t = loaded(store, *only_if_in_);
      if (!t || probe::rows(*t, only_if_in_->column, probe::normal_form(only_if_in_->type, k.raw)).empty())
        return std::nullopt;
    }
    if (via_key_) {
      const Table* t = loaded(store, *via_key_);
      if (!t) return std::nullopt;
      const auto rows = probe::rows(*t, via_key_->column, probe::normal_form(via_key_->type, k.raw));
      if (rows.empty()) return std::nullopt;
      k.raw = t->cell(rows.front(), via_column_->column);
      if (k.raw.empty()) return std::nullopt;
      key = probe::key_form(key_.type, k.raw);
    }
    return key;
  }

  // Where a national-format number of the payload is read: the country of the location that
  // the first of regionFromLocation's that is there, else the scope, names (a person's, a
  // workspace's calling location) when the snapshot gives it; else the lint's region.
  std::string number_region(const snapshot::Store& store, const Path& path, const LintContext& context) const {
    const auto country = [&](const RelPointer& at) -> std::optional<std::string> {
      const Named& location = named(at, path, snapshot::KeyType::id);
      if (!location.text) return std::nullopt;  // not there: the next one
      std::string code = location.normal.comparable ? snapshot::location_region(store, location.normal.text) : "";
      return code.empty() ? context.region : code;
    };
    for (const RelPointer& at : region_from_)
      if (std::optional<std::string> code = country(at)) return *code;
    if (region_from_.empty() && scope_at_)
      if (std::optional<std::string> code = country(*scope_at_)) return *code;
    return context.region;
  }

  // The target the rows must be in: a row's scope cell must hold its normal form. Its part
  // of the scoped index is kept with it, found once per target.
  bool scope_at(const Table& table, const Path& path, Key& k) const {
    Resolved& m = memo_of(*scope_at_, path);
    const Named& scope = named_of(m, scope_column_->type);
    if (!scope.text || !scope.normal.comparable) return false;
    if (!m.scope) m.scope = probe::scope(table, key_.column, scope_column_->column, scope.normal);
    k.scope = *m.scope;
    return true;
  }

  // The first row found, within the scope, that the filters keep.
  std::optional<std::uint32_t> first_row(const Table& table, const Key& k, const std::vector<std::string_view>& want) const {
    for (std::uint32_t row : k.found.rows) {
      if (k.found.compare_scope && table.cell(row, scope_column_->column) != k.scope.normal.text) continue;
      if (filters_hold(table, row, want)) return row;
    }
    return std::nullopt;
  }

  // The value each filter compares with, once per visit. False when a path parameter cannot
  // be read (no envelope path, or a placeholder): there is nothing to judge against.
  bool filter_values(const Path& path, std::vector<std::string_view>& want) const {
    want.resize(where_.size());
    for (std::size_t i = 0; i < where_.size(); ++i) {
      const RowFilter& f = where_[i];
      if (!f.at) {
        want[i] = f.literal;
      } else if (!f.path_param) {
        want[i] = named(*f.at, path, f.column.type).normal.text;
      } else {
        std::optional<std::string_view> param = scalar(resolve(*f.at, path));
        if (param) param = f.path_param->param_of(*param);
        if (param) param = path_value(*param);
        if (!param) return false;
        const probe::Normal n = probe::normal_form(f.column.type, *param);
        if (!n.comparable) return false;  // no id there: nothing to judge against
        want[i] = n.text;
      }
    }
    return true;
  }

  bool filters_hold(const Table& table, std::uint32_t row, const std::vector<std::string_view>& wants) const {
    for (std::size_t i = 0; i < where_.size(); ++i) {
      const RowFilter& f = where_[i];
      const std::string_view cell = table.cell(row, f.column.column);
      const bool hit = f.contains ? cell.find(wants[i]) != std::string_view::npos
                                  : cell == wants[i] || (f.column.indexed && holds_value(cell, wants[i]));
      if (hit == f.negate) return false;
    }
    return true;
  }

  // A key column's cell of several values (a person's emails) equals each of them.
  static bool holds_value(std::string_view cell, std::string_view value) {
    return cell.size() > value.size() && snapshot::each_value(cell, [&](std::string_view one) { return one == value; });
  }

  bool report_found_ = false;
  // The parameters that decide which rows are found, as text: rules with the same question
  // share one answer per node (key_here()).
  const std::string* question_ = nullptr;
  std::uint64_t question_hash_ = 0;
  TableRef key_;
  std::optional<RelPointer> value_, scope_at_;
  std::vector<RelPointer> unless_, if_present_, region_from_;
  std::optional<TableRef> via_key_, via_column_, scope_column_, only_if_in_;
  std::optional<StripPrefix> strip_;
  std::optional<PathTemplate> path_param_, unless_path_;
  std::vector<RowFilter> where_;
  std::vector<std::string> row_columns_;  // of key_'s table: placeholders of a found row
};

}  // namespace

std::unique_ptr<Check> make_snapshot_lookup(Params& p) { return std::make_unique<SnapshotLookup>(p); }

}  // namespace wxlint::checks
