#include "report/fingerprints.hpp"

#include "document/stable_hash.hpp"

#include <map>

namespace wxlint::report {

std::vector<std::string> fingerprints(const FileReport& f, const std::string& file) {
  std::vector<std::uint64_t> base;
  std::map<std::uint64_t, std::size_t> shared;
  for (const Diagnostic& d : f.diagnostics) {
    base.push_back(detail::fnv1a_parts({d.rule, d.key.empty() ? d.location.pointer : d.key, file}));
    ++shared[base.back()];
  }
  std::vector<std::string> out;
  std::map<std::uint64_t, std::size_t> seen;  // of the message-told hashes
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::uint64_t h = base[i];
    // Alone, as before messages counted: a finding keeps its fingerprint when its wording changes.
    if (shared[h] > 1) {
      h = detail::fnv1a(f.diagnostics[i].message, h);
      if (const std::size_t turn = seen[h]++) h = detail::fnv1a(std::to_string(turn), h);
    }
    out.push_back(detail::hex16(h));
  }
  return out;
}

}  // namespace wxlint::report
