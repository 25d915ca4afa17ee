// The org snapshot loader: any bytes as one snapshot file, then again split at the first
// NUL into two pages (pages merge); when it loads, lint a move-users payload against it.
#include <wxlint/error.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/snapshot.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<wxlint::Snapshot::File> files{{"fuzz.json", text, 0}};
  if (auto nul = text.find('\0'); nul != std::string::npos)
    files = {{"a.json", text.substr(0, nul), 0}, {"b.json", text.substr(nul + 1), 0}};
  try {
    wxlint::Snapshot s = wxlint::Snapshot::from_files(std::move(files));
    (void)s.kinds();
    (void)s.inconsistencies();
    static const std::string payload =
        R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FhYWFhYWFhLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMg",)"
        R"( "validate": true, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE",)"
        R"( "extension": "2001", "phoneNumber": "+14085550101"}, {"userId": "x", "phoneNumber": "+1 408 555 0102"}]}]})";
    wxlint::LinterOptions options;
    options.snapshot_data = s;
    (void)wxlint::Linter::embedded(options).lint(payload, "fuzz/a.json");
  } catch (const wxlint::ConfigError&) {
  }
  return 0;
}
