// A configuration's "operations" globs, compiled once: a batch matches every file against them.
#pragma once

#include "config/glob.hpp"

#include <wxlint/config.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wxlint {

class OperationGlobs {
 public:
  explicit OperationGlobs(const std::vector<OperationGlob>& globs);
  // The operation of the first glob that matches `relative_path`, or null.
  const std::string* operation_for(std::string_view relative_path) const;

 private:
  std::vector<std::pair<Glob, std::string>> globs_;
};

// Null when there are none.
std::shared_ptr<const OperationGlobs> compile_operation_globs(const std::vector<OperationGlob>& globs);

}  // namespace wxlint
