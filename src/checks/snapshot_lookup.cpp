// snapshot-lookup: the value here must (or must not) be found in a table of the org
// snapshot, keyed by one column, optionally within the scope of another payload value (the
// target location) and filtered on the found row (held by someone else, not ACTIVE). The
// found row's columns fill the message ({ownerName}, {ownerType}). Without a snapshot, or
// without a file of the table's kind, it finds nothing: it cannot judge.
#include "checks/kinds.hpp"
#include "checks/path_template.hpp"
#include "document/document.hpp"
#include "snapshot/store.hpp"

#include <optional>

namespace wxlint::checks {
namespace {

using snapshot::Table;

struct TableRef {
  std::string table;
  std::size_t column = 0;
  snapshot::KeyType type = snapshot::KeyType::text;
};

// A table's column, checked against the tables every snapshot has when the rule loads.
TableRef resolve_column(Params& p, std::string_view param, const std::string& table, const std::string& column,
                        bool must_be_indexed) {
  static const std::vector<Table> tables = snapshot::make_tables();
  std::string names;
  for (const auto& t : tables) {
    names += (names.empty() ? "" : ", ") + t.name();
    if (t.name() != table) continue;
    std::string cols;
    for (std::size_t i = 0; i < t.columns().size(); ++i) {
      const auto& c = t.columns()[i];
      if (must_be_indexed && !c.indexed) continue;
      cols += (cols.empty() ? "" : ", ") + c.name;
      if (c.name == column) return {table, i, c.type};
    }
    p.fail(param, "table " + table + " has no " + (must_be_indexed ? "key " : "") + "column \"" + column +
                      "\" (it has: " + cols + ")");
  }
  p.fail(param, "unknown snapshot table \"" + table + "\" (known: " + names + ")");
}

std::string member_str(Params& p, std::string_view param, const rapidjson::Value& o, const char* key) {
  auto it = o.FindMember(key);
  if (it == o.MemberEnd() || !it->value.IsString()) p.fail(param, std::string("needs a string member \"") + key + "\"");
  return {it->value.GetString(), it->value.GetStringLength()};
}

RelPointer member_rel(Params& p, std::string_view param, const std::string& text) {
  auto r = RelPointer::parse(text);
  if (!r) p.fail(param, "\"" + text + "\" is not a relative JSON pointer");
  return std::move(*r);
}

// {"template": ..., "param": ...}: read a value as a request path and take that parameter.
PathTemplate path_template(Params& p, std::string_view param, const rapidjson::Value& o) {
  const std::string name = member_str(p, param, o, "param");
  auto t = PathTemplate::make(member_str(p, param, o, "template"), name);
  if (!t) p.fail(param, "\"{" + name + "}\" is not a segment of the template");
  return std::move(*t);
}

const rapidjson::Value* object_param(Params& p, std::string_view key) {
  const rapidjson::Value* v = p.raw(key);
  if (v && !v->IsObject()) p.fail(key, "must be an object");
  return v;
}

// The text of a scalar payload value, or nullopt (absent, an object or array, blank).
std::optional<std::string> scalar(const rapidjson::Value* v) {
  if (!v || v->IsNull() || v->IsObject() || v->IsArray() || v->IsBool()) return std::nullopt;
  std::string s = v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : to_json_text(*v);
  if (s.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  return s;
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
    if (const auto* via = object_param(p, "via")) {
      const std::string table = member_str(p, "via", *via, "table");
      via_key_ = resolve_column(p, "via", table, member_str(p, "via", *via, "key"), true);
      via_column_ = resolve_column(p, "via", table, member_str(p, "via", *via, "column"), false);
    }
    if (const auto* scope = object_param(p, "scope")) {
      scope_column_ = resolve_column(p, "scope", key_.table, member_str(p, "scope", *scope, "column"), false);
      scope_at_ = member_rel(p, "scope", member_str(p, "scope", *scope, "at"));
    }
    if (const auto* only = object_param(p, "onlyIfIn")) {
      const std::string table = member_str(p, "onlyIfIn", *only, "table");
      only_if_in_ = resolve_column(p, "onlyIfIn", table, member_str(p, "onlyIfIn", *only, "key"), true);
    }
    if (const auto* where = p.raw("where")) {
      if (!where->IsArray()) p.fail("where", "must be an array of {column, equals|notEquals}");
      for (const auto& w : where->GetArray()) {
        if (!w.IsObject()) p.fail("where", "must be an array of {column, equals|notEquals}");
        Filter f;
        f.column = resolve_column(p, "where", key_.table, member_str(p, "where", w, "column"), false);
        auto eq = w.FindMember("equals"), ne = w.FindMember("notEquals");
        if ((eq == w.MemberEnd()) == (ne == w.MemberEnd())) p.fail("where", "each filter needs one of equals, notEquals");
        f.negate = ne != w.MemberEnd();
        const rapidjson::Value& v = f.negate ? ne->value : eq->value;
        if (v.IsString()) {
          f.literal = std::string(v.GetString(), v.GetStringLength());
        } else if (v.IsObject() && v.HasMember("at") && v["at"].IsString() &&
                   v.MemberCount() == (v.HasMember("pathParam") ? 2u : 1u)) {
          f.at = member_rel(p, "where", v["at"].GetString());
          if (v.HasMember("pathParam")) {
            if (!v["pathParam"].IsObject()) p.fail("where", "pathParam must be an object {template, param}");
            f.path_param = path_template(p, "where", v["pathParam"]);
          }
        } else {
          p.fail("where", "a filter's value is a string or {\"at\": relative pointer, \"pathParam\"?: {template, param}}");
        }
        where_.push_back(std::move(f));
      }
    }
  }

  void visit(const Path& path, CheckState*, Emitter& out) const override {
    const snapshot::Store* store = out.context().snapshot;
    if (!store) return;
    const Table& table = *store->table(key_.table);
    if (!table.loaded()) return;
    if (unless_ && is_present(unless_->resolve(path), true)) return;
    std::optional<std::string> raw = scalar(value_ ? value_->resolve(path) : &path.node());
    if (raw && path_param_) raw = param_of(*path_param_, *raw);
    if (!raw || !snapshot::comparable(key_.type, *raw)) return;
    std::string key = snapshot::normalise(key_.type, *raw);
    if (only_if_in_) {
      const Table& t = *store->table(only_if_in_->table);
      if (!t.loaded() || t.find(only_if_in_->column, snapshot::normalise(only_if_in_->type, *raw)).empty()) return;
    }
    if (via_key_) {
      const Table& t = *store->table(via_key_->table);
      if (!t.loaded()) return;
      auto rows = t.find(via_key_->column, snapshot::normalise(via_key_->type, *raw));
      if (rows.empty()) return;
      std::string_view mapped = t.cell(rows.front(), via_column_->column);
      if (mapped.empty()) return;
      *raw = std::string(mapped);
      key = snapshot::normalise(key_.type, mapped);
    }
    std::optional<std::string> scope;
    if (scope_at_) {
      scope = scalar(scope_at_->resolve(path));
      if (!scope || !snapshot::comparable(scope_column_->type, *scope)) return;  // no target to judge against
      *scope = snapshot::normalise(scope_column_->type, *scope);
    }
    std::vector<std::string> wants;
    if (!filter_values(path, wants)) return;
    std::optional<std::uint32_t> match;
    for (std::uint32_t row : table.find(key_.column, key)) {
      if (scope && table.cell(row, scope_column_->column) != *scope) continue;
      if (!filters_hold(table, row, wants)) continue;
      match = row;
      break;
    }
    if (match.has_value() != report_found_) return;
    Finding& f = out.emit(path);
    f.arg("key", *raw);
    if (match)
      for (std::size_t c = 0; c < table.columns().size(); ++c)
        f.arg(table.columns()[c].name, std::string(table.cell(*match, c)));
  }

 private:
  struct Filter {
    TableRef column;
    bool negate = false;
    std::string literal;
    std::optional<RelPointer> at;
    std::optional<PathTemplate> path_param;
  };

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
      wants.push_back(snapshot::normalise(f.column.type, v.value_or("")));
    }
    return true;
  }

  bool filters_hold(const Table& table, std::uint32_t row, const std::vector<std::string>& wants) const {
    for (std::size_t i = 0; i < where_.size(); ++i)
      if ((table.cell(row, where_[i].column.column) == wants[i]) == where_[i].negate) return false;
    return true;
  }

  bool report_found_ = false;
  TableRef key_;
  std::optional<RelPointer> value_, unless_, scope_at_;
  std::optional<TableRef> via_key_, via_column_, scope_column_, only_if_in_;
  std::optional<PathTemplate> path_param_;
  std::vector<Filter> where_;
};

}  // namespace

std::unique_ptr<Check> make_snapshot_lookup(Params& p) { return std::make_unique<SnapshotLookup>(p); }

}  // namespace wxlint::checks
