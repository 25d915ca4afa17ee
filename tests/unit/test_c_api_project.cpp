// The C ABI's additions for the Python package: a project's .wxlint.json (ignores included)
// and baseline in the options, files and paths linted as `wxlint check` lints them, the
// catalogue, and WXLINT_E_SNAPSHOT from wxlint_linter_new only.
#include <wxlint/config.hpp>
#include <wxlint/linter.hpp>
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <rapidjson/document.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

std::int64_t seconds_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string take(char*& s) {
  std::string out = s ? s : "";
  wxlint_string_free(s);
  s = nullptr;
  return out;
}

// A scratch directory holding files, removed afterwards.
struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("wxlint-c-api-" + std::to_string(::getpid()));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((dir / name).parent_path());
    std::ofstream(dir / name, std::ios::binary) << text;
    return (dir / name).string();
  }
};

// Status, and the JSON report's diagnostics' codes joined by ',' ("" for none).
struct Lint {
  int status = -1;
  std::string error, codes, json;
};

Lint codes_of(int status, wxlint_result* result, char* error) {
  Lint out;
  out.status = status;
  out.error = take(error);
  if (result) {
    out.json = wxlint_result_json(result, nullptr);
    rapidjson::Document d;
    d.Parse(out.json.c_str());
    for (const auto& f : d["files"].GetArray())
      for (const auto& diag : f["diagnostics"].GetArray())
        out.codes += (out.codes.empty() ? "" : ",") + std::string(diag["code"].GetString());
  }
  wxlint_result_free(result);
  return out;
}

Lint lint_file(const wxlint_linter* linter, const std::string& path) {
  wxlint_result* result = nullptr;
  char* error = nullptr;
  const int status = wxlint_lint_file(linter, path.c_str(), nullptr, &result, &error);
  return codes_of(status, result, error);
}

wxlint_linter* make(const std::string& options, int expected = WXLINT_OK, std::string* message = nullptr) {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  CHECK(wxlint_linter_new(nullptr, options.c_str(), &linter, &error) == expected);
  const std::string text = take(error);
  if (message) *message = text;
  if (expected == WXLINT_OK) CHECK(text.empty());
  return linter;
}

const char kNoExtension[] =
    R"({"usersList": [{"locationId": "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzVmMDI3OGZlLWU4OGMtNDMzNy04MGViLWRjY2NiM2VlMDU1MA",
        "validate": false, "users": [{"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE", "extension": "", "phoneNumber": ""}]}]})";

}  // namespace

