// A compiled fast path for the common draft-07 keywords. It reports raw failures in the
// order valijson would, so schema_layer.cpp turns both into the same SchemaFailure list.
#pragma once

#include "engine/pattern.hpp"
#include "engine/regex.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::schema_fast {

enum class Fail : std::uint8_t { required, additional, type, enum_, const_, min_items, max_items, length, range, pattern };

// One step of the instance path: a member name or an array index.
struct Step {
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;
  // A member additionalProperties checks (each of a repeated key is visited), or one that
  // properties and patternProperties may both check: its failures are reported once.
  bool unknown = false;
};

struct Failure {
  Fail kind;
  const rapidjson::Value* value;  // the instance value that failed
  std::string_view property;      // required: the missing member
  std::string sentence;           // min/max keywords: valijson's description; pattern: the regex
};

class Sink {
 public:
  virtual void fail(const std::vector<Step>& path, const Failure& f) = 0;

 protected:
  ~Sink() = default;
};

class Program {
 public:
  // nullptr when the schema uses a keyword or form the fast path does not handle.
  // `schema` must outlive the program (nodes point into it).
  static std::unique_ptr<Program> compile(const rapidjson::Value& schema);
  ~Program();
  void run(const rapidjson::Value& root, Sink& sink) const;

  struct Node;

 private:
  Program();
  std::vector<Node> nodes_;
  std::int32_t root_ = -1;
  friend class Compiler;
};


// Shared by the compiler and the evaluator (schema_compile.cpp, schema_eval.cpp).
enum : std::uint8_t { kNull = 1, kBool = 2, kObject = 4, kArray = 8, kNumber = 16, kString = 32, kInteger = 64 };
inline std::string_view sv(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }
// A number's value. Not valijson's asDouble(), which takes an integer past INT64_MAX through
// int64_t: 9223372036854775808 became negative, and "must be at least 0".
inline double as_double(const rapidjson::Value& v) {
  if (v.IsDouble()) return v.GetDouble();
  if (v.IsInt64()) return static_cast<double>(v.GetInt64());
  return static_cast<double>(v.GetUint64());
}

inline constexpr std::uint64_t kUnbounded = std::numeric_limits<std::uint64_t>::max();

struct Program::Node {
  std::int32_t ref = -1;  // a pure {"$ref"}: evaluate that node instead
  std::uint8_t types = 0;  // 0: no "type"
  bool has_enum = false;
  std::vector<const rapidjson::Value*> enum_values;
  const rapidjson::Value* const_value = nullptr;
  std::int32_t items = -1;
  bool has_xmax = false, has_max = false, has_xmin = false, has_min = false;
  double xmax = 0, max = 0, xmin = 0, min = 0;
  std::uint64_t max_items = kUnbounded, min_items = 0;
  std::uint64_t max_length = kUnbounded, min_length = 0;
  struct Prop {
    std::string_view name;
    std::int32_t node;
  };
  std::vector<Prop> props;  // sorted by name: valijson keeps them in a std::map
  std::shared_ptr<const Regex> pattern;  // "pattern": RE2, linear time
  struct PatternProp {
    std::shared_ptr<const Regex> name;
    std::int32_t node;
  };
  std::vector<PatternProp> pattern_props;  // "patternProperties", in the schema's order
  enum class Extra : std::uint8_t { any, closed, schema } extra = Extra::any;
  std::int32_t extra_node = -1;
  std::vector<std::string_view> required;  // sorted and unique, as valijson's std::set
  std::vector<std::int32_t> required_prop;  // index into props, or -1
  // Nothing but "type" (set by the compiler from every field above): a value of the right
  // type passes without being visited.
  bool type_only = false;

  int find(std::string_view name) const {
    if (props.size() <= 8) {
      for (std::size_t i = 0; i < props.size(); ++i)
        if (props[i].name.size() == name.size() && same_bytes(props[i].name.data(), name.data(), name.size()))
          return static_cast<int>(i);
      return -1;
    }
    auto it = std::lower_bound(props.begin(), props.end(), name, [](const Prop& p, std::string_view n) { return p.name < n; });
    return it != props.end() && it->name == name ? static_cast<int>(it - props.begin()) : -1;
  }
};

}  // namespace wxlint::schema_fast
