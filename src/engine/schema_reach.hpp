// Whether a pointer pattern can name anything an operation's request schema allows. A policy
// rule bound to a misspelt member ("extention") of a closed object would otherwise load and
// never fire: the rule file is told instead, as a misspelt setting is.
#pragma once

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <vector>

namespace wxlint {
struct DataFile;
}

namespace wxlint::schema_reach {

// nullopt when `tokens` ("*" for any member or item) can reach a value the schema allows;
// else why not: "the request schema has no member \"extention\" at /usersList/*/users/*;
// did you mean \"extension\"?". Reads the schema as allowing more than it may (every
// branch of anyOf/oneOf/allOf, every patternProperties), so it is never wrong when it objects.
// With `value`, the place must also hold values of its JSON type: a "when" condition whose
// value the schema's type rules out never holds.
std::optional<std::string> unreachable(const rapidjson::Value& schema, const std::vector<std::string>& tokens,
                                       const rapidjson::Value* value = nullptr);

// Throws ConfigError at a rule's "at", or at a member of its "when" or "unless", that names
// nothing `schema` allows ("1/userID"), or climbs above the request's root. A "forbidden"
// rule's member is one the schema may lack; its object is held to it.
void check_places(const DataFile& file, const std::string& ptr, const rapidjson::Value& rule, const rapidjson::Value& schema);

}  // namespace wxlint::schema_reach
