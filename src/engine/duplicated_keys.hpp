// Internal: the JSON Pointers of a document's duplicated keys. A pointer through one names
// two values, so neither a fix's edit nor a finding's place can be found from it alone.
#pragma once

#include "document/document.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

namespace wxlint {

class DuplicatedKeys {
 public:
  explicit DuplicatedKeys(const Document& doc) {
    for (const ParseIssue& i : doc.issues())
      if (i.kind == ParseIssue::Kind::duplicate_key) pointers_.push_back(i.pointer);
    std::sort(pointers_.begin(), pointers_.end());
  }
  // Whether `ptr` is, or is below, a duplicated key. "" (more duplicates than were listed)
  // makes every pointer so.
  bool under(std::string_view ptr) const {
    if (pointers_.empty()) return false;
    for (std::size_t end = 0;;) {  // each of its prefixes that ends before a '/' or at its end
      if (std::binary_search(pointers_.begin(), pointers_.end(), ptr.substr(0, end))) return true;
      if (end == ptr.size()) return false;
      end = std::min(ptr.find('/', end + 1), ptr.size());
    }
  }

 private:
  std::vector<std::string_view> pointers_;
};

}  // namespace wxlint
