// Reading the parameters of the snapshot-lookup check kind: columns of the tables every
// snapshot has, checked when the rule loads (without a snapshot), and their objects.
#pragma once

#include "checks/path_template.hpp"
#include "engine/params.hpp"
#include "engine/pattern.hpp"
#include "snapshot/keys.hpp"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::checks {

struct TableRef {
  std::string table;
  std::size_t index = 0;  // the table's place in make_tables(), so in every Store's tables()
  std::size_t column = 0;
  snapshot::KeyType type = snapshot::KeyType::text;
  bool indexed = false;  // a key column: a cell of several values (emails) joins them by '\n'
};

// `column` of `table`; with must_be_indexed, a key column. Fails at `param` naming the choices
// (an unknown table at `table_param`, when the table is a parameter of its own).
TableRef resolve_column(Params& p, std::string_view param, const std::string& table, const std::string& column,
                        bool must_be_indexed, std::string_view table_param = {});
// The names of the columns of `table`'s table, each after `prefix`.
std::vector<std::string> column_names(const TableRef& table, std::string_view prefix = "");
// The string member `key` of the object parameter `param`.
std::string member_str(Params& p, std::string_view param, const rapidjson::Value& o, const char* key);
RelPointer member_rel(Params& p, std::string_view param, const std::string& text);
// The object parameter `key`, or nullptr when absent.
const rapidjson::Value* object_param(Params& p, std::string_view key);
// {"template": ..., "param": ...}: read a value as a request path and take that parameter.
PathTemplate path_template(Params& p, std::string_view param, const rapidjson::Value& o);

// The parameters `keys` as one text (the JSON of each, or "-"), kept once per process: two
// rules with the same parameters get the same text, at the same place.
const std::string& params_text(Params& p, std::initializer_list<std::string_view> keys);

// "where": filters on a found row's columns, each against text or a payload value.
struct RowFilter {
  TableRef column;
  bool negate = false;    // notEquals, notContains
  bool contains = false;  // contains: the cell holds the text (a licence name says "Webex Calling")
  std::string literal;
  std::optional<RelPointer> at;
  std::optional<PathTemplate> path_param;  // with `at`: the value is a request path
};
std::vector<RowFilter> read_filters(Params& p, const std::string& table);

}  // namespace wxlint::checks
