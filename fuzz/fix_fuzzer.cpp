// Arbitrary bytes through Linter::fix with every fix, unsafe ones included (what
// `check --fix --unsafe-fixes` runs): whatever was fixed must still be JSON, its lint must
// offer no fix any more, and nothing outside the reported changes may differ.
#include "document/document.hpp"

#include <wxlint/linter.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const wxlint::Linter linter = wxlint::Linter::embedded();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const wxlint::FixResult r = linter.fix(text, "fuzz.json", true);
  if (r.applied == 0) {
    if (r.text != text || !r.changes.empty()) std::abort();
    return 0;
  }
  const wxlint::Document fixed(r.text);
  if (!fixed.parsed()) std::abort();  // a fix broke the JSON
  if (r.passes < wxlint::Linter::kMaxFixPasses)
    for (const auto& d : r.report.diagnostics)
      if (d.fix) std::abort();  // fixing stopped with a fix still offered
  // Outside the changed ranges, the bytes are the input's.
  std::size_t old_at = 0, new_at = 0;
  for (const auto& c : r.changes) {
    if (c.old_offset < old_at || c.old_offset - old_at != c.new_offset - new_at) std::abort();
    if (text.compare(old_at, c.old_offset - old_at, r.text, new_at, c.new_offset - new_at) != 0) std::abort();
    old_at = c.old_offset + c.old_length;
    new_at = c.new_offset + c.new_length;
  }
  if (text.size() - old_at != r.text.size() - new_at || text.compare(old_at, std::string::npos, r.text, new_at) != 0)
    std::abort();
  return 0;
}
