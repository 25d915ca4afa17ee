// The C ABI's contract at its edges: errors come back as values with a message, never as
// exceptions; NULL is refused or ignored as documented; findings are not errors.
#include <wxlint/wxlint.h>

#include <catch2/catch.hpp>

#include <cstring>
#include <string>

namespace {

// Takes ownership of a message returned through char** error.
std::string take(char*& error) {
  std::string s = error ? error : "";
  wxlint_string_free(error);
  error = nullptr;
  return s;
}

struct Embedded {
  wxlint_linter* linter = nullptr;
  Embedded() {
    char* error = nullptr;
    REQUIRE(wxlint_linter_new_embedded(nullptr, &linter, &error) == WXLINT_OK);
    REQUIRE(error == nullptr);
  }
  ~Embedded() { wxlint_linter_free(linter); }
};

const char kPayload[] = R"({"usersList": [{"locationId": "x", "validate": true, "users": []}]})";

}  // namespace

TEST_CASE("c api: version and status strings", "[c_api]") {
  CHECK(std::string(wxlint_version()).find('.') != std::string::npos);
  CHECK(wxlint_abi_version() == WXLINT_ABI_VERSION);
  CHECK(std::string(wxlint_status_string(WXLINT_OK)) == "ok");
  CHECK(std::string(wxlint_status_string(WXLINT_E_IO)) == "i/o error");
  CHECK(std::string(wxlint_status_string(12345)) == "unknown status");
}

