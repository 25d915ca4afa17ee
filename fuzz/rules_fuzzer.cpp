// The rules-file loader: the input replaces the move-users rules file.
#include "catalogue_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::run(data, size, "rules/validateOrInitiateMoveUsersJob.rules.json",
            R"({"usersList": [{"locationId": "x", "validate": true, "users": [{"userId": "u", "extension": "1"},)"
            R"( {"userId": "u", "phoneNumber": "408 555"}]}, {"users": []}], "extra": {"a": [1, 2.5, null]}})");
  return 0;
}
