// Why no operation was picked for a payload (WX0011), said where it helps: at a top-level
// member that looks like a misspelt detection key ("userList"), or naming the operations it
// fits alike or looks most like, or recognising a page of an org snapshot.
#pragma once

#include "engine/rule.hpp"

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace wxlint {

class Catalogue;

struct Undetected {
  std::string at;    // a JSON Pointer: the misspelt member, else "" (the root)
  std::string hint;  // the finding's {hint}: ";" when there is nothing to add
};

// `detected`: the operations the payload fits (none, or several).
Undetected undetected(const Catalogue& catalogue, const rapidjson::Value& root, const std::vector<const Operation*>& detected);

}  // namespace wxlint
