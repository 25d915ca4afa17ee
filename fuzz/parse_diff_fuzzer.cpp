// Differential: arbitrary bytes through the fast reader and through RapidJSON's reader
// must give the same Document (outcome, issues, DOM down to number types), with strings
// copied and with strings referenced; and values placed from the DOM where the skim
// alone places them.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>

#include "document_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const bool referenced = size % 2 == 1;
  const wxlint::Document fast(text, referenced, true), slow(text, referenced, false);
  std::string diff = wxlint::testing::document_diff(fast, slow);
  if (diff.empty() && fast.parsed()) diff = wxlint::testing::span_diff(fast, wxlint::Document(text, false, false), 4096);
  if (!diff.empty()) {
    std::fprintf(stderr, "fast reader and RapidJSON differ: %s\n", diff.c_str());
    std::abort();
  }
  return 0;
}
