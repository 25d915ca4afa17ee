#include <catch2/catch.hpp>

#include "document/json_pointer.hpp"

using namespace wxlint;

TEST_CASE("append_key escapes '~' and '/'", "[pointer]") {
  std::string p;
  pointer::append_key(p, "a/b~c");
  CHECK(p == "/a~1b~0c");
  pointer::append_key(p, "");
  CHECK(p == "/a~1b~0c/");
  pointer::append_key(p, "~1");
  CHECK(p == "/a~1b~0c//~01");
}

TEST_CASE("append_index writes decimal indices", "[pointer]") {
  std::string p = "/items";
  pointer::append_index(p, 0);
  pointer::append_index(p, 18446744073709551615ull);
  CHECK(p == "/items/0/18446744073709551615");
}

TEST_CASE("split decodes tokens", "[pointer]") {
  CHECK(pointer::split("")->empty());
  CHECK(*pointer::split("/") == std::vector<std::string>{""});
  CHECK(*pointer::split("/a~1b/0") == std::vector<std::string>{"a/b", "0"});
  CHECK(*pointer::split("/~01") == std::vector<std::string>{"~1"});
  CHECK(*pointer::split("//x/") == std::vector<std::string>{"", "x", ""});
  CHECK(*pointer::split("/é漢😀") == std::vector<std::string>{"é漢😀"});
}

TEST_CASE("split rejects malformed pointers", "[pointer]") {
  CHECK_FALSE(pointer::split("a"));
  CHECK_FALSE(pointer::split("/a~"));
  CHECK_FALSE(pointer::split("/a~2"));
  CHECK_FALSE(pointer::split("/~x"));
  CHECK_FALSE(pointer::split("#/a"));
}

TEST_CASE("escaping round trips", "[pointer]") {
  const std::vector<std::vector<std::string>> cases = {
      {}, {""}, {"a"}, {"~"}, {"/"}, {"~0", "~1"}, {"a/b~c", "0", ""}, {"//~~", "x y", "\"q\""},
      {std::string("nul\0byte", 8)}};
  for (const auto& tokens : cases) {
    const std::string joined = pointer::join(tokens);
    auto back = pointer::split(joined);
    REQUIRE(back);
    CHECK(*back == tokens);
    std::string built;
    for (const auto& t : tokens) pointer::append_key(built, t);
    CHECK(built == joined);
  }
}
