// A rule file layered on top of the embedded catalogue (LinterOptions::rule_files): the
// input names an operation, adds settings and rules (pattern regexes included), then lints.
#include "catalogue_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = (fuzz::scratch_dir() / "policy.rules.json").string();
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                static_cast<std::streamsize>(size));
  try {
    wxlint::LinterOptions options;
    options.rule_files = {path};
    const wxlint::Linter linter = wxlint::Linter::embedded(options);
    (void)linter.lint(R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "contacts": [{"displayName": "Room 4B",)"
                      R"( "source": "CH", "emails": [{"value": "a@gmail.com"}], "phoneNumbers": [{"value": "+14155550100"}]}]})",
                      "payload.json");
    (void)linter.lint(R"({"usersList": [{"locationId": "x", "validate": true, "users": [{"userId": "u", "extension": "3001"}]}]})",
                      "payload.json");
  } catch (const wxlint::ConfigError&) {
  } catch (const wxlint::IoError&) {
  }
  return 0;
}
