// detail::reindent: the layout of Python's json.dumps(indent=2), tokens unchanged, bounded.
#include "document/reindent.hpp"

#include <catch2/catch.hpp>

#include <string>

using wxlint::detail::reindent;

TEST_CASE("reindent: json.dumps(indent=2)'s layout", "[reindent]") {
  // python3 -c 'import json; print(json.dumps({"a": [1, {"b": None}, [], {}], "c": "x,{}:[]\"", "d": {"e": -1.5e-07}}, indent=2))'
  const std::string compact = R"({"a": [1, {"b": null}, [], {}], "c": "x,{}:[]\"", "d": {"e": -1.5e-07}})";
  CHECK(reindent(compact) ==
        "{\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {\n"
        "      \"b\": null\n"
        "    },\n"
        "    [],\n"
        "    {}\n"
        "  ],\n"
        "  \"c\": \"x,{}:[]\\\"\",\n"
        "  \"d\": {\n"
        "    \"e\": -1.5e-07\n"
        "  }\n"
        "}");
  CHECK(reindent("[ ]") == "[]");
  CHECK(reindent("\"a b\"") == "\"a b\"");
  CHECK(reindent("") == "");
}

TEST_CASE("reindent: invalid text keeps its tokens where they were", "[reindent]") {
  CHECK(reindent("{\"a\": NaN,}") == "{\n  \"a\": NaN,\n  \n}");
  CHECK(reindent("]]\"open") == "\n]\n]\"open");
  CHECK(reindent("\"ends in a backslash\\") == "\"ends in a backslash\\");
}

TEST_CASE("reindent: deep nesting past the size bound is refused, not laid out", "[reindent]") {
  const std::string deep = std::string(2000, '[') + std::string(2000, ']');
  CHECK_FALSE(reindent(deep).has_value());
  const std::string fine = std::string(200, '[') + "1" + std::string(200, ']');
  REQUIRE(reindent(fine).has_value());
  CHECK(reindent(fine)->size() == 200 * 2 + 1 + 2 * 2 * (200 * 201 / 2));
}
