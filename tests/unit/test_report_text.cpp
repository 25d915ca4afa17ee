// The text format, whole (to_text) and streamed in chunks (write_text): the same bytes.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <wxlint/report.hpp>

using namespace wxlint;

TEST_CASE("text report: streamed in chunks it is the same as whole", "[report]") {
  // Enough files and findings to cross the 64 KB chunk several times, and a file with none.
  std::vector<FileReport> files;
  for (int i = 0; i < 1000; ++i) {
    FileReport f;
    f.path = "batch/" + std::to_string(i) + ".json";
    for (std::uint32_t k = 0; k < static_cast<std::uint32_t>(i % 7); ++k) {
      Diagnostic d;
      d.code = k % 2 ? "4202" : "WX2002";
      d.severity = k % 3 ? Severity::error : Severity::warning;
      d.rule = "move-users/rule-" + std::to_string(k);
      d.message = std::string(40 + 13 * k, 'm') + " \"value\"";
      d.location = {"/usersList/0/users/" + std::to_string(k), 10 * k + 1, k + 5, 10 * k + 1, k + 9};
      f.diagnostics.push_back(d);
    }
    files.push_back(f);
  }
  for (bool summary : {true, false}) {
    std::ostringstream streamed;
    write_text(streamed, files, summary);
    const std::string whole = to_text(files, summary);
    CHECK(whole.size() > (std::size_t{3} << 16));
    CHECK(streamed.str() == whole);
  }
  std::ostringstream none;
  write_text(none, {}, true);
  CHECK(none.str() == "0 files checked: no findings\n");
  CHECK(to_text({}, true) == none.str());
}
