// Arbitrary bytes through the parser, the locator and the whole lint (embedded catalogue),
// once detected and once forced to each operation, so the rule layers see every shape.
#include <wxlint/linter.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const wxlint::Linter linter = wxlint::Linter::embedded();
  static const std::vector<wxlint::OperationDoc> ops = linter.operations();
  std::string text(reinterpret_cast<const char*>(data), size);
  (void)linter.lint(text, "fuzz.json");
  // One forced operation per input, picked by its size, keeps each run cheap.
  if (!ops.empty()) (void)linter.lint(std::move(text), "fuzz.json", ops[size % ops.size()].id);
  return 0;
}