TEST_CASE("c api: a config file's ignores apply to every result", "[c_api]") {
  Scratch s;
  const std::string payload = s.write("payloads/move.json", kNoExtension);
  const std::string config = s.write(".wxlint.json", R"({"ignore": [{"files": "payloads/*.json", "rule": "1026016"}]})");
  wxlint_linter* plain = make("{}");
  wxlint_linter* configured = make(R"({"config": ")" + config + R"("})");
  CHECK(lint_file(plain, payload).codes == "1026016");
  CHECK(lint_file(configured, payload).codes == "");
  // The name given to wxlint_lint is the file the ignores match.
  const auto lint_as = [&](const std::string& name) {
    wxlint_result* result = nullptr;
    char* error = nullptr;
    const int status = wxlint_lint(configured, kNoExtension, sizeof kNoExtension - 1, name.c_str(), nullptr, &result, &error);
    return codes_of(status, result, error).codes;
  };
  CHECK(lint_as(payload) == "");
  CHECK(lint_as((s.dir / "elsewhere.json").string()) == "1026016");
  // The options add to the config's: WX0011 (no operation recognised) is disabled too.
  wxlint_linter* severe = make(R"({"config": ")" + config + R"(", "disabled": ["WX0011"]})");
  CHECK(lint_file(severe, s.write("other/x.json", "{}")).codes == "");
  wxlint_linter_free(plain);
  wxlint_linter_free(configured);
  wxlint_linter_free(severe);
}

TEST_CASE("c api: a config file's \"operations\" pick the operation, as wxlint check's do", "[c_api]") {
  Scratch s;
  const std::string config = s.write(".wxlint.json", R"({"operations": {"people/*.json": "createPerson"}})");
  const std::string payload = s.write("people/x.json", "{\"foo\": 1}");
  wxlint_linter* configured = make(R"({"config": ")" + config + R"("})");
  const auto operation_of = [](const Lint& l) {
    rapidjson::Document d;
    d.Parse(l.json.c_str());
    const auto& op = d["files"][0]["operation"];
    return op.IsString() ? std::string(op.GetString()) : std::string("null");
  };
  CHECK(operation_of(lint_file(configured, payload)) == "Create a Person");
  const auto lint_as = [&](const std::string& name, const char* operation) {
    wxlint_result* result = nullptr;
    char* error = nullptr;
    const int status = wxlint_lint(configured, "{}", 2, name.c_str(), operation, &result, &error);
    return operation_of(codes_of(status, result, error));
  };
  CHECK(lint_as(payload, nullptr) == "Create a Person");  // by its display name
  CHECK(lint_as((s.dir / "other.json").string(), nullptr) == "null");  // no glob maps it: detected, and none is
  CHECK(lint_as(payload, "createContact") == "Create a Contact");  // the caller's operation wins
  wxlint_linter_free(configured);
}

TEST_CASE("c api: a bad config file is an error naming its place", "[c_api]") {
  Scratch s;
  const std::string config = s.write(".wxlint.json", "{\n  \"rules\": {\"1026016\": \"loud\"}\n}");
  std::string message;
  CHECK(make(R"({"config": ")" + config + R"("})", WXLINT_E_CONFIG, &message) == nullptr);
  CHECK(message.rfind(config + ":2:", 0) == 0);
  CHECK(make(R"({"config": 5})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"config\" must be a file path or true");
  CHECK(make(R"({"baseline": ""})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"baseline\" must be a file path");
  // A NUL would end a path early where it is opened: another file would be read.
  CHECK(make(R"({"config": ")" + config + R"(\u0000.bak"})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"config\" must not hold a NUL (\\u0000)");
  CHECK(make(R"({"snapshot": ["a\u0000b"]})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: each \"snapshot\" entry must not hold a NUL (\\u0000)");
  CHECK(make(R"({"rules": ["a\u0000b"]})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: each \"rules\" entry must not hold a NUL (\\u0000)");
  CHECK(make(R"({"baseline": "a\u0000b"})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"baseline\" must not hold a NUL (\\u0000)");
  CHECK(make(R"({"rules": [""]})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: each \"rules\" entry must be a path, not empty");
  CHECK(make(R"({"snapshot": ""})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"snapshot\" must be a path, not empty");
  // As --region "" is refused: an empty region would silently keep the config's.
  CHECK(make(R"({"region": ""})", WXLINT_E_OPTIONS, &message) == nullptr);
  CHECK(message == "options: \"region\" must be a region code (US, GB...), not empty");
}

TEST_CASE("c api: \"config\": true does not pass over a nearest config it cannot read", "[c_api]") {
  Scratch s;
  s.write(".wxlint.json", R"({"ignore": [{"files": "**"}]})");
  fs::create_directories(s.dir / "proj");
  const std::string nearest = (s.dir / "proj" / ".wxlint.json").string();
  fs::create_symlink("../../shared/wxlint.json", nearest);
  const fs::path before = fs::current_path();
  fs::current_path(s.dir / "proj");
  std::string message;
  CHECK(make(R"({"config": true})", WXLINT_E_CONFIG, &message) == nullptr);
  fs::current_path(before);
  CHECK(message == nearest + ": it is a symbolic link to ../../shared/wxlint.json, which does not exist; fix or remove it "
                             "(wxlint uses the nearest .wxlint.json only, it does not fall back to one above)");
}

TEST_CASE("c api: a baseline leaves out the findings it holds", "[c_api]") {
  Scratch s;
  const std::string payload = s.write("move.json", kNoExtension);
  const std::string baseline = s.write("baseline.json", R"({"version": 1, "findings": []})");
  wxlint_linter* empty = make(R"({"baseline": ")" + baseline + R"("})");
  CHECK(lint_file(empty, payload).codes == "1026016");
  wxlint_linter_free(empty);
  std::string message;
  CHECK(make(R"({"baseline": ")" + (s.dir / "missing.json").string() + R"("})", WXLINT_E_IO, &message) == nullptr);
  CHECK(message.find("missing.json") != std::string::npos);
}

TEST_CASE("c api: lint_paths searches directories as wxlint check does", "[c_api]") {
  Scratch s;
  s.write("b/two.json", "{}");
  s.write("a/one.json", kNoExtension);
  s.write(".hidden/three.json", "{}");
  s.write("a/notes.txt", "not json");
  wxlint_linter* linter = make("{}");
  const std::string dir = s.dir.string();
  const char* paths[] = {dir.c_str()};
  wxlint_result* result = nullptr;
  char* error = nullptr;
  int status = wxlint_lint_paths(linter, paths, 1, nullptr, &result, &error);
  const Lint all = codes_of(status, result, error);
  CHECK(all.status == WXLINT_OK);
  CHECK(all.codes == "1026016,WX0011");
  CHECK(all.json.find("\"files\":2,") != std::string::npos);
  // A file named twice, or a directory and a file in it: linted once, as wxlint check does.
  const std::string one = (s.dir / "a" / "one.json").string(), again = (s.dir / "a" / "." / "one.json").string();
  const char* repeated[] = {one.c_str(), again.c_str(), dir.c_str()};
  status = wxlint_lint_paths(linter, repeated, 3, nullptr, &result, &error);
  const Lint once = codes_of(status, result, error);
  CHECK(once.codes == "1026016,WX0011");
  CHECK(once.json.find("\"files\":2,") != std::string::npos);
  s.write("empty/.keep", "");
  const std::string empty_dir = (s.dir / "empty").string();
  const char* empty[] = {empty_dir.c_str()};
  status = wxlint_lint_paths(linter, empty, 1, nullptr, &result, &error);
  const Lint nothing = codes_of(status, result, error);
  CHECK(nothing.status == WXLINT_E_IO);
  CHECK(nothing.error == "no *.json files found in the given paths");
  CHECK(wxlint_lint_paths(linter, nullptr, 1, nullptr, &result, nullptr) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(wxlint_lint_paths(linter, paths, 1, "nope", &result, nullptr) == WXLINT_E_UNKNOWN_OPERATION);
  CHECK(lint_file(linter, (s.dir / "missing.json").string()).status == WXLINT_E_IO);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: lint_paths lints every readable file, and names the others", "[c_api]") {
  Scratch s;
  s.write("d/a.json", kNoExtension);
  s.write("d/c.json", "{}");
  std::filesystem::create_symlink(s.dir / "d" / "nowhere", s.dir / "d" / "b.json");
  REQUIRE(mkfifo((s.dir / "d" / "f.json").c_str(), 0600) == 0);  // never opened: it would wait for a writer
  wxlint_linter* linter = make("{}");
  const std::string dir = (s.dir / "d").string(), missing = (s.dir / "missing.json").string();
  const char* paths[] = {dir.c_str(), missing.c_str()};
  wxlint_result* result = nullptr;
  char* error = nullptr;
  const int status = wxlint_lint_paths(linter, paths, 2, nullptr, &result, &error);
  REQUIRE(result != nullptr);  // the others' reports, beside the status that says not all were linted
  const Lint lint = codes_of(status, result, error);
  CHECK(lint.status == WXLINT_E_IO);
  CHECK(lint.codes == "1026016,WX0011");
  const std::string not_linted[] = {dir + "/b.json: a link to " + (s.dir / "d" / "nowhere").string() + ", which does not exist",
                                    dir + "/f.json: not a regular file (a FIFO, socket or device): cannot read it as JSON",
                                    missing + ": No such file or directory"};
  CHECK(lint.error == not_linted[0] + "\n" + not_linted[1] + "\n" + not_linted[2]);
  rapidjson::Document d;
  d.Parse(lint.json.c_str());
  REQUIRE(d["notLinted"].Size() == 3);
  for (rapidjson::SizeType i = 0; i < 3; ++i) CHECK(std::string(d["notLinted"][i].GetString()) == not_linted[i]);
  CHECK(d["summary"]["files"].GetUint() == 2);
  CHECK(d["summary"]["notLinted"].GetUint() == 3);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: lint_paths passes over the linter's own files, as wxlint check does", "[c_api]") {
  Scratch s;
  s.write("p/move.json", kNoExtension);
  const std::string config = s.write("p/.wxlint.json", "{}");
  const std::string rules = s.write("p/org.rules.json", R"({"operation": "validateOrInitiateMoveUsersJob", "rules": []})");
  const std::string baseline = s.write("p/base.json", R"({"version": 2, "findings": []})");
  wxlint_linter* linter = make(R"({"config": ")" + config + R"(", "rules": [")" + rules + R"("], "baseline": ")" +
                               baseline + R"("})");
  const std::string dir = (s.dir / "p").string();
  const char* paths[] = {dir.c_str(), rules.c_str(), baseline.c_str()};
  wxlint_result* result = nullptr;
  char* error = nullptr;
  const int status = wxlint_lint_paths(linter, paths, 3, nullptr, &result, &error);
  const Lint lint = codes_of(status, result, error);
  CHECK(lint.status == WXLINT_OK);
  CHECK(lint.codes == "1026016");  // move.json alone: no WX0011 for the others
  CHECK(lint.json.find("\"files\":1,") != std::string::npos);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: a bad snapshot is WXLINT_E_SNAPSHOT from wxlint_linter_new only", "[c_api]") {
  Scratch s;
  const std::string bad = s.write("snap/people.json", "{\"items\": [\n  {\"id\": 5}\n]}");  // items of no known kind
  const std::string options = R"({"snapshot": [")" + bad + R"("]})";
  std::string message;
  CHECK(make(options, WXLINT_E_SNAPSHOT, &message) == nullptr);
  CHECK(message.rfind(bad + ":2:3: /items/0: an item of none of the kinds an \"items\" list holds: ", 0) == 0);
  CHECK(std::string(wxlint_status_string(WXLINT_E_SNAPSHOT)) == "invalid snapshot");
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  CHECK(wxlint_linter_new_embedded(options.c_str(), &linter, &error) == WXLINT_E_CONFIG);
  CHECK(take(error) == message);
}

TEST_CASE("c api: a config's missing snapshot path is named where the config names it", "[c_api]") {
  Scratch s;
  const std::string config = s.write("proj/.wxlint.json", "{\n  \"snapshot\": [\"org\"]\n}\n");
  std::string message;
  CHECK(make(R"({"config": ")" + config + R"("})", WXLINT_E_SNAPSHOT, &message) == nullptr);
  CHECK(message == config + ":2:16: /snapshot/0: no snapshot file or directory " + (s.dir / "proj" / "org").string());
}

TEST_CASE("c api: what a snapshot holds, as snapshot info --format json prints it", "[c_api]") {
  Scratch s;
  // One number held by two owners: an inconsistency, which is no error.
  const std::string numbers = s.write("org/numbers.json", R"({"phoneNumbers": [
  {"phoneNumber": "+14085550101", "owner": {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iYmJiYmJiYi0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMGE", "type": "PEOPLE", "firstName": "Ann"}},
  {"phoneNumber": "+14085550101", "owner": {"id": "Y2lzY29zcGFyazovL3VzL1BMQUNFL2JiYmJiYmJiLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwYg", "type": "PLACE", "displayName": "Lobby"}}]})");
  s.write("org/manifest.json", R"({"capturedAt": "2026-01-02T03:04:05Z"})");
  const std::string org = (s.dir / "org").string();
  char* json = nullptr;
  char* error = nullptr;
  // The library's clock: time() reads a coarser one, which may lag it across a second.
  const std::int64_t before = seconds_now();
  REQUIRE(wxlint_snapshot_info((R"({"snapshot": ")" + org + R"("})").c_str(), &json, &error) == WXLINT_OK);
  const std::int64_t after = seconds_now();
  CHECK(error == nullptr);
  rapidjson::Document d;
  d.Parse(take(json).c_str());
  REQUIRE(d.IsObject());
  CHECK(d["pages"].GetUint64() == 1);
  REQUIRE(d["kinds"].Size() == 1);
  CHECK(std::string(d["kinds"][0]["kind"].GetString()) == "numbers");
  CHECK(d["kinds"][0]["pages"].GetUint64() == 1);
  CHECK(d["kinds"][0]["items"].GetUint64() == 2);
  CHECK(std::string(d["capturedAt"].GetString()) == "2026-01-02T03:04:05Z");
  CHECK(std::string(d["capturedFrom"].GetString()) == "manifest");
  CHECK(d["ageSeconds"].GetInt64() >= before - 1767323045);  // seconds since 2026-01-02T03:04:05Z
  CHECK(d["ageSeconds"].GetInt64() <= after - 1767323045);
  REQUIRE(d["inconsistencies"].Size() == 1);
  CHECK(std::string(d["inconsistencies"][0].GetString()) ==
        numbers + ":3:3: /phoneNumbers/1: number +14085550101 is held by two owners: Lobby (PLACE) here and Ann "
                  "(PEOPLE) at " + numbers + ":2:3: /phoneNumbers/0");

  // Without a snapshot, with a bad one, with a bad region, and without somewhere to put the answer.
  CHECK(wxlint_snapshot_info("{}", &json, &error) == WXLINT_E_OPTIONS);
  CHECK(json == nullptr);
  CHECK(take(error) == "options: no snapshot given: \"snapshot\" names none (nor does a config)");
  const std::string bad = s.write("bad/people.json", "{\"items\": [\n  {\"id\": 5}\n]}");
  CHECK(wxlint_snapshot_info((R"({"snapshot": ")" + bad + R"("})").c_str(), &json, &error) == WXLINT_E_SNAPSHOT);
  CHECK(take(error).rfind(bad + ":2:3: /items/0: ", 0) == 0);
  CHECK(wxlint_snapshot_info((R"({"snapshot": ")" + org + R"(", "region": "XX"})").c_str(), &json, &error) ==
        WXLINT_E_CONFIG);
  CHECK(take(error) == "region: \"XX\" is not a region code of the numbering plans (two letters, such as US, GB or DE)");
  CHECK(wxlint_snapshot_info("{}", nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == "json must not be NULL");
}

TEST_CASE("c api: the catalogue as JSON", "[c_api]") {
  wxlint_linter* linter = make("{}");
  char* json = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_linter_rules_json(linter, &json, &error) == WXLINT_OK);
  rapidjson::Document d;
  d.Parse(take(json).c_str());
  REQUIRE(d.IsArray());
  bool found = false;
  for (const auto& r : d.GetArray())
    if (std::string(r["code"].GetString()) == "1026016") {
      found = true;
      CHECK(std::string(r["id"].GetString()) == "move-users/number-or-extension");
      CHECK(std::string(r["severity"].GetString()) == "error");
      CHECK(std::string(r["operation"].GetString()) == "validateOrInitiateMoveUsersJob");
      CHECK(r["failExample"].GetStringLength() > 0);
      CHECK(r["exampleSettings"].IsObject());
      CHECK(!r.HasMember("file"));  // one of wxlint's own rules
    }
  CHECK(found);
  CHECK(wxlint_linter_rules_json(nullptr, &json, nullptr) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(json == nullptr);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: apply_fixes applies the fixes of diagnostics given as JSON", "[c_api]") {
  const std::string text = R"({"type": "WORK", "x": 1})";
  // The edits of two fixes, as a report lists them; the second overlaps the first.
  const std::string diagnostics = R"([{"code": "A", "fix": {"applicability": "safe", "message": "m",
      "edits": [{"offset": 10, "length": 4, "content": "work"}]}},
    {"code": "B"},
    {"fix": {"applicability": "safe", "message": "m", "edits": [{"offset": 12, "length": 1, "content": "?"}]}},
    {"fix": {"applicability": "unsafe", "message": "m", "edits": [{"offset": 17, "length": 6, "content": ""}]}}])";
  char* fixed = nullptr;
  size_t length = 0, applied = 0;
  char* error = nullptr;
  REQUIRE(wxlint_apply_fixes(text.data(), text.size(), diagnostics.c_str(), 0, &fixed, &length, &applied, &error) ==
          WXLINT_OK);
  CHECK(std::string(fixed, length) == R"({"type": "work", "x": 1})");
  CHECK(applied == 1);
  wxlint_string_free(fixed);
  REQUIRE(wxlint_apply_fixes(text.data(), text.size(), diagnostics.c_str(), WXLINT_FIX_UNSAFE, &fixed, nullptr, &applied,
                             nullptr) == WXLINT_OK);
  CHECK(std::string(fixed) == R"({"type": "work", })");
  CHECK(applied == 2);
  wxlint_string_free(fixed);
  CHECK(wxlint_apply_fixes(text.data(), text.size(), R"([{"fix": {"applicability": "safe", "edits": [{"offset": -1}]}}])",
                           0, &fixed, nullptr, nullptr, &error) == WXLINT_E_OPTIONS);
  CHECK(take(error) == R"(diagnostics: /0/fix/edits/0: expected {"offset", "length", "content"})");
  CHECK(fixed == nullptr);
  const auto refused = [&](const std::string& diagnostics) {
    CHECK(wxlint_apply_fixes(text.data(), text.size(), diagnostics.c_str(), 0, &fixed, nullptr, nullptr, &error) ==
          WXLINT_E_OPTIONS);
    return take(error);
  };
  CHECK(refused(R"([{"fix": {"applicability": "bogus", "edits": []}}])") ==
        R"(diagnostics: /0/fix/applicability: must be "safe" or "unsafe")");
  CHECK(refused(R"([{"fix": {"applicability": 5, "edits": []}}])") == "diagnostics: /0/fix/applicability: must be a string");
  CHECK(refused(R"([{"fix": {"applicability": "safe", "message": 1, "edits": []}}])") ==
        "diagnostics: /0/fix/message: must be a string");
  CHECK(refused(R"([{"fix": {"applicability": "safe", "edits": [{"offset": 0, "length": 0, "content": 2}]}}])") ==
        "diagnostics: /0/fix/edits/0/content: must be a string");
  CHECK(wxlint_apply_fixes(text.data(), text.size(), "[", 0, &fixed, nullptr, nullptr, nullptr) == WXLINT_E_OPTIONS);
  CHECK(wxlint_apply_fixes(text.data(), text.size(), "[]", 2, &fixed, nullptr, nullptr, nullptr) ==
        WXLINT_E_INVALID_ARGUMENT);
}

TEST_CASE("c api: wxlint_fix leaves alone what the config ignores, as check --fix does", "[c_api]") {
  Scratch s;
  const std::string config = s.write(".wxlint.json", R"({"ignore": [{"pointer": "/source"}], "operations": {"*.json": "createContact"}})");
  wxlint_linter* linter = make(R"({"config": ")" + config + R"("})");
  const std::string text =
      R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "displayName": " Ada", "source": "ch", "primaryContactMethod": "EMAIL"})";
  char* fixed = nullptr;
  wxlint_result* result = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_fix(linter, text.data(), text.size(), (s.dir / "a.json").c_str(), nullptr, 0, &fixed, nullptr, &result,
                     &error) == WXLINT_OK);
  CHECK(take(fixed) ==
        R"({"schemas": "urn:cisco:codev:identity:contact:core:1.0", "displayName": "Ada", "source": "ch", "primaryContactMethod": "EMAIL"})");
  CHECK(wxlint_result_fixes_applied(result) == 1);
  wxlint_result_free(result);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: wxlint_lint_reindented keeps apart the tokens whitespace separates, and judges maxFileSize on the text",
          "[c_api]") {
  wxlint_linter* linter = make(R"({"settings": {"maxFileSize": 64}})");
  const auto reindented = [&](const std::string& text) {
    wxlint_result* result = nullptr;
    char* error = nullptr;
    const int status = wxlint_lint_reindented(linter, text.data(), text.size(), "x.json", nullptr, &result, &error);
    return codes_of(status, result, error);
  };
  // "1 2" joined would be 12, a valid number: the missing comma would go unseen.
  CHECK(reindented(R"({"a": [1 2]})").json.find("Missing a comma before this, or the ] that closes the array") != std::string::npos);
  CHECK(reindented(R"({"a": tr ue})").codes == "WX0001");
  // 40 bytes of text lay out past 64: still linted, as given.
  const std::string small = R"({"a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]})";
  char* laid_out = nullptr;
  size_t length = 0;
  REQUIRE(wxlint_reindent(small.data(), small.size(), &laid_out, &length, nullptr) == WXLINT_OK);
  CHECK(length > 64);
  wxlint_string_free(laid_out);
  CHECK(reindented(small).codes.find("WX0006") == std::string::npos);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: an unknown operation's name is shown printable", "[c_api]") {
  wxlint_linter* linter = make("{}");
  wxlint_result* result = nullptr;
  char* error = nullptr;
  CHECK(wxlint_lint(linter, "{}", 2, "x", "\xff\xfe", &result, &error) == WXLINT_E_UNKNOWN_OPERATION);
  const std::string message = take(error);
  INFO(message);
  CHECK(message.rfind(R"(unknown operation "\xff\xfe")", 0) == 0);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: with a baseline, maxFindingsPerRule caps what the baseline leaves", "[c_api]") {
  Scratch s;
  // The same user three times with number and extension given empty: 1026016 each, the first held by
  // the baseline (recorded from a request with that user alone).
  const std::string user =
      R"({"userId": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS8wNTJhYjliZC1jNmUyLTZlYWUtMWE5YS01ZWZhMGEyNWMxNmE", "extension": "", "phoneNumber": ""})";
  std::string three = kNoExtension;
  three.replace(three.find(user), user.size(), user + ", " + user + ", " + user);
  const std::string path = (s.dir / "m.json").string();
  wxlint::LinterOptions all;
  all.disabled = {"move-users/duplicate-user"};
  all.list_every_finding = true;
  const wxlint::FileReport one = wxlint::Linter::embedded(all).lint(kNoExtension, path);
  REQUIRE(one.diagnostics.size() == 1);
  wxlint::Baseline::from_reports({one}, s.dir.string()).save((s.dir / "base.json").string());
  const std::string options = R"("settings": {"maxFindingsPerRule": 1}, "disabled": ["move-users/duplicate-user"])";
  const auto lint_with = [&](const std::string& more) {
    wxlint_linter* linter = make("{" + options + more + "}");
    wxlint_result* result = nullptr;
    char* error = nullptr;
    const int status = wxlint_lint(linter, three.data(), three.size(), path.c_str(), nullptr, &result, &error);
    wxlint_linter_free(linter);
    return codes_of(status, result, error);
  };
  // Without a baseline: one listed, two summed up.
  const Lint plain = lint_with("");
  CHECK(plain.codes == "1026016,1026016");
  CHECK(plain.json.find("... and 2 more findings of this rule in this file; only the first is listed") != std::string::npos);
  // With it: the second listed, the third summed up; not the summary alone.
  const Lint based = lint_with(R"(, "baseline": ")" + (s.dir / "base.json").string() + R"(")");
  CHECK(based.codes == "1026016,1026016");
  CHECK(based.json.find("... and 1 more finding of this rule in this file; only the first is listed") != std::string::npos);
}
