// Document::locate places most values from the DOM (src/document/dom_spans.cpp) and
// skims the text for the rest: both must give the spans the skim alone gives.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include <wxlint/linter.hpp>

#include "document/dom_spans.hpp"
#include "document_diff.hpp"

using wxlint::Document;
using wxlint::Span;

namespace {

// Spans from the DOM and the skim (strings pointing into the text) against the skim
// alone (strings copied).
void check_same_spans(const std::string& text) {
  const Document dom(text, true), skim(text, false);
  if (dom.parsed()) CHECK(wxlint::testing::span_diff(dom, skim) == "");
}

bool from_dom(const Document& d, const std::string& pointer) {
  Span s;
  return wxlint::detail::DomSpans(d.text(), d.root()).span(pointer, s);
}

}  // namespace

TEST_CASE("dom spans: the spans the skim gives, for every value of every test file", "[document]") {
  for (const char* dir : {"examples", "testdata"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::filesystem::path(WXLINT_SOURCE_DIR) / dir))
      if (e.path().extension() == ".json") {
        INFO(e.path().string());
        check_same_spans(wxlint::read_file(e.path().string()));
      }
  // Shapes the files may lack: empty containers, scalars in arrays, escapes, repeated keys.
  for (const std::string text : {
           R"({"a": [], "b": {}, "c": [ 1, 2.5, true, null, "x", [], {} ], "d": [[["deep"]]], "e": {"f": {}}, "g": [7]})",
           R"([1, "two", {"three": 3}, [4]])",
           R"({"esc\"aped": "va\\lue", "plain": "x\ny", "k": {"a": 1, "a": "repeated"}})",
           "\xEF\xBB\xBF {\"bom\" : [ \"x\" , 2 ] } ",
           R"("a string root")", "42", "[]", "{}"})
    check_same_spans(text);
}

TEST_CASE("dom spans: payload values come from the DOM, without a skim", "[document]") {
  const Document d(R"({"n": [1, 2], "usersList": [{"locationId": "Y2lz", "validate": false,
    "users": [{"userId": "Y2lzY29", "extension": "2001"}, {"userId": "Y2lzY30"}]}]})",
                   true);
  REQUIRE(d.parsed());
  for (const char* p : {"", "/usersList", "/usersList/0", "/usersList/0/validate", "/usersList/0/users/1",
                        "/usersList/0/users/0/extension", "/n/0"}) {
    INFO(p);
    CHECK(from_dom(d, p));
  }
  // A number that is not the first element has nothing in the DOM to go by, nor has
  // an array that ends with one.
  CHECK_FALSE(from_dom(d, "/n/1"));
  CHECK_FALSE(from_dom(d, "/n"));
  CHECK_FALSE(from_dom(d, "/usersList/1"));
}
