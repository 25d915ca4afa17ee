// The C ABI's options (wxlint_linter_new_embedded): any bytes as the options JSON. When
// they load, a small payload with findings of several rules is linted with them and
// everything is freed, as a C caller would.
#include <wxlint/wxlint.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string options(reinterpret_cast<const char*>(data), size);  // cut at a NUL, as C reads it
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  if (wxlint_linter_new_embedded(options.c_str(), &linter, &error) != WXLINT_OK) {
    wxlint_string_free(error);
    return 0;
  }
  static const char payload[] =
      R"({"usersList": [{"locationId": "x", "validate": true, "users": [{}, [], {"userId": "y", "extension": "1"},)"
      R"( {"userId": "y", "extension": "911", "phoneNumber": "12"}]}], "extra": 1})";
  wxlint_result* result = nullptr;
  if (wxlint_lint(linter, payload, std::strlen(payload), "fuzz.json", nullptr, &result, &error) == WXLINT_OK) {
    (void)wxlint_result_json(result, nullptr);
    (void)wxlint_result_count(result, -1);
    wxlint_result_free(result);
  }
  wxlint_string_free(error);
  wxlint_linter_free(linter);
  return 0;
}
