// What a lint knows besides the payload, reachable by every check through its Emitter:
// read-only, shared by every thread, never global.
#pragma once

#include <string>

namespace wxlint {

namespace snapshot {
class Store;
}

struct LintContext {
  const snapshot::Store* snapshot = nullptr;  // the org snapshot, when one was given
  std::string region;  // national-format phone numbers' default region ("US"), "" none
  // For the requests of an envelope: its "path" (the resource the request is about, such as
  // the person an update changes); "" for a bare request body.
  std::string request_path;
};

}  // namespace wxlint
