// The schema loader (valijson behind our keyword checks): the input replaces the
// move-users request schema.
#include "catalogue_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run(data, size, "schemas/validateOrInitiateMoveUsersJob.request.schema.json",
            R"({"usersList": [{"locationId": 5, "validate": "yes", "users": [{"userId": "u", "x": 1}, 7]}], "more": {}})");
  return 0;
}
