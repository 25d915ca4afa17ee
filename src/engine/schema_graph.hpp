// The subschemas of a schema that valijson would evaluate, found from the root with every
// $ref resolved here. valijson is then given flatten(): one definition per subschema and
// only "#/definitions/K" references, so what it evaluates is exactly this graph, and
// check_limits() refuses what it could not evaluate in bounded stack and time.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wxlint::schema_graph {

// What valijson is given instead of "uniqueItems": true (schema_unique.cpp checks it).
inline constexpr const char* kUniqueItems = "$wxlint:uniqueItems";
// ...and instead of "pattern" (schema_pattern.cpp checks it with RE2).
inline constexpr const char* kPattern = "$wxlint:pattern";
// ...and instead of "multipleOf" (schema_multiple_of.cpp checks it without dividing by 0 or -1).
inline constexpr const char* kMultipleOf = "$wxlint:multipleOf";
// ...and, in a subschema with "patternProperties", instead of it and of "properties",
// "additionalProperties" and "required" (schema_pattern_properties.cpp checks them with RE2):
// {"properties": {name: index}, "patternProperties": {regex: index}, "additionalProperties":
// index or false, "required": [names]}, each index one of the definitions.
inline constexpr const char* kProperties = "$wxlint:properties";
// ...and instead of "propertyNames": its subschema's index, or false (a true one is left out);
// schema_property_names.cpp names the member whose name fails.
inline constexpr const char* kPropertyNames = "$wxlint:propertyNames";

// How a subschema applies: to the same value (allOf, anyOf, oneOf, not, if, then, else,
// dependencies), or to a member, an item or a member name of it.
enum class Via : std::uint8_t {
  same_value, property, other_property, pattern_property, every_item, item, other_item, contains, property_name
};

struct Edge {
  std::int32_t to;
  Via via;
  std::int32_t ref;       // the first $ref on the way (Graph::refs), or -1
  std::string_view name;  // property; pattern_property: the regex
  std::size_t index;      // item
};

// Where a subschema or a $ref object is: in a member of a node, the target of a $ref, or the root.
struct Place {
  std::int32_t node = -1;
  std::int32_t ref = -1;
  std::string_view keyword;  // "allOf", "properties", ...
  std::string_view key;      // a member name under it, or
  std::size_t index = SIZE_MAX;

  static Place root() { return {}; }
  static Place target_of(std::int32_t ref) {
    Place p;
    p.ref = ref;
    return p;
  }
  static Place in(std::int32_t node, std::string_view keyword, std::string_view key = {}) {
    Place p;
    p.node = node, p.keyword = keyword, p.key = key;
    return p;
  }
  static Place in(std::int32_t node, std::string_view keyword, std::size_t index) {
    Place p = in(node, keyword);
    p.index = index;
    return p;
  }
};

struct Node {
  const rapidjson::Value* value;  // an object without "$ref", or a boolean
  Place place;
  std::vector<Edge> edges;
};

struct Ref {
  const rapidjson::Value* object;  // the object holding "$ref"
  Place place;
  std::int32_t next = -1;  // the $ref object it points to, if it points to one
  std::int32_t to = -1;    // the node the chain ends at
  bool busy = false;
};

class Members;

class Graph {
 public:
  // Throws ConfigError "name: /pointer: problem" for a $ref that does not resolve, a $ref
  // cycle without a subschema in between, or a keyword that does not hold schemas.
  Graph(const rapidjson::Value& root, std::string name);
  ~Graph();

  std::vector<Node> nodes;
  std::vector<Ref> refs;
  std::int32_t root = -1;

  std::string pointer(const Place& place) const;
  std::string ref_pointer(std::int32_t ref) const { return pointer(refs[ref].place) + "/$ref"; }
  std::string_view ref_text(std::int32_t ref) const;
  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;
  // A cycle of subschemas applied to the same value, given by its $refs in order.
  [[noreturn]] void fail_cycle(const std::vector<std::int32_t>& refs) const;

  // The schema for valijson: {"$ref": "#/definitions/R", "definitions": [node 0, node 1, ...]}.
  // every_node: {"anyOf": [{"$ref": "#/definitions/0"}, ... one per node], "definitions": ...},
  // never evaluated as a whole: valijson parses every node, and the anyOf's i-th subschema is
  // node i (kProperties names nodes so; validation starts at node `root`).
  enum class Root : bool { ref, every_node };
  void flatten(rapidjson::Document& out, Root root = Root::ref) const;

 private:
  std::int32_t position(const rapidjson::Value& v, const Place& place, const char* expected = nullptr);
  std::int32_t follow(std::int32_t ref);
  std::int32_t node_for(const rapidjson::Value& v, const Place& place);
  std::int32_t ref_for(const rapidjson::Value& v, const Place& place);
  void expand(std::int32_t n);

  const rapidjson::Value& root_value_;
  std::string name_;
  std::unordered_map<const rapidjson::Value*, std::int32_t> node_of_, ref_of_, target_of_;
  std::vector<std::int32_t> todo_;
  std::unique_ptr<Members> members_;  // mutable lookups: pointer() is const
};

// Throws ConfigError "name: /pointer: problem" when valijson could not evaluate the graph
// in bounded stack or time: a $ref cycle through allOf/anyOf/oneOf/not/if/then/else/
// dependencies, more than a fixed number of subschema checks per payload value, or a
// nesting deeper than its recursion can take.
void check_limits(const Graph& g);

}  // namespace wxlint::schema_graph
