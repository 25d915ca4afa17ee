#include "engine/undetected.hpp"

#include "engine/catalogue.hpp"
#include "document/json_pointer.hpp"
#include "formats/formats.hpp"
#include "snapshot/kinds.hpp"

#include <algorithm>

namespace wxlint {
namespace {

// " and " / ", " list of quoted operation ids.
std::string names(const std::vector<const Operation*>& ops) {
  std::string s;
  for (std::size_t i = 0; i < ops.size(); ++i)
    s += (i == 0 ? "\"" : i + 1 == ops.size() ? " and \"" : ", \"") + ops[i]->doc.id + "\"";
  return s;
}

}  // namespace

Undetected undetected(const Catalogue& catalogue, const rapidjson::Value& root, const std::vector<const Operation*>& detected) {
  Undetected u{"", ";"};
  const rapidjson::Value* items = nullptr;
  const snapshot::Kind* kind = snapshot::detect_kind(root, &items);
  // A list's items are objects: {"phoneNumbers": ["+1..."]} is an Add Phone Numbers body.
  if (kind && std::any_of(items->Begin(), items->End(), [](const rapidjson::Value& v) { return !v.IsObject(); }))
    kind = nullptr;
  if (kind && detected.empty()) {
    // A snapshot page among the payloads (`wxlint check dir/` over a project holding both).
    u.hint = ": it is a saved list response, a page of an org snapshot (" + std::string(kind->shape) +
             "): give it with --snapshot (or \"snapshot\" in .wxlint.json), not as a payload. Or";
  } else if (detected.size() > 1) {
    u.hint = ": its members fit " + names(detected) + " alike;";
  } else if (root.IsObject()) {
    std::vector<std::string> keys;
    for (const auto& op : catalogue.operations())
      for (const auto& set : op->detect) keys.insert(keys.end(), set.begin(), set.end());
    for (const auto& m : root.GetObject()) {
      const std::string_view name(m.name.GetString(), m.name.GetStringLength());
      if (std::find(keys.begin(), keys.end(), name) != keys.end() || catalogue.known_member(name)) continue;
      auto match = formats::did_you_mean(name, keys);
      if (!match) continue;
      std::string owner;
      for (const auto& op : catalogue.operations())
        for (const auto& set : op->detect)
          if (std::find(set.begin(), set.end(), *match) != set.end()) owner = op->doc.id;
      pointer::append_key(u.at, name);
      u.hint = ": did you mean \"" + *match + "\" (of " + owner + ") instead of \"" + std::string(name) + "\"? Or";
      break;
    }
    if (u.at.empty())
      if (auto near = catalogue.closest(root); !near.empty()) u.hint = ": its members look most like " + names(near) + ";";
  }
  return u;
}

}  // namespace wxlint
