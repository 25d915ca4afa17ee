// The manifest `wxlint snapshot pull` writes beside the pages (or one written by hand): when
// the snapshot was taken, and the request each page answered.
#pragma once

#include "engine/data_file.hpp"

#include <rapidjson/document.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wxlint::snapshot {

struct Manifest {
  std::int64_t captured_at = 0;  // seconds since the epoch
  // Per page (its path as the snapshot's files are named, lexically normal): whether its
  // request asked for callingData=true. Only pages the manifest lists with their URL.
  std::map<std::string, bool> asked_calling_data;
  // Per page that names its kind ("people", as snapshot pull writes it): that kind.
  std::map<std::string, std::string> kind_of;
  // Per kind whose pages say how many items the list has ("total", as the contacts search
  // answers): the last page's total and its pointer, and the items its pages hold ("items").
  struct Count {
    std::int64_t total = -1, items = 0;
    std::string pointer;
  };
  std::map<std::string, Count> counts;
  // Every page it lists: its path (as above), and the pointer of its entry.
  std::vector<std::pair<std::string, std::string>> pages;
};

// The manifest a file is (it has "capturedAt"), or nullopt. A bad or future capturedAt fails
// at its place.
std::optional<Manifest> read_manifest(const DataFile& file, const rapidjson::Value& root);

}  // namespace wxlint::snapshot
