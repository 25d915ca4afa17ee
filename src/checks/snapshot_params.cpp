#include "checks/snapshot_params.hpp"

#include "snapshot/store.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <mutex>
#include <set>

namespace wxlint::checks {

using snapshot::Table;

namespace {
// The tables every snapshot has, empty: their names and columns.
const std::vector<Table>& shapes() {
  static const std::vector<Table> tables = snapshot::make_tables();
  return tables;
}
}  // namespace

TableRef resolve_column(Params& p, std::string_view param, const std::string& table, const std::string& column,
                        bool must_be_indexed, std::string_view table_param) {
  const std::vector<Table>& tables = shapes();
  std::string names;
  for (std::size_t index = 0; index < tables.size(); ++index) {
    const Table& t = tables[index];
    names += (names.empty() ? "" : ", ") + t.name();
    if (t.name() != table) continue;
    std::string cols;
    for (std::size_t i = 0; i < t.columns().size(); ++i) {
      const auto& c = t.columns()[i];
      if (must_be_indexed && !c.indexed) continue;
      cols += (cols.empty() ? "" : ", ") + c.name;
      if (c.name == column) return {table, index, i, c.type, c.indexed};
    }
    p.fail(param, "table " + table + " has no " + (must_be_indexed ? "key " : "") + "column \"" + column +
                      "\" (it has: " + cols + ")");
  }
  p.fail(table_param.empty() ? param : table_param, "unknown snapshot table \"" + table + "\" (known: " + names + ")");
}

std::vector<std::string> column_names(const TableRef& table, std::string_view prefix) {
  std::vector<std::string> names;
  for (const auto& c : shapes()[table.index].columns()) names.push_back(std::string(prefix) + c.name);
  return names;
}

const std::string& params_text(Params& p, std::initializer_list<std::string_view> keys) {
  std::string text;
  for (const std::string_view key : keys) {
    text.append(key).push_back('=');
    if (const rapidjson::Value* v = p.raw(key)) {
      rapidjson::StringBuffer out;
      rapidjson::Writer<rapidjson::StringBuffer> w(out);
      v->Accept(w);
      text.append(out.GetString(), out.GetSize());
    } else {
      text.push_back('-');
    }
    text.push_back('\n');
  }
  // Rules load on any thread; the texts are few (one per distinct rule) and never freed.
  static std::mutex mutex;
  static std::set<std::string, std::less<>> texts;
  const std::lock_guard<std::mutex> lock(mutex);
  return *texts.insert(std::move(text)).first;
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

const rapidjson::Value* object_param(Params& p, std::string_view key) {
  const rapidjson::Value* v = p.raw(key);
  if (v && !v->IsObject()) p.fail(key, "must be an object");
  return v;
}

PathTemplate path_template(Params& p, std::string_view param, const rapidjson::Value& o) {
  const std::string name = member_str(p, param, o, "param");
  auto t = PathTemplate::make(member_str(p, param, o, "template"), name);
  if (!t) p.fail(param, "\"{" + name + "}\" is not a segment of the template");
  return std::move(*t);
}

std::vector<RowFilter> read_filters(Params& p, const std::string& table) {
  std::vector<RowFilter> out;
  const auto* where = p.raw("where");
  if (!where) return out;
  if (!where->IsArray()) p.fail("where", "must be an array of {column, equals|notEquals|contains|notContains}");
  for (const auto& w : where->GetArray()) {
    if (!w.IsObject()) p.fail("where", "must be an array of {column, equals|notEquals|contains|notContains}");
    RowFilter f;
    f.column = resolve_column(p, "where", table, member_str(p, "where", w, "column"), false);
    const auto eq = w.FindMember("equals"), ne = w.FindMember("notEquals"), in = w.FindMember("contains"),
               out_of = w.FindMember("notContains");
    if ((eq != w.MemberEnd()) + (ne != w.MemberEnd()) + (in != w.MemberEnd()) + (out_of != w.MemberEnd()) != 1)
      p.fail("where", "each filter needs one of equals, notEquals, contains, notContains");
    f.negate = ne != w.MemberEnd() || out_of != w.MemberEnd();
    f.contains = in != w.MemberEnd() || out_of != w.MemberEnd();
    const rapidjson::Value& v = in != w.MemberEnd() ? in->value : out_of != w.MemberEnd() ? out_of->value
                                : f.negate ? ne->value : eq->value;
    if (f.contains && (!v.IsString() || v.GetStringLength() == 0))
      p.fail("where", std::string(f.negate ? "notContains" : "contains") + " takes a non-empty string");
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
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace wxlint::checks
