// The path from the linted root to the node being visited, kept as a stack while walking
// so that a JSON Pointer string is only built when a finding needs one.
#pragma once

#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint {

struct Step {
  const rapidjson::Value* value;  // the node reached by this step
  std::string_view key;           // member name, when the parent is an object
  std::size_t index = 0;          // element index, or the member's position in its object
  bool is_key = false;
};

class Path {
 public:
  explicit Path(const rapidjson::Value& root) {
    steps_.reserve(16);  // one allocation for the usual depths
    steps_.push_back({&root, {}, 0, false});
  }
  // `pos`: the member's position in its object (unique's compact paths use it).
  void push_key(std::string_view key, std::size_t pos, const rapidjson::Value& v) { steps_.push_back({&v, key, pos, true}); }
  void push_index(std::size_t i, const rapidjson::Value& v) { steps_.push_back({&v, {}, i, false}); }
  void pop() { steps_.pop_back(); }

  const rapidjson::Value& node() const { return *steps_.back().value; }
  std::size_t depth() const { return steps_.size() - 1; }
  const Step& step(std::size_t i) const { return steps_[i]; }  // 0 = root
  // The JSON Pointer of the node `up` levels above the current one (relative to the linted root).
  std::string pointer(std::size_t up = 0) const;
  // The member name or index of the current node as text ("" at the root).
  std::string last_token() const;

 private:
  std::vector<Step> steps_;
};

}  // namespace wxlint
