#include "config/operation_globs.hpp"

namespace wxlint {

OperationGlobs::OperationGlobs(const std::vector<OperationGlob>& globs) {
  globs_.reserve(globs.size());
  for (const auto& g : globs) globs_.emplace_back(Glob(g.files), g.operation);
}

const std::string* OperationGlobs::operation_for(std::string_view relative_path) const {
  for (const auto& [glob, operation] : globs_)
    if (glob.matches(relative_path)) return &operation;
  return nullptr;
}

std::shared_ptr<const OperationGlobs> compile_operation_globs(const std::vector<OperationGlob>& globs) {
  return globs.empty() ? nullptr : std::make_shared<const OperationGlobs>(globs);
}

std::string Config::operation_for(const std::string& file) const {
  if (!compiled_operation_globs) return {};
  const std::string* op = compiled_operation_globs->operation_for(relative_to(file, base_dir));
  return op ? *op : std::string();
}

}  // namespace wxlint
