// Identity keys (docs/configuration.md, "Baselines"): array indexes replaced by the item's
// identity member, its scalar value or a hash of its own scalars; repeats numbered.
#include <catch2/catch.hpp>

#include "document/document.hpp"
#include "engine/identity.hpp"

#include <string>

using namespace wxlint;

namespace {

std::string key(const std::string& json, const std::string& pointer) {
  Document doc(json);
  REQUIRE(doc.parsed());
  return identity_key(doc.root(), pointer);
}

}  // namespace

TEST_CASE("identity keys name items by their identity member", "[identity]") {
  const std::string users = R"({"users": [{"extension": "10", "userId": "u/1~"}, {"phoneNumber": "+1", "extension": "11"}]})";
  CHECK(key(users, "/users/0/extension") == "/users/[userId=u~11~0]/extension");
  CHECK(key(users, "/users/1") == "/users/[phoneNumber=+1]");
  CHECK(key(users, "/users/1/missing/0") == "/users/[phoneNumber=+1]/missing/0");  // past the document: as given
  CHECK(key(users, "/users/7") == "/users/7");
  CHECK(key(users, "") == "");
  CHECK(key(R"({"a": [{"id": 5}]})", "/a/0") == "/a/[id=5]");  // not a string: its JSON text
}

TEST_CASE("identity keys of scalars, repeats and items without an identity member", "[identity]") {
  CHECK(key(R"({"n": ["+1", "+2", "+1"]})", "/n/2") == "/n/[=+1]*2");
  CHECK(key(R"({"n": ["+1", "+2", "+1"]})", "/n/0") == "/n/[=+1]");
  const std::string long_id(200, 'x');
  CHECK(key(R"({"u": [{"userId": ")" + long_id + R"("}]})", "/u/0").starts_with("/u/[userId#"));
  // Content: the item's own scalars; nested arrays may change without renaming it.
  const std::string a = key(R"({"c": [{"name": "Ann", "emails": [1]}]})", "/c/0");
  CHECK(a.starts_with("/c/[#"));
  CHECK(key(R"({"c": [{"z": 0}, {"name": "Ann", "emails": [1, 2]}]})", "/c/1") == a);
  CHECK(key(R"({"c": [{"name": "Bob", "emails": [1]}]})", "/c/0") != a);
}

TEST_CASE("identity keys count repeats by their tokens, whatever names them", "[identity]") {
  const std::string long_id(200, 'x');
  const std::string twice = R"({"u": [{"userId": ")" + long_id + R"("}, {"userId": ")" + long_id + R"("}]})";
  CHECK(key(twice, "/u/1") == key(twice, "/u/0") + "*2");
  CHECK(key(R"({"c": [{"name": "Ann"}, {"name": "Ann"}]})", "/c/1").ends_with("]*2"));
  // The same value under another member, or as the item itself, is another token.
  CHECK(key(R"({"u": [{"userId": "a"}, {"contactId": "a"}, "a", {"userId": "a"}]})", "/u/1") == "/u/[contactId=a]");
  CHECK(key(R"({"u": [{"userId": "a"}, {"contactId": "a"}, "a", {"userId": "a"}]})", "/u/2") == "/u/[=a]");
  CHECK(key(R"({"u": [{"userId": "a"}, {"contactId": "a"}, "a", {"userId": "a"}]})", "/u/3") == "/u/[userId=a]*2");
}

TEST_CASE("diagnostics get their keys when the text parses, the pointer when not", "[identity]") {
  std::vector<Diagnostic> ds(1);
  ds[0].location.pointer = "/u/0";
  assign_identity_keys(Document(R"({"u": [{"userId": "a"}]})"), ds);
  CHECK(ds[0].key == "/u/[userId=a]");
  assign_identity_keys(Document(R"({"u": [)"), ds);
  CHECK(ds[0].key == "/u/0");
}

TEST_CASE("identity keys of many findings in one big array: one sweep, repeats counted", "[identity]") {
  // 300 items, "a" then "b" then "c" and so on over 7 values: item i is the (i / 7 + 1)th of
  // its value. The sweep's table grows past its first size on the way.
  std::string json = R"({"n": [)";
  for (int i = 0; i < 300; ++i) json += (i ? ",\"" : "\"") + std::string(1, static_cast<char>('a' + i % 7)) + "\"";
  json += "]}";
  const auto expected = [](int i) {
    const std::string token = "/n/[=" + std::string(1, static_cast<char>('a' + i % 7)) + "]";
    return i / 7 == 0 ? token : token + "*" + std::to_string(i / 7 + 1);
  };
  const std::vector<int> in_order = {0, 6, 7, 100, 101, 250, 299};
  std::vector<Diagnostic> ds(in_order.size());
  for (std::size_t k = 0; k < ds.size(); ++k) ds[k].location.pointer = "/n/" + std::to_string(in_order[k]);
  const Document doc(json);
  assign_identity_keys(doc, ds);
  for (std::size_t k = 0; k < ds.size(); ++k) CHECK(ds[k].key == expected(in_order[k]));
  // Out of order: the sweep starts again, with the same keys.
  const std::vector<int> shuffled = {299, 7, 250, 0, 101};
  ds.assign(shuffled.size(), {});
  for (std::size_t k = 0; k < ds.size(); ++k) ds[k].location.pointer = "/n/" + std::to_string(shuffled[k]);
  assign_identity_keys(doc, ds);
  for (std::size_t k = 0; k < ds.size(); ++k) CHECK(ds[k].key == expected(shuffled[k]));
}
