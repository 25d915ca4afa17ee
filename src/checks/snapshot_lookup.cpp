// snapshot-lookup: the value here must (or must not) be found in a table of the org
// snapshot, keyed by one column, optionally within the scope of another payload value (the
// target location) and filtered on the found row (held by someone else, not ACTIVE). The
// found row's columns fill the message ({ownerName}, {ownerType}). Without a snapshot, or
// without a file of the table's kind, it finds nothing: it cannot judge.
#include "checks/kinds.hpp"
#include "checks/path_template.hpp"
#include "checks/snapshot_params.hpp"
#include "document/document.hpp"
#include "snapshot/store.hpp"

#include <array>
#include <optional>

namespace wxlint::checks {
namespace {

using snapshot::Table;

// The text of a scalar payload value, or nullopt (absent, an object or array, blank).
std::optional<std::string> scalar(const rapidjson::Value* v) {
  if (!v || v->IsNull() || v->IsObject() || v->IsArray() || v->IsBool()) return std::nullopt;
  std::string s = v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : to_json_text(*v);
  if (s.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  return s;
}

// A value in its normal form, and whether it can be compared at all (see keys.hpp).
struct NormalForm {
  bool comparable = false;
  std::string text;
};

// The rules at one place run one after another, each normalising the same userId or
// locationId (a Webex id decoded): the last few values are kept per thread. The result
// stays valid until the next call.
const NormalForm& normal_form(snapshot::KeyType type, std::string_view raw) {
  struct Entry {
    bool used = false;
    snapshot::KeyType type;
    std::string raw;
    NormalForm form;
  };
  thread_local std::array<Entry, 8> kept;
  thread_local std::size_t next = 0;
  for (const Entry& e : kept)
    if (e.used && e.type == type && e.raw == raw) return e.form;
  Entry& e = kept[next];
  next = (next + 1) % kept.size();
  e.used = true;
  e.type = type;
  e.raw.assign(raw);
  e.form.comparable = snapshot::comparable(type, raw);
  e.form.text = snapshot::normalise(type, raw);
  return e.form;
}

// The rows of t keyed by key in column col. The rules at one place look one value up in
// one table (a userId in people, four times; a phoneNumber in numbers, four times): the
// last few lookups are kept per thread.
std::span<const std::uint32_t> rows_of(const Table& t, std::size_t col, std::string_view key) {
  struct Entry {
    std::uint64_t table = 0;  // serial: 0 = unused
    std::size_t col = 0;
    std::string key;
    std::span<const std::uint32_t> rows;
  };
  thread_local std::array<Entry, 8> kept;
  thread_local std::size_t next = 0;
  for (const Entry& e : kept)
    if (e.table == t.serial() && e.col == col && e.key == key) return e.rows;
  Entry& e = kept[next];
  next = (next + 1) % kept.size();
  e.table = t.serial();
  e.col = col;
  e.key.assign(key);
  e.rows = t.find(col, key);
  return e.rows;
}

class SnapshotLookup final : public Check {
 public:
  explicit SnapshotLookup(Params& p) {
    const std::string expect = p.opt_str("expect").value_or("missing");
    if (expect != "found" && expect != "missing") p.fail("expect", "must be \"found\" or \"missing\"");
    report_found_ = expect == "found";
    key_ = resolve_column(p, "key", p.str("table"), p.str("key"), true);
    value_ = p.opt_rel("value");
    unless_ = p.opt_rel("unless");
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
    where_ = read_filters(p, key_.table);
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const snapshot::Store* store = out.context().snapshot;
    const Table* table = store ? loaded(*store, key_.table) : nullptr;
    if (!table || (unless_ && is_present(unless_->resolve(path), true))) return;
    // The envelope's path names the resource: a rule that reads it judges instead.
    if (unless_path_ && param_of(*unless_path_, out.context().request_path)) return;
    const std::optional<Key> key = key_at(*store, path);
    if (!key) return;
    std::optional<std::string> scope;
    if (scope_at_ && !(scope = scope_at(path))) return;  // no target to judge against
    std::vector<std::string> wants;
    if (!filter_values(path, wants)) return;
    const std::optional<std::uint32_t> row = first_row(*table, key->normal, scope, wants);
    if (row.has_value() != report_found_) return;
    Finding& f = out.emit(path);
    f.arg("key", key->raw);
    if (const Stripped& s = key->stripped; s.table) {
      f.arg("prefix", key->value.substr(0, s.length));
      for (std::size_t c = 0; c < s.table->columns().size(); ++c)
        f.arg("prefix." + s.table->columns()[c].name, std::string(s.table->cell(s.row, c)));
    }
    if (row)
      for (std::size_t c = 0; c < table->columns().size(); ++c)
        f.arg(table->columns()[c].name, std::string(table->cell(*row, c)));
  }

 private:
  struct StripPrefix {
    TableRef key, column;
    RelPointer at;
  };
  // The prefix taken off the value: its row, and its length.
  struct Stripped {
    const Table* table = nullptr;
    std::uint32_t row = 0;
    std::size_t length = 0;
  };
  struct Key {
    std::string raw, normal;
    std::string value;  // with stripPrefix: the value before the prefix was taken off
    Stripped stripped;
  };

  // stripPrefix: the value must start with the prefix in the row keyed by the payload value
  // at `at` (a location's routing prefix) and go on past it; else nothing to judge.
  std::optional<Stripped> strip(const snapshot::Store& store, const Path& path, std::string_view value) const {
    const Table* t = loaded(store, strip_->key.table);
    std::optional<std::string> at = scalar(strip_->at.resolve(path));
    if (!t || !at || !normal_form(strip_->key.type, *at).comparable) return std::nullopt;
    auto rows = rows_of(*t, strip_->key.column, normal_form(strip_->key.type, *at).text);
    if (rows.empty()) return std::nullopt;
    const std::string_view prefix = t->cell(rows.front(), strip_->column.column);
    if (prefix.empty() || value.size() <= prefix.size() || !value.starts_with(prefix)) return std::nullopt;
    return Stripped{t, rows.front(), prefix.size()};
  }

  static const Table* loaded(const snapshot::Store& store, const std::string& name) {
    const Table* t = store.table(name);
    return t->loaded() ? t : nullptr;
  }

  // The value looked up: the payload's (or, with "via", what it maps to), when it can be
  // judged ("onlyIfIn": when that table holds it).
  std::optional<Key> key_at(const snapshot::Store& store, const Path& path) const {
    std::optional<std::string> raw = scalar(value_ ? value_->resolve(path) : &path.node());
    if (raw && path_param_) raw = param_of(*path_param_, *raw);
    Stripped stripped;
    std::string value;
    if (raw && strip_) {
      auto s = strip(store, path, *raw);
      if (!s) return std::nullopt;
      stripped = *s;
      value = *raw;
      raw = raw->substr(s->length);
    }
    if (!raw || !normal_form(key_.type, *raw).comparable) return std::nullopt;
    if (only_if_in_) {
      const Table* t = loaded(store, only_if_in_->table);
      if (!t || rows_of(*t, only_if_in_->column, normal_form(only_if_in_->type, *raw).text).empty()) return std::nullopt;
    }
    if (via_key_) {
      const Table* t = loaded(store, via_key_->table);
      if (!t) return std::nullopt;
      auto rows = rows_of(*t, via_key_->column, normal_form(via_key_->type, *raw).text);
      if (rows.empty()) return std::nullopt;
      const std::string_view mapped = t->cell(rows.front(), via_column_->column);
      if (mapped.empty()) return std::nullopt;
      raw = std::string(mapped);
    }
    std::string normal = normal_form(key_.type, *raw).text;
    return Key{std::move(*raw), std::move(normal), std::move(value), stripped};
  }

  std::optional<std::string> scope_at(const Path& path) const {
    std::optional<std::string> scope = scalar(scope_at_->resolve(path));
    if (!scope) return std::nullopt;
    const NormalForm& form = normal_form(scope_column_->type, *scope);
    if (!form.comparable) return std::nullopt;
    return form.text;
  }

  // The first row keyed by key, within the scope, that the filters keep.
  std::optional<std::uint32_t> first_row(const Table& table, std::string_view key, const std::optional<std::string>& scope,
                                         const std::vector<std::string>& wants) const {
    for (std::uint32_t row : rows_of(table, key_.column, key)) {
      if (scope && table.cell(row, scope_column_->column) != *scope) continue;
      if (filters_hold(table, row, wants)) return row;
    }
    return std::nullopt;
  }

  static std::optional<std::string> param_of(const PathTemplate& t, const std::string& path) {
    auto seg = t.param_of(path);
    return seg ? std::optional<std::string>(std::string(*seg)) : std::nullopt;
  }

  // The value each filter compares with, once per visit. False when a path parameter cannot
  // be read (no envelope path, or a placeholder): there is nothing to judge against.
  bool filter_values(const Path& path, std::vector<std::string>& wants) const {
    for (const auto& f : where_) {
      if (!f.at) {
        wants.push_back(f.literal);
        continue;
      }
      std::optional<std::string> v = scalar(f.at->resolve(path));
      if (f.path_param) {
        if (v) v = param_of(*f.path_param, *v);
        if (!v) return false;
      }
      wants.push_back(normal_form(f.column.type, v.value_or("")).text);
    }
    return true;
  }

  bool filters_hold(const Table& table, std::uint32_t row, const std::vector<std::string>& wants) const {
    for (std::size_t i = 0; i < where_.size(); ++i) {
      const std::string_view cell = table.cell(row, where_[i].column.column);
      if (where_[i].contains ? cell.find(wants[i]) == std::string_view::npos : (cell == wants[i]) == where_[i].negate)
        return false;
    }
    return true;
  }

  bool report_found_ = false;
  TableRef key_;
  std::optional<RelPointer> value_, unless_, scope_at_;
  std::optional<TableRef> via_key_, via_column_, scope_column_, only_if_in_;
  std::optional<StripPrefix> strip_;
  std::optional<PathTemplate> path_param_, unless_path_;
  std::vector<RowFilter> where_;
};

}  // namespace

std::unique_ptr<Check> make_snapshot_lookup(Params& p) { return std::make_unique<SnapshotLookup>(p); }

}  // namespace wxlint::checks