TEST_CASE("c api: a bad directory is an error value with a message", "[c_api]") {
  wxlint_linter* linter = reinterpret_cast<wxlint_linter*>(1);  // must be reset to NULL
  char* error = nullptr;
  CHECK(wxlint_linter_new_from_directory("/nonexistent/wxlint", nullptr, &linter, &error) == WXLINT_E_IO);
  CHECK(linter == nullptr);
  CHECK(take(error).find("/nonexistent/wxlint") != std::string::npos);
  // The message is optional: a NULL error pointer still gets the status.
  CHECK(wxlint_linter_new_from_directory("/nonexistent/wxlint", nullptr, &linter, nullptr) == WXLINT_E_IO);
  // An empty name is no directory (NULL is the compiled-in catalogue, for wxlint_linter_new).
  CHECK(wxlint_linter_new_from_directory("", nullptr, &linter, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == "the rules directory must not be empty (NULL: the compiled-in catalogue)");
  CHECK(wxlint_linter_new("", nullptr, &linter, nullptr) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(linter == nullptr);
}

TEST_CASE("c api: the source tree's rules load from a directory", "[c_api]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_linter_new_from_directory(WXLINT_SOURCE_DIR, nullptr, &linter, &error) == WXLINT_OK);
  CHECK(error == nullptr);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: NULL arguments are refused", "[c_api]") {
  char* error = nullptr;
  CHECK(wxlint_linter_new_embedded(nullptr, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error).find("out") != std::string::npos);
  wxlint_linter* linter = nullptr;
  CHECK(wxlint_linter_new_from_directory(nullptr, nullptr, &linter, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error).find("dir") != std::string::npos);

  Embedded e;
  wxlint_result* result = nullptr;
  CHECK(wxlint_lint(nullptr, "{}", 2, "a.json", nullptr, &result, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error).find("linter") != std::string::npos);
  CHECK(wxlint_lint(e.linter, "{}", 2, "a.json", nullptr, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK_FALSE(take(error).empty());
  CHECK(wxlint_lint(e.linter, nullptr, 5, "a.json", nullptr, &result, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(result == nullptr);
  CHECK_FALSE(take(error).empty());
}

TEST_CASE("c api: accessors and frees accept NULL", "[c_api]") {
  wxlint_linter_free(nullptr);
  wxlint_result_free(nullptr);
  wxlint_string_free(nullptr);
  size_t length = 7;
  CHECK(wxlint_result_json(nullptr, &length) == nullptr);
  CHECK(length == 0);
  CHECK(wxlint_result_operation(nullptr) == nullptr);
  CHECK(wxlint_result_count(nullptr, -1) == 0);
}

TEST_CASE("c api: bad options JSON", "[c_api]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  SECTION("not JSON") {
    CHECK(wxlint_linter_new_embedded("{\"disabled\": [", &linter, &error) == WXLINT_E_OPTIONS);
    CHECK(take(error).find("not JSON") != std::string::npos);
  }
  SECTION("wrong shapes") {
    for (const char* text : {"[]", "{\"disabled\": \"x\"}", "{\"disabled\": [1]}", "{\"settings\": []}",
                             "{\"severities\": {\"WX0001\": \"fatal\"}}", "{\"bogus\": {}}"}) {
      INFO(text);
      CHECK(wxlint_linter_new_embedded(text, &linter, &error) == WXLINT_E_OPTIONS);
      CHECK(take(error).rfind("options: ", 0) == 0);
    }
  }
  SECTION("a member's name in the message is escaped: a NUL would cut it short") {
    CHECK(wxlint_linter_new_embedded("{\"fo\\u0000o\\n\": 1}", &linter, &error) == WXLINT_E_OPTIONS);
    CHECK(take(error) == "options: unknown member \"fo\\x00o\\n\" (expected settings, disabled, severities, snapshot, "
                         "rules, region, config, baseline)");
    CHECK(wxlint_linter_new_embedded("{\"severities\": {\"WX\\u0000\": \"loud\\t\"}}", &linter, &error) == WXLINT_E_OPTIONS);
    CHECK(take(error) == "options: severity of \"WX\\x00\" must be error, warning or info, not \"loud\\t\"");
  }
  SECTION("well-formed but naming what does not exist") {
    CHECK(wxlint_linter_new_embedded("{\"disabled\": [\"no/such-rule\"]}", &linter, &error) == WXLINT_E_CONFIG);
    CHECK(take(error).find("no/such-rule") != std::string::npos);
    CHECK(wxlint_linter_new_embedded("{\"settings\": {\"noSuchSetting\": 1}}", &linter, &error) == WXLINT_E_CONFIG);
    CHECK(take(error).find("noSuchSetting") != std::string::npos);
  }
  SECTION("a NUL in a name is shown, and the message goes on past it") {
    CHECK(wxlint_linter_new_embedded("{\"disabled\": [\"a\\u0000b\"]}", &linter, &error) == WXLINT_E_CONFIG);
    CHECK(take(error) == "unknown rule id or code \"a\\x00b\"");
  }
  CHECK(linter == nullptr);
}

TEST_CASE("c api: valid options change the findings", "[c_api]") {
  wxlint_linter* linter = nullptr;
  char* error = nullptr;
  REQUIRE(wxlint_linter_new_embedded(R"({"severities": {"WX0001": "warning"}, "settings": {"maxUsers": 5}})",
                                     &linter, &error) == WXLINT_OK);
  wxlint_result* result = nullptr;
  REQUIRE(wxlint_lint(linter, "{", 1, "broken.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(wxlint_result_count(result, WXLINT_SEVERITY_ERROR) == 0);
  CHECK(wxlint_result_count(result, WXLINT_SEVERITY_WARNING) == 1);
  wxlint_result_free(result);
  wxlint_linter_free(linter);
}

TEST_CASE("c api: broken JSON is a report with a WX0001 finding, not an error", "[c_api]") {
  Embedded e;
  wxlint_result* result = nullptr;
  char* error = nullptr;
  const char text[] = "{\"usersList\": [}";
  REQUIRE(wxlint_lint(e.linter, text, std::strlen(text), "broken.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(error == nullptr);
  size_t length = 0;
  const std::string json = wxlint_result_json(result, &length);
  CHECK(length == json.size());
  CHECK(json.rfind("{\"version\":1,", 0) == 0);
  CHECK(json.find("\"path\":\"broken.json\"") != std::string::npos);
  CHECK(json.find("\"code\":\"WX0001\"") != std::string::npos);
  CHECK(wxlint_result_count(result, WXLINT_SEVERITY_ERROR) >= 1);
  CHECK(wxlint_result_count(result, -1) >= wxlint_result_count(result, WXLINT_SEVERITY_ERROR));
  CHECK(wxlint_result_count(result, 99) == 0);
  CHECK(wxlint_result_operation(result) == nullptr);
  wxlint_result_free(result);
}

TEST_CASE("c api: lint a buffer that is not NUL-terminated, and an empty one", "[c_api]") {
  Embedded e;
  wxlint_result* result = nullptr;
  char* error = nullptr;
  // Only the first `length` bytes count: the trailing garbage must not be read.
  const std::string text = std::string(kPayload) + "garbage";
  REQUIRE(wxlint_lint(e.linter, text.data(), std::strlen(kPayload), nullptr, nullptr, &result, &error) == WXLINT_OK);
  CHECK(std::string(wxlint_result_json(result, nullptr)).find("\"path\":\"<buffer>\"") != std::string::npos);
  CHECK(std::string(wxlint_result_json(result, nullptr)).find("WX0001") == std::string::npos);
  CHECK(wxlint_result_operation(result) != nullptr);
  wxlint_result_free(result);
  REQUIRE(wxlint_lint(e.linter, nullptr, 0, "empty.json", nullptr, &result, &error) == WXLINT_OK);
  CHECK(std::string(wxlint_result_json(result, nullptr)).find("\"rule\":\"json/empty\"") != std::string::npos);
  wxlint_result_free(result);
}

TEST_CASE("c api: a length no buffer can be is an invalid argument, judged before the text is touched", "[c_api]") {
  Embedded e;
  wxlint_result* result = nullptr;
  char* fixed = nullptr;
  char* error = nullptr;
  // text + length would overflow (undefined behaviour) before a byte is read.
  const std::string expected = "length " + std::to_string(SIZE_MAX) + " is larger than any buffer can be";
  CHECK(wxlint_lint(e.linter, "{}", SIZE_MAX, "a.json", nullptr, &result, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == expected);
  CHECK(result == nullptr);
  CHECK(wxlint_reindent("{}", SIZE_MAX, &fixed, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == expected);
  CHECK(wxlint_fix(e.linter, "{}", SIZE_MAX, "a.json", nullptr, 0, &fixed, nullptr, &result, &error) ==
        WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == expected);
  CHECK(wxlint_apply_fixes("{}", SIZE_MAX, "[]", 0, &fixed, nullptr, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == expected);
  CHECK(fixed == nullptr);
}

TEST_CASE("c api: a forced operation must exist", "[c_api]") {
  Embedded e;
  wxlint_result* result = nullptr;
  char* error = nullptr;
  CHECK(wxlint_lint(e.linter, kPayload, std::strlen(kPayload), "a.json", "noSuchOperation", &result, &error) ==
        WXLINT_E_UNKNOWN_OPERATION);
  CHECK(result == nullptr);
  CHECK(take(error).find("validateOrInitiateMoveUsersJob") != std::string::npos);  // lists the known ones
  REQUIRE(wxlint_lint(e.linter, kPayload, std::strlen(kPayload), "a.json", "validateOrInitiateMoveUsersJob",
                      &result, &error) == WXLINT_OK);
  CHECK(std::string(wxlint_result_operation(result)) == "validateOrInitiateMoveUsersJob");
  wxlint_result_free(result);
}

TEST_CASE("c api: wxlint_reindent gives the layout wxlint_lint_reindented lints, or NULL past its bound", "[c_api]") {
  char* laid_out = reinterpret_cast<char*>(1);  // must be reset
  size_t length = 99;
  char* error = nullptr;
  const std::string compact = R"({"a": [1, {"b": null}], "c": {}})";
  REQUIRE(wxlint_reindent(compact.data(), compact.size(), &laid_out, &length, &error) == WXLINT_OK);
  CHECK(error == nullptr);
  const std::string expected = "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}";
  REQUIRE(laid_out != nullptr);
  CHECK(std::string(laid_out, length) == expected);
  CHECK(laid_out[length] == '\0');
  wxlint_string_free(laid_out);
  // 40,000 numbers 20 levels deep: 42 bytes a number laid out, 2 on one line (past 3x + 1 MB).
  std::string deep = std::string(20, '[') + "0";
  for (int i = 1; i < 40000; ++i) deep += ",0";
  deep += std::string(20, ']');
  REQUIRE(wxlint_reindent(deep.data(), deep.size(), &laid_out, &length, &error) == WXLINT_OK);
  CHECK(laid_out == nullptr);
  CHECK(length == 0);
  CHECK(error == nullptr);
  CHECK(wxlint_reindent(nullptr, 1, &laid_out, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == "text must not be NULL when length > 0");
  CHECK(wxlint_reindent("[]", 2, nullptr, nullptr, &error) == WXLINT_E_INVALID_ARGUMENT);
  CHECK(take(error) == "laid_out must not be NULL");
}
