// An org snapshot: the Webex API's own list responses, saved as files, that let rules
// predict errors the API only finds online (an extension already taken in the target
// location, a userId that is not in the organisation). Loaded once, read-only, shared
// by every lint. Bad files are thrown as ConfigError ("file:line:col: /pointer: problem").
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wxlint {

namespace snapshot {
class Store;
}

class Snapshot {
 public:
  struct File {
    std::string name;  // used in messages
    std::string text;
    std::int64_t mtime = 0;  // seconds since the epoch; 0 = unknown
  };
  struct KindCount {
    std::string kind;       // "people", "numbers", ...
    std::size_t files = 0;  // pages merged
    std::size_t items = 0;
  };

  Snapshot();  // empty: no tables loaded
  // Files, or directories searched recursively for *.json (sorted). Throws IoError/ConfigError.
  // A phone number in national format ("021 234 5678") is read in the country of its row's
  // location when the snapshot's locations list gives one, else in `region` ("IE", as
  // LinterOptions::region; "" none), and compared in E.164 form when the plan finds it valid.
  static Snapshot load(const std::vector<std::string>& paths, const std::string& region = "");
  static Snapshot from_files(std::vector<File> files, const std::string& region = "");

  bool empty() const;
  std::vector<KindCount> kinds() const;
  // When it was captured: a manifest's capturedAt, else the oldest file's mtime.
  std::optional<std::int64_t> captured_at() const;
  bool captured_from_manifest() const;
  // The snapshot's own inconsistencies, each "file:line:col: /pointer: problem".
  const std::vector<std::string>& inconsistencies() const;

  const snapshot::Store* store() const { return store_.get(); }

 private:
  std::shared_ptr<const snapshot::Store> store_;
};

}  // namespace wxlint
