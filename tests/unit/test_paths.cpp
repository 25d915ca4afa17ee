// Expanding a run's paths, and passing over the snapshot's own files.
#include <catch2/catch.hpp>

#include <wxlint/config.hpp>
#include <wxlint/error.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Tree {
  fs::path root;
  Tree() {
    std::string tmpl = (fs::temp_directory_path() / "wxlint-paths-XXXXXX").string();
    root = ::mkdtemp(tmpl.data());
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string file(const std::string& rel) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << "{}";
    return (root / rel).string();
  }
};

}  // namespace

TEST_CASE("paths: a directory search passes over .wxlint.json, a named one is kept", "[paths]") {
  Tree t;
  const std::string a = t.file("p/a.json"), config = t.file("p/.wxlint.json"), b = t.file("p/sub/b.json");
  t.file("p/sub/.wxlint.json");
  t.file("p/.hidden/c.json");
  CHECK(wxlint::expand_paths({(t.root / "p").string()}).files == std::vector<std::string>{a, b});
  CHECK(wxlint::expand_paths({config}).files == std::vector<std::string>{config});
}

TEST_CASE("paths: the snapshot's files are dropped however either is spelt", "[paths]") {
  Tree t;
  const std::string payload = t.file("p/a.json"), page = t.file("p/org/people.json");
  const std::string other = t.file("q/b.json");
  fs::create_directory_symlink(t.root / "p" / "org", t.root / "q" / "org-link");
  fs::create_symlink(t.root / "p" / "org" / "people.json", t.root / "q" / "page-link.json");
  const std::string dotted = (t.root / "q" / ".." / "p" / "org" / "people.json").string();
  std::vector<std::string> files{payload, page, other, (t.root / "q" / "org-link" / "people.json").string(),
                                 (t.root / "q" / "page-link.json").string(), dotted, "-"};
  wxlint::drop_snapshot_files(files, {(t.root / "p" / "org").string()});
  CHECK(files == std::vector<std::string>{payload, other, "-"});
  // The snapshot named through a link, and relative to the working directory.
  files = {payload, page};
  const fs::path before = fs::current_path();
  fs::current_path(t.root / "q");
  wxlint::drop_snapshot_files(files, {"org-link"});
  fs::current_path(before);
  CHECK(files == std::vector<std::string>{payload});
}

TEST_CASE("paths: the nearest .wxlint.json that cannot be read stops the search", "[paths]") {
  Tree t;
  const std::string above = t.file(".wxlint.json");
  fs::create_directories(t.root / "p");
  const std::string start = (t.root / "p").string(), nearest = (t.root / "p" / ".wxlint.json").string();
  CHECK(wxlint::find_config(start) == above);
  // Passed over, the one above would apply: a policy the project replaced.
  const std::string tail = "; fix or remove it (wxlint uses the nearest .wxlint.json only, it does not fall back to one above)";
  const auto refused = [&] {
    try {
      wxlint::find_config(start);
    } catch (const wxlint::ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  fs::create_symlink("../shared/wxlint.json", nearest);
  CHECK(refused() == nearest + ": it is a symbolic link to ../shared/wxlint.json, which does not exist" + tail);
  fs::remove(nearest);
  fs::create_symlink(".wxlint.json", nearest);
  CHECK(refused() == nearest + ": it is a symbolic link to .wxlint.json that never reaches a file (a loop)" + tail);
  fs::remove(nearest);
  fs::create_symlink("/dev/null", nearest);
  CHECK(refused() == nearest + ": it links to a character device, not a file" + tail);
  fs::remove(nearest);
  fs::create_directory(nearest);
  CHECK(refused() == nearest + ": it is a directory, not a file" + tail);
  fs::remove(nearest);
  REQUIRE(::mkfifo(nearest.c_str(), 0600) == 0);
  CHECK(refused() == nearest + ": it is a FIFO, not a file" + tail);
  fs::remove(nearest);
  CHECK(wxlint::find_config(start) == above);
}
