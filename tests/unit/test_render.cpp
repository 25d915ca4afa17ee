// Message placeholders (engine/findings.hpp render): {name} filled, anything else as written,
// in time linear in the message however many '{' have no '}'.
#include "engine/findings.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <random>
#include <string>
#include <vector>

using wxlint::render;

namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

// The renderer as it was (each '{' looks for its '}' anew): the semantics to keep.
std::string reference(std::string_view tmpl, const Args& args) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    const std::size_t open = tmpl.find('{', i);
    out.append(tmpl.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (open == std::string_view::npos) break;
    const std::size_t close = tmpl.find('}', open);
    if (close != std::string_view::npos) {
      bool found = false;
      for (const auto& [name, value] : args)
        if (!found && name == tmpl.substr(open + 1, close - open - 1)) out += value, found = true;
      if (found) {
        i = close + 1;
        continue;
      }
    }
    out += '{';
    i = open + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("render: placeholders filled, the rest as written", "[render]") {
  const Args args = {{"a", "A"}, {"value", "{v}"}, {"", "E"}};
  CHECK(render("x {a} y", args) == "x A y");
  CHECK(render("{value}{a}", args) == "{v}A");  // a value is not rendered again
  CHECK(render("{b} {a", args) == "{b} {a");
  CHECK(render("{{a}}", args) == "{A}");
  CHECK(render("{}", args) == "E");
  CHECK(render("}{", args) == "}{");
  CHECK(render("{{{{ {a}", args) == "{{{{ A");
  CHECK(render("{x{a}", args) == "{xA");
  CHECK(render("", args).empty());
}

TEST_CASE("render: as the reference on random messages", "[render]") {
  const Args args = {{"a", "A"}, {"ab", "<ab>"}, {"", "E"}, {"{a", "?"}};
  std::mt19937 rng(20251206);
  const std::string alphabet = "{{}}ab x";
  for (int round = 0; round < 100000; ++round) {
    std::string t(std::uniform_int_distribution<std::size_t>(0, 12)(rng), ' ');
    for (char& c : t) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
    INFO("message \"" << t << "\"");
    REQUIRE(render(t, args) == reference(t, args));
  }
}

TEST_CASE("render: many '{' without '}' render in linear time", "[render][linear]") {
  // A million: one scan each for its '}' took ~18 s of CPU (quadratic); linear takes milliseconds.
  // CPU time, with a wide margin.
  const Args args = {{"value", "7"}};
  const std::string opens(1000000, '{');
  const std::clock_t t0 = std::clock();
  CHECK(render(opens, args) == opens);
  CHECK(render(opens + "{value}", args) == opens + "7");
  CHECK(render(opens + "}", args) == opens + "}");
  CHECK(test_support::cpu_seconds_since(t0) < 3.0 * test_support::kSlowBuild);
}
