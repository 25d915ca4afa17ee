// The loaded snapshot: its tables by name, where it came from, and what is wrong with it.
#pragma once

#include "snapshot/table.hpp"

#include <wxlint/snapshot.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wxlint::snapshot {

// The tables every snapshot has (empty and not loaded until a file of their kind is):
// people, numbers, locations, callingLocations, licences, callParkExtensions,
// virtualExtensions, contacts, and extensions (derived: every holder of an extension in a
// location). Rules name them; they are checked when the rules load, without a snapshot.
std::vector<Table> make_tables();
// "people ({\"items\": [persons]}), numbers ({\"phoneNumbers\": [...]}), ..." for messages.
std::string known_kinds();

class Store {
 public:
  // Files 0..count-1, each asked of read() when it is loaded and dropped after (and asked
  // again for the few that an inconsistency names). Throws ConfigError naming the file,
  // line, column and pointer of a bad file; whatever read() throws. `region`: where national-
  // format numbers are read when their location's country is unknown (Snapshot::load).
  Store(std::size_t count, const std::function<Snapshot::File(std::size_t)>& read, std::string_view region = {});

  const Table* table(std::string_view name) const;
  const std::vector<Table>& tables() const { return tables_; }
  const std::vector<Snapshot::KindCount>& kinds() const { return kinds_; }
  std::optional<std::int64_t> captured_at() const { return captured_at_; }
  bool from_manifest() const { return from_manifest_; }
  const std::vector<std::string>& inconsistencies() const { return inconsistencies_; }

 private:
  friend class Loader;
  std::vector<Table> tables_;
  std::vector<Snapshot::KindCount> kinds_;
  std::optional<std::int64_t> captured_at_;
  bool from_manifest_ = false;
  std::vector<std::string> inconsistencies_;
};

// The region code (US, IE...) of the country of the location whose id has this normal form
// (snapshot::normalise), when the snapshot's locations list gives one; else "". National-format
// numbers of a payload are read there.
std::string location_region(const Store& store, std::string_view location);

}  // namespace wxlint::snapshot
